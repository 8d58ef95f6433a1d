/**
 * Who may do what. Roles are ordered: a key of a higher role may do everything a lower one may.
 * READER reads (when reads are not public), EDITOR writes records, ADMIN deletes and replaces.
 */
export const ROLES = ['READER', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a key of role `held` may do what `needed` is required for. */
export function roleAtLeast(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

import type { AuthChecker } from 'type-graphql';
import { getMetadataStorage } from 'type-graphql';
import { isRole, roleAtLeast, type Role } from '../auth/roles';
import { forbidden, unauthenticated } from '../errors';
import type { Context } from './context';

/**
 * `@Authorized('EDITOR')` on a field means: a key of role EDITOR or higher. The checker throws the
 * API's own errors (UNAUTHENTICATED → HTTP 401 without a valid key, FORBIDDEN → 403 with too low a
 * role) rather than returning false, so clients see the closed set of codes.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context, info }, roles) => {
  const needed = requiredRole(roles);
  if (!context.principal) throw unauthenticated();
  if (!roleAtLeast(context.principal.role, needed)) {
    throw forbidden(`\`${info.fieldName}\` needs a key of role ${needed} or higher; this key is ${context.principal.role}`);
  }
  return true;
};

/** The most demanding role named; no role means any valid key. */
function requiredRole(roles: readonly string[]): Role {
  const named = roles.filter(isRole);
  if (named.length !== roles.length) throw new TypeError(`@Authorized takes READER, EDITOR or ADMIN, got ${roles.join(', ')}`);
  return named.reduce<Role>((max, r) => (roleAtLeast(r, max) ? r : max), 'READER');
}

/**
 * type-graphql ignores `@Authorized` silently when no authChecker is given (it checks field-level
 * marks only in some versions, and never class-level ones). The schema is never built that way:
 * this throws when anything is marked and no checker is passed.
 */
export function assertAuthWiring(checker: AuthChecker<Context, Role> | undefined): void {
  const storage = getMetadataStorage();
  const marked = storage.authorizedFields.length + storage.authorizedResolver.length;
  if (marked > 0 && !checker) {
    throw new Error(`${marked} field(s) or resolver(s) are @Authorized but no authChecker is set: refusing to build a schema that would not check them`);
  }
}

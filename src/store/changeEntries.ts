import { StoreError } from './errors';
import { normaliseInstant, type ChangeEntry } from './changes';

/**
 * Entries as both stores keep them: `at` normalised to the `toISOString` form (so instants compare
 * as strings in either store). A malformed instant is the writer's bug, refused before anything is stored.
 */
export function checkedChangeEntries(entries: readonly ChangeEntry[]): ChangeEntry[] {
  return entries.map((entry) => {
    const at = normaliseInstant(entry.at);
    if (!at) throw new StoreError('INVALID', `change entry for ${entry.recordId} has no valid instant: ${JSON.stringify(entry.at)}`);
    return { ...entry, at };
  });
}

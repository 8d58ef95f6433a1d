import type { Label } from '../../domain/ids';

/** The labels `search` looks in (the resolver and the direct executor's check of its compiled path). */
export const SEARCHABLE: readonly Label[] = ['Person', 'Institution', 'Lab', 'Theme', 'Material', 'Event', 'Paper'];

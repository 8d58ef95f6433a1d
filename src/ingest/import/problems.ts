import type { Location } from './records';

/**
 * One thing wrong with an import: where (file, line, column), which record, which field, and why.
 * Every problem of every file is collected before anything is written, so a data editor fixes a
 * file in one pass and a bad file never touches the store.
 */
export interface ImportProblem extends Location {
  recordId?: string;
  field?: string;
  reason: string;
}

/** `people.csv:14:3 person:x careerStage: must be one of …`, the form editors and grep both read. */
export function formatProblem(p: ImportProblem): string {
  const where = [p.file, p.line, p.column].filter((part) => part !== undefined).join(':');
  const what = [p.recordId, p.field].filter(Boolean).join(' ');
  return `${where}${what ? ` ${what}` : ''}: ${p.reason}`;
}

/** Stops collecting after this many problems: a file that is wrong everywhere says so without flooding memory. */
export const MAX_PROBLEMS = 1000;

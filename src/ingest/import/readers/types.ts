import type { ImportProblem } from '../problems';
import type { Location, RawRecord } from '../records';

/**
 * What a reader yields, in file order: records (not yet validated), the data set's header
 * (format, version, meta: data-set files only), and problems that stop the file from being read
 * further (not valid YAML, a CSV row with the wrong number of cells, an unknown column).
 * A reader can be run again from the start: import reads its files once to validate, then again
 * to write, instead of holding every record in memory.
 */
export type ReadItem =
  | { kind: 'record'; raw: RawRecord }
  | { kind: 'header'; value: Record<string, unknown>; at: Location }
  | { kind: 'problem'; problem: ImportProblem };

export type Reader = () => AsyncGenerator<ReadItem>;

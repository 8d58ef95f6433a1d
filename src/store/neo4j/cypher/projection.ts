import { CAREER_STAGES, PAPER_STATUSES, SCHEDULE_CHANGES, VISIT_STATUSES } from '../../../domain/enums';
import { int } from 'neo4j-driver';
import type { RelType } from '../../graph';
import { lines, type CypherQuery } from './types';
import { label, relType } from './whitelist';

/**
 * Everything the collaboration analytics need, in two statements of compact rows `(section, part)`
 * run side by side (PROJECTION_STATEMENTS):
 * for a label, `part` is a batch of tuples (internal node id, then the properties the projection
 * reads); for a relationship type, aligned lists of internal ids of start and end nodes and, where
 * the projection needs them, of relationship properties. `section` is the position in
 * NODE_SECTIONS followed by PROJECTION_RELS. The decoder (projectionRows.ts) joins them in JS by
 * internal id, sorts, and builds the projection's objects, whichever statement a row came from.
 *
 * Why this shape (issue #9; docs/benchmarks.md has the figures):
 * - five statements of one map per node with pattern comprehensions: every comprehension walked
 *   the node's whole relationship chain (people carry CITED_IN, MADE, AUTHORED… beside the one
 *   MEMBER_OF asked for) and read the far node's `id` string again for every relationship, and
 *   the driver built a map and a Record per node;
 * - here a relationship-type scan (`MATCH (a)-[:T]->(b)`, served by the relationship type lookup
 *   index) reads only the relationships of that type, `id(a)` and `id(b)` need no property read,
 *   a node's string id is read once, in its label's section, and lists of integers unpack without
 *   per-row objects.
 * Labels are not checked in the relationship patterns (that would turn the type scan back into
 * per-node expansion); the decoder keeps only endpoints found in the expected label's section,
 * which is what a label in the pattern did.
 *
 * What the bytes cost on the client (issue #9, measured at 100k people, docs/benchmarks.md): the
 * driver turns every Bolt INTEGER into an `Integer` object and back into a number
 * (`disableLosslessIntegers` converts after the fact), so internal ids travel as floats
 * (`toFloat(id(n))`, exact below 2^53), which unpack straight into numbers; the closed
 * vocabularies (career stage, statuses, schedule change) travel as small codes into
 * PROJECTION_CODES (a value outside it travels as itself); and rows are kept to a few KB, so
 * that nearly every Bolt message arrives in one piece: the driver reads a message split over
 * several network reads through a combined buffer byte by byte and decodes its strings with a
 * fresh StringDecoder each, several times slower than a message in one piece.
 *
 * `id()` is deprecated in Neo4j 5 in favour of `elementId()` (a ~40-character string: the point is
 * to avoid strings). An internal id names the same node until that node is deleted (its id may
 * then be reused), so the two statements, in two transactions, agree on them when no write
 * committed in between, which the store checks by the version (neo4jStore.ts `projection`). The
 * deprecation notice lands in the result summary, which nothing logs.
 *
 * Tuples may hold nulls; `collect` drops only null *elements*, so nullable relationship
 * properties are coalesced to "" (never a stored value of these date strings) and position to -1
 * (positions start at 0).
 */
export interface ProjectionRelSpec {
  /** Column names once gathered: `<key>From`, `<key>To`, `<key><Prop>` (projectionRows.ts). */
  key: string;
  type: RelType;
  /** Which of the PROJECTION_STATEMENTS statements reads it. */
  statement: number;
  /** Relationship properties, coalesced as described above. */
  props?: readonly { name: string; whenNull: string | number }[];
}

/**
 * The closed vocabularies the projection reads, as one list: a coded column carries the value's
 * position here (decodeCode in projectionRows.ts), or the value itself when it is not listed.
 */
export const PROJECTION_CODES: readonly string[] = [...new Set<string>([...CAREER_STAGES, ...VISIT_STATUSES, ...SCHEDULE_CHANGES, ...PAPER_STATUSES])];

/** A property of a closed vocabulary, sent as its code in PROJECTION_CODES when it has one. */
const coded = (property: string) => `coalesce($codes[${property}], ${property})`;

/**
 * Node columns: `[internal id, ...fields]` per label, in this order (the decoder reads by position);
 * `statement`: which of the PROJECTION_STATEMENTS statements reads them.
 */
export const PROJECTION_NODES = {
  people: { statement: 0, label: 'Person', fields: ['n.id', 'coalesce(n.displayName, n.id)', coded('n.careerStage'), 'coalesce(n.placeholder, false)'] },
  labs: { statement: 0, label: 'Lab', fields: ['n.id', 'coalesce(n.name, n.id)'] },
  institutions: { statement: 0, label: 'Institution', fields: ['n.id', 'coalesce(n.name, n.id)', 'n.country', 'coalesce(n.placeholder, false)'] },
  visits: { statement: 1, label: 'Visit', fields: ['n.id', coded('n.status'), coded('n.scheduleChange'), 'n.startEarliest', 'n.startLatest', 'n.endLatest', 'n.fiscalYear'] },
  papers: { statement: 1, label: 'Paper', fields: ['n.id', coded('n.status'), 'n.year'] },
} as const;

export type NodeSection = keyof typeof PROJECTION_NODES;
export const NODE_SECTIONS = Object.keys(PROJECTION_NODES) as NodeSection[];

export const PROJECTION_RELS: readonly ProjectionRelSpec[] = [
  { key: 'memberOf', statement: 0, type: 'MEMBER_OF', props: [{ name: 'sinceEarliest', whenNull: '' }, { name: 'untilLatest', whenNull: '' }] },
  { key: 'heads', statement: 0, type: 'HEADS' },
  { key: 'partOf', statement: 0, type: 'PART_OF' },
  { key: 'affiliatedWith', statement: 0, type: 'AFFILIATED_WITH', props: [{ name: 'sinceEarliest', whenNull: '' }, { name: 'untilLatest', whenNull: '' }] },
  { key: 'made', statement: 1, type: 'MADE' },
  { key: 'hostedBy', statement: 1, type: 'HOSTED_BY' },
  { key: 'from', statement: 1, type: 'FROM' },
  { key: 'to', statement: 1, type: 'TO' },
  { key: 'at', statement: 1, type: 'AT' },
  { key: 'authored', statement: 1, type: 'AUTHORED', props: [{ name: 'position', whenNull: -1 }] },
];

/**
 * Tuples or relationships per row: rows of ~4 KB. A whole section in one row (one Bolt message of
 * megabytes) took 4 s of client CPU at 100k people; rows of ~40 KB 0.85 s, two thirds of them
 * still arriving in pieces (see above); rows of ~4 KB 0.4 s with floats, one in thirty in pieces.
 * Thousands of rows cost the driver little beside that.
 */
export const PROJECTION_BATCH = { nodes: 50, rels: 200 } as const;

/**
 * The projection is read by this many statements at once, each on its own session (Neo4j runs a
 * statement on one core; reading people and their memberships in one and visits and papers in the
 * other splits its work about evenly, and the client unpacks one while Neo4j produces the other).
 * The store reads its version before and after them and reads again when it moved.
 */
export const PROJECTION_STATEMENTS = 2;

export function projectionQueries(): CypherQuery[] {
  const parts: string[][] = Array.from({ length: PROJECTION_STATEMENTS }, () => []);
  Object.values(PROJECTION_NODES).forEach((spec, sectionIndex) =>
    parts[spec.statement].push(
      lines(
        `MATCH (n:${label(spec.label)})`,
        `WITH collect([toFloat(id(n)), ${spec.fields.join(', ')}]) AS xs`,
        'UNWIND range(0, size(xs) - 1, $nodeBatch) AS i',
        `RETURN ${sectionIndex} AS section, xs[i..i + $nodeBatch] AS part`,
      ),
    ),
  );
  PROJECTION_RELS.forEach((spec, k) => {
    const sectionIndex = NODE_SECTIONS.length + k;
    const columns = ['collect(toFloat(id(a))) AS c0', 'collect(toFloat(id(b))) AS c1'];
    (spec.props ?? []).forEach((p, c) => {
      const whenNull = typeof p.whenNull === 'number' ? String(p.whenNull) : '""';
      columns.push(`collect(coalesce(r.${p.name}, ${whenNull})) AS c${c + 2}`);
    });
    const slices = columns.map((_c, c) => `c${c}[i..i + $relBatch]`);
    parts[spec.statement].push(
      lines(
        `MATCH (a)-[r:${relType(spec.type)}]->(b)`,
        `WITH ${columns.join(', ')}`,
        'UNWIND range(0, size(c0) - 1, $relBatch) AS i',
        `RETURN ${sectionIndex} AS section, [${slices.join(', ')}] AS part`,
      ),
    );
  });
  // Integers (one byte on the wire each); a JS number would travel as a float of nine.
  const codes = Object.fromEntries(PROJECTION_CODES.map((value, code) => [value, int(code)]));
  const params = { nodeBatch: PROJECTION_BATCH.nodes, relBatch: PROJECTION_BATCH.rels, codes };
  return parts.map((p) => ({ cypher: p.join('\nUNION ALL\n'), params }));
}

import type { CareerStage, PaperStatus, ScheduleChange, VisitStatus } from '../../domain/enums';
import type {
  CollaborationProjection,
  ProjectedAffiliation,
  ProjectedInstitution,
  ProjectedLab,
  ProjectedLabPeriod,
  ProjectedPaper,
  ProjectedPerson,
  ProjectedVisit,
} from '../projection';
import { NODE_SECTIONS, PROJECTION_CODES, PROJECTION_RELS, type NodeSection } from './cypher/projection';
import { asArray, asNullableNumber, asNullableString, asNumber, asString, compareStrings, RowShapeError } from './rows';

/**
 * Decodes the rows of cypher/projection.ts. Each label's tuples are sorted by id first, so a
 * node's position in its sorted list (its rank) orders like its id: lists of related nodes are
 * sorted and de-duplicated as numbers and turned into ids once, at the end. Single-valued facts
 * (a visit's visitor, a lab's head) take the smallest id, so even inconsistent data projects
 * deterministically, as the memory store's projection does (the contract test compares them).
 * Paper authors keep AUTHORED.position order (ties by id, a missing position last).
 *
 * Written for allocation as much as for speed: at 100k people garbage collection was the largest
 * cost of decoding, so single-valued facts go into typed arrays, not one list per node, and
 * relationship batches are read where they arrived rather than concatenated first.
 */
export function decodeProjectionRows(rows: readonly Record<string, unknown>[]): CollaborationProjection {
  const sections = splitSections(rows);
  const people = nodeTable(sections.nodes.people, 'people');
  const labs = nodeTable(sections.nodes.labs, 'labs');
  const institutions = nodeTable(sections.nodes.institutions, 'institutions');
  const visits = nodeTable(sections.nodes.visits, 'visits');
  const papers = nodeTable(sections.nodes.papers, 'papers');
  const rel = (key: string, start: NodeTable, end: NodeTable) => new RelSection(sections.rels.get(key) ?? [], start, end);

  const memberOf = rel('memberOf', people, labs);
  const heads = rel('heads', people, labs);
  const partOf = rel('partOf', labs, institutions);
  const affiliatedWith = rel('affiliatedWith', people, institutions);
  const personLabs = Grouped.ofEnds([memberOf, heads]);
  const labInstitutions = Grouped.ofEnds([partOf]);
  const personInstitutions = Grouped.ofEnds([affiliatedWith]);
  const personAffiliations = affiliations(affiliatedWith, institutions);
  const labHead = heads.smallestStartPerEnd();
  const periods = labPeriods(memberOf, labs);

  // Scratch lists reused for every person: only the id lists handed out are new.
  const ownLabs: number[] = [];
  const inst: number[] = [];
  return {
    people: people.tuples.map((t, i): ProjectedPerson => {
      ownLabs.length = 0;
      personLabs.pushInto(ownLabs, i);
      uniqueSorted(ownLabs);
      inst.length = 0;
      personInstitutions.pushInto(inst, i);
      for (const l of ownLabs) labInstitutions.pushInto(inst, l);
      uniqueSorted(inst);
      return {
        id: people.ids[i],
        label: asString(t[2], 'person.label'),
        careerStage: decodeCode(t[3], 'person.careerStage') as CareerStage,
        placeholder: t[4] === true,
        labs: ownLabs.map((l) => labs.ids[l]),
        institutions: inst.map((k) => institutions.ids[k]),
        labPeriods: periods[i] ?? [],
        affiliations: personAffiliations[i] ?? [],
      };
    }),
    labs: labs.tuples.map(
      (t, i): ProjectedLab => ({
        id: labs.ids[i],
        label: asString(t[2], 'lab.label'),
        // Every lab is PART_OF an institution (ingest guarantees it); '' would flag data that is not.
        institution: idOf(institutions, labInstitutions.smallest(i)) ?? '',
        head: idOf(people, labHead[i]),
      }),
    ),
    institutions: institutions.tuples.map(
      (t, i): ProjectedInstitution => ({
        id: institutions.ids[i],
        label: asString(t[2], 'institution.label'),
        country: asString(t[3], 'institution.country'),
        placeholder: t[4] === true,
      }),
    ),
    visits: decodeVisits(rel, visits, people, institutions, labs),
    papers: decodePapers(rel('authored', people, papers), papers, people),
  };
}

type RelSectionOf = (key: string, start: NodeTable, end: NodeTable) => RelSection;

function decodeVisits(rel: RelSectionOf, visits: NodeTable, people: NodeTable, institutions: NodeTable, labs: NodeTable): ProjectedVisit[] {
  const visitor = rel('made', people, visits).smallestStartPerEnd();
  const hosts = Grouped.ofEnds([rel('hostedBy', visits, people)]);
  const scratch: number[] = [];
  const from = rel('from', visits, institutions).smallestEndPerStart();
  const to = rel('to', visits, institutions).smallestEndPerStart();
  const at = rel('at', visits, labs).smallestEndPerStart();
  return visits.tuples.map((t, i) => ({
    id: visits.ids[i],
    visitor: idOf(people, visitor[i]) ?? '',
    hosts: hostIds(hosts, i, scratch, people),
    fromInstitution: idOf(institutions, from[i]) ?? '',
    toInstitution: idOf(institutions, to[i]) ?? '',
    toLab: idOf(labs, at[i]),
    status: decodeCode(t[2], 'visit.status') as VisitStatus,
    scheduleChange: decodeCode(t[3], 'visit.scheduleChange') as ScheduleChange,
    start: asNullableString(t[4], 'visit.start'),
    startLatest: asNullableString(t[5], 'visit.startLatest'),
    end: asNullableString(t[6], 'visit.end'),
    fiscalYear: asNullableNumber(t[7], 'visit.fiscalYear'),
  }));
}

function hostIds(hosts: Grouped, i: number, scratch: number[], people: NodeTable): string[] {
  scratch.length = 0;
  hosts.pushInto(scratch, i);
  return uniqueSorted(scratch).map((h) => people.ids[h]);
}

function decodePapers(authored: RelSection, papers: NodeTable, people: NodeTable): ProjectedPaper[] {
  const authors: { person: number; position: number }[][] = [];
  authored.forEach((i, j, props) => {
    const p = asNumber(props[0], 'authored.position');
    (authors[j] ??= []).push({ person: i, position: p < 0 ? Infinity : p });
  });
  return papers.tuples.map((t, i) => ({
    id: papers.ids[i],
    authors: (authors[i] ?? []).sort((a, b) => a.position - b.position || a.person - b.person).map((a) => people.ids[a.person]),
    status: decodeCode(t[2], 'paper.status') as PaperStatus,
    year: asNullableNumber(t[3], 'paper.year'),
  }));
}

/** MEMBER_OF relationships limited in time (since or until stated), per person rank, sorted by lab id. */
function labPeriods(memberOf: RelSection, labs: NodeTable): ProjectedLabPeriod[][] {
  const byPerson: { lab: number; period: ProjectedLabPeriod }[][] = [];
  memberOf.forEach((i, j, props) => {
    const since = emptyAsNull(props[0], 'memberOf.sinceEarliest');
    const until = emptyAsNull(props[1], 'memberOf.untilLatest');
    if (since === null && until === null) return;
    (byPerson[i] ??= []).push({ lab: j, period: { lab: labs.ids[j], sinceEarliest: since, untilLatest: until } });
  });
  return byPerson.map((list) => (list ? list.sort((a, b) => a.lab - b.lab).map((x) => x.period) : []));
}

/** Every AFFILIATED_WITH relationship with its period (null when unstated), per person rank, sorted by institution id. */
function affiliations(affiliatedWith: RelSection, institutions: NodeTable): ProjectedAffiliation[][] {
  const byPerson: { institution: number; period: ProjectedAffiliation }[][] = [];
  affiliatedWith.forEach((i, j, props) => {
    const period = {
      institution: institutions.ids[j],
      sinceEarliest: emptyAsNull(props[0], 'affiliatedWith.sinceEarliest'),
      untilLatest: emptyAsNull(props[1], 'affiliatedWith.untilLatest'),
    };
    (byPerson[i] ??= []).push({ institution: j, period });
  });
  return byPerson.map((list) => (list ? list.sort((a, b) => a.institution - b.institution).map((x) => x.period) : []));
}

// ---------------------------------------------------------------- sections and tables

interface Sections {
  nodes: Record<NodeSection, unknown[][]>;
  /** Relationship key → its batches, each `[starts, ends, …props]`. */
  rels: Map<string, unknown[][][]>;
}

function splitSections(rows: readonly Record<string, unknown>[]): Sections {
  const nodes = Object.fromEntries(NODE_SECTIONS.map((k) => [k, [] as unknown[][]])) as Record<NodeSection, unknown[][]>;
  const rels = new Map<string, unknown[][][]>(PROJECTION_RELS.map((spec) => [spec.key, []]));
  for (const row of rows) {
    const section = asNumber(row.section, 'section');
    const part = asArray(row.part, 'part');
    if (section < NODE_SECTIONS.length) {
      const list = nodes[NODE_SECTIONS[section]];
      for (const tuple of part) list.push(tuple as unknown[]);
      continue;
    }
    const spec = PROJECTION_RELS[section - NODE_SECTIONS.length];
    if (!spec) throw new RowShapeError(`projection: unknown section ${section}`);
    const columns = part.map((c, k) => asArray(c, `${spec.key} column ${k}`));
    if (columns.length !== 2 + (spec.props?.length ?? 0) || columns.some((c) => c.length !== columns[0].length)) {
      throw new RowShapeError(`${spec.key}: a batch of ragged columns`);
    }
    rels.get(spec.key)!.push(columns);
  }
  return { nodes, rels };
}

/**
 * One label's tuples `[internal id, id, …fields]`, sorted by id, and internal id → rank. Internal
 * ids are small dense integers in Neo4j's record format, so the lookup is an array indexed by
 * internal id (a Map of 200k entries cost a third of the decoding at 100k people); a sparse range
 * falls back to a Map.
 */
interface NodeTable {
  tuples: unknown[][];
  ids: string[];
  rank: (internalId: number) => number | undefined;
}

/** Above this many array slots per node, the dense lookup would waste memory: use a Map. */
const DENSE_SLOTS_PER_NODE = 64;

function nodeTable(tuples: unknown[][], what: string): NodeTable {
  let max = -1;
  for (const t of tuples) {
    if (!Array.isArray(t)) throw new RowShapeError(`${what}[]: expected a list`);
    const internal = asNumber(t[0], `${what}[].internalId`);
    if (!Number.isInteger(internal) || internal < 0) throw new RowShapeError(`${what}[].internalId: expected a non-negative integer`);
    if (internal > max) max = internal;
    asString(t[1], `${what}[].id`);
  }
  tuples.sort((a, b) => compareStrings(a[1] as string, b[1] as string));
  const ids = tuples.map((t) => t[1] as string);
  if (max < DENSE_SLOTS_PER_NODE * tuples.length + 4096) {
    const dense = new Int32Array(max + 1).fill(-1);
    tuples.forEach((t, i) => (dense[t[0] as number] = i));
    return { tuples, ids, rank: (id) => (id < dense.length && dense[id] >= 0 ? dense[id] : undefined) };
  }
  const sparse = new Map<number, number>();
  tuples.forEach((t, i) => sparse.set(t[0] as number, i));
  return { tuples, ids, rank: (id) => sparse.get(id) };
}

/**
 * The batches of one relationship type, read as ranks of its start and end labels. A pair whose
 * ends are not of these labels is skipped (a Transfer's TO is not a Visit's).
 */
class RelSection {
  constructor(
    private readonly batches: unknown[][][],
    private readonly start: NodeTable,
    private readonly end: NodeTable,
  ) {}

  /** Calls `visit(start rank, end rank, props)`; `props` is reused between calls. */
  forEach(visit: (i: number, j: number, props: unknown[]) => void): void {
    const props: unknown[] = [];
    for (const columns of this.batches) {
      const [starts, ends] = columns;
      for (let k = 0; k < starts.length; k++) {
        const i = this.start.rank(starts[k] as number);
        if (i === undefined) continue;
        const j = this.end.rank(ends[k] as number);
        if (j === undefined) continue;
        for (let c = 2; c < columns.length; c++) props[c - 2] = columns[c][k];
        visit(i, j, props);
      }
    }
  }

  get startCount(): number {
    return this.start.ids.length;
  }

  /** Per start rank, the smallest end rank; −1 when none. */
  smallestEndPerStart(): Int32Array {
    const out = new Int32Array(this.start.ids.length).fill(-1);
    this.forEach((i, j) => {
      if (out[i] < 0 || j < out[i]) out[i] = j;
    });
    return out;
  }

  /** Per end rank, the smallest start rank; −1 when none. */
  smallestStartPerEnd(): Int32Array {
    const out = new Int32Array(this.end.ids.length).fill(-1);
    this.forEach((i, j) => {
      if (out[j] < 0 || i < out[j]) out[j] = i;
    });
    return out;
  }
}

/**
 * End ranks grouped by start rank as compressed rows (offsets into one Int32Array), for the
 * relationships read per person or lab: one typed array instead of a list per node.
 */
class Grouped {
  private constructor(
    private readonly offsets: Int32Array,
    private readonly items: Int32Array,
  ) {}

  /** The end ranks of these sections (same start label) per start rank, in arrival order. */
  static ofEnds(sections: readonly RelSection[]): Grouped {
    const n = sections[0].startCount;
    const offsets = new Int32Array(n + 1);
    for (const section of sections) section.forEach((i) => offsets[i + 1]++);
    for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
    const items = new Int32Array(offsets[n]);
    const next = offsets.slice(0, n);
    for (const section of sections) section.forEach((i, j) => (items[next[i]++] = j));
    return new Grouped(offsets, items);
  }

  pushInto(list: number[], i: number): void {
    for (let q = this.offsets[i]; q < this.offsets[i + 1]; q++) list.push(this.items[q]);
  }

  /** The smallest end rank of start rank i; −1 when none. */
  smallest(i: number): number {
    let min = -1;
    for (let q = this.offsets[i]; q < this.offsets[i + 1]; q++) if (min < 0 || this.items[q] < min) min = this.items[q];
    return min;
  }
}

// ---------------------------------------------------------------- small helpers

/** A coded column (cypher/projection.ts): a code into PROJECTION_CODES, or a value outside the list as itself. */
function decodeCode(value: unknown, what: string): string {
  if (typeof value !== 'number') return asString(value, what);
  const decoded = PROJECTION_CODES[value];
  if (decoded === undefined) throw new RowShapeError(`${what}: unknown code ${value}`);
  return decoded;
}

function emptyAsNull(value: unknown, what: string): string | null {
  const s = asString(value, what);
  return s === '' ? null : s;
}

/** Sorted, de-duplicated ranks (sorts the given array in place). */
function uniqueSorted(list: number[] | undefined): number[] {
  if (!list || list.length === 0) return [];
  if (list.length === 1) return list;
  list.sort((a, b) => a - b);
  let n = 1;
  for (let k = 1; k < list.length; k++) if (list[k] !== list[n - 1]) list[n++] = list[k];
  list.length = n;
  return list;
}

function idOf(table: NodeTable, rank: number): string | null {
  return rank < 0 ? null : table.ids[rank];
}

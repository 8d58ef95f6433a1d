import type { CareerStage, InstitutionKind, MaterialKind, PaperStatus, ProgramRole, VisitStatus } from '../domain/enums';
import type { Label } from '../domain/ids';
import type { Direction, Graph, GraphNode, GraphRel, Neighbour, RelSlot, RelType } from './graph';
import type { CollaborationProjection } from './projection';
import type { CirculationFacts, CirculationQuery } from '../circulation/facts';
import type { ImportOptions, ImportSession, ReplaceScope, StoreStatus } from './importSession';
import type { RecordState } from './records';
import type { ChangeEntry, ChangePage, ChangeQuery, StoredChange } from './changes';
import type { TreeResult, TreeRoot } from './tree';

/**
 * The one port every store implements: the embedded in-process store (the default) and Neo4j.
 * Reads are batch-first: each method is one round trip whatever the number of ids, so that a
 * request's DataLoaders turn N parents into one call. Results come back in key order.
 * A contract suite (tests/contract) runs the same GraphQL tests against every implementation.
 */
export interface GraphStore {
  readonly kind: 'memory' | 'neo4j';

  /** The nodes with these ids, in the order asked, null where none exists. */
  nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]>;

  /** For each id (in order), its neighbours over one relationship type and direction, sorted by the neighbour's sortKey then id. */
  neighbours(ids: readonly string[], rel: RelType, direction: Direction): Promise<Neighbour[][]>;

  /** One page of a label's nodes, filtered, in sortKey/id order, with the total count of the filter. */
  page(query: PageQuery): Promise<Page>;

  /**
   * Optional: a whole nested selection in one round trip (store/tree.ts). Stores without it are
   * read level by level through nodesByIds/neighbours, with the same answers.
   */
  readTree?(root: TreeRoot): Promise<TreeResult>;

  /** Nodes whose normalised names contain the normalised text, best matches first. */
  search(text: string, first: number, labels: readonly Label[]): Promise<SearchResult[]>;

  /** Everything the collaboration analytics need, in one read (Neo4j: one Cypher query). */
  projection(): Promise<CollaborationProjection>;

  /** Number of nodes per label and of relationships per type. */
  counts(): Promise<StoreCounts>;

  /** Idempotent upsert (merge on ids): writing the same graph twice leaves the same store. */
  write(graph: Graph): Promise<WriteSummary>;

  /** Removes everything; tests only (`seed --reset` is an atomic replace import). */
  clear(): Promise<void>;

  /**
   * Records by id, in order, null where none: the node's props and the relationships the record
   * states (store/records.ts OWNED_RELS), or every relationship it has with `allRels`.
   */
  recordStates(ids: readonly string[], options?: { allRels?: boolean }): Promise<(RecordState | null)[]>;

  /** Ids of one label's records within a replace scope, in id order, a page after `after`. */
  recordIds(scope: ReplaceScope, label: Label, after: string | null, first: number): Promise<string[]>;

  /** Starts a bulk import (store/importSession.ts says how each store keeps it all-or-nothing). */
  beginImport(options: ImportOptions): Promise<ImportSession>;

  /** Whether the store is empty and which import runs; an import whose process died is rolled back first. */
  status(): Promise<StoreStatus>;

  /** A monotonically increasing number that changes whenever the data does (cache key for projections). */
  version(): Promise<number>;

  /** Throws a SERVICE_UNAVAILABLE store error when the store cannot answer. */
  ping(): Promise<void>;

  close(): Promise<void>;

  /**
   * Aggregated facts for the brain-circulation measures of one period (circulation/facts.ts):
   * rows per group pair × status × schedule change × stay class × career stage, distinct people
   * per group, first evidence of new ties. Bounded by the number of groups, not of visits
   * (Neo4j: Cypher aggregation in one read transaction).
   */
  circulationFacts(query: CirculationQuery): Promise<CirculationFacts>;

  /**
   * Appends entries to the change log in one transaction (store/changes.ts), in the order given,
   * and returns them as stored (with their seq and id). Batched: an import appends its entries
   * a batch at a time. `at` must be an ISO 8601 instant (StoreError INVALID otherwise).
   */
  appendChanges(entries: readonly ChangeEntry[]): Promise<StoredChange[]>;

  /** One page of the change log in append (seq) order, with the number of entries matching the filters. */
  changes(query: ChangeQuery): Promise<ChangePage>;

  /**
   * For each record id (in order), the first `first` entries of its history and their total: one
   * round trip for a whole list of records (the `history` field's DataLoader).
   */
  historyOf(recordIds: readonly string[], first: number): Promise<ChangePage[]>;

  /**
   * The write path's one transaction (src/write): checks that every record in `expect` still has
   * the version it had when the commit was planned (StoreError CONFLICT otherwise, nothing
   * written), deletes records with all their relationships, replaces upserted records' nodes and
   * owned relationships, appends the change entries and bumps the store version, all or nothing.
   * Idempotent when re-run by the driver: nodes and relationships MERGE on ids and keys.
   */
  commitRecords(commit: RecordCommit): Promise<StoredChange[]>;
}

export interface RecordCommit {
  /** The version each record had when the commit was planned; null means it must not exist yet. */
  expect: ReadonlyArray<{ id: string; version: number | null }>;
  /** Records written whole: the node (its props carry the new `version`) and the relationships it owns now. */
  upserts: ReadonlyArray<RecordUpsert>;
  /** Records removed with every relationship they have. */
  deletes: readonly string[];
  changes: readonly ChangeEntry[];
}

export interface RecordUpsert {
  node: GraphNode;
  /** The relationship slots the record owns: every stored relationship in them is replaced by `rels`. */
  owned: readonly RelSlot[];
  rels: readonly GraphRel[];
}

export interface StoreCounts {
  nodes: Partial<Record<Label, number>>;
  rels: Partial<Record<RelType, number>>;
}

export interface WriteSummary {
  nodes: number;
  rels: number;
}

export type SortDirection = 'ASC' | 'DESC';

/** Keyset position: the sortKey and id of the last row of the previous page. */
export interface PageAfter {
  sortKey: string;
  id: string;
}

export interface PageQuery {
  filter: NodeFilter;
  first: number;
  after?: PageAfter;
  direction?: SortDirection;
  /** False when nobody reads totalCount: a store may then skip counting (Neo4j does) and answer null. */
  countTotal?: boolean;
}

export interface Page {
  nodes: GraphNode[];
  /** Null only when the query said countTotal: false and the store skipped counting. */
  totalCount: number | null;
  hasNextPage: boolean;
}

export interface SearchResult {
  node: GraphNode;
  /** Higher is better: 3 exact name, 2 prefix, 1 contains. */
  score: number;
}

/** Filters per label. Every field is optional; an absent field does not filter. */
export type NodeFilter =
  | { label: 'Person'; where?: PersonWhere }
  | { label: 'Visit'; where?: VisitWhere }
  | { label: 'Institution'; where?: InstitutionWhere }
  | { label: 'Lab'; where?: LabWhere }
  | { label: 'Paper'; where?: PaperWhere }
  | { label: 'Material'; where?: MaterialWhere }
  | { label: 'Theme' | 'Country' | 'Event' | 'Transfer' | 'Source'; where?: undefined };

export interface PersonWhere {
  careerStages?: CareerStage[];
  /** Stages counted as early-career by the configured rule; the store only sees the stage list. */
  earlyCareerStages?: CareerStage[];
  earlyCareer?: boolean;
  programRole?: ProgramRole;
  placeholder?: boolean;
  institution?: string;
  lab?: string;
  country?: string;
}

export interface VisitWhere {
  status?: VisitStatus[];
  fiscalYear?: number;
  fromCountry?: string;
  toCountry?: string;
  /** Visitor's early-career status under the stage list in earlyCareerStages. */
  earlyCareer?: boolean;
  earlyCareerStages?: CareerStage[];
  person?: string;
}

export interface InstitutionWhere {
  country?: string;
  kind?: InstitutionKind;
}

export interface LabWhere {
  institution?: string;
  country?: string;
}

export interface PaperWhere {
  status?: PaperStatus[];
}

export interface MaterialWhere {
  kind?: MaterialKind;
}

import type { Label } from '../domain/ids';
import type { ChangeEntry } from './changes';
import type { Graph } from './graph';
import type { RecordState } from './records';

/**
 * The store's half of a bulk import (ingest/import/engine.ts drives it). Everything written
 * through a session becomes part of the graph together, or not at all:
 * - the embedded store stages the changes and applies them in one synchronous step at commit;
 * - Neo4j, up to `transactionLimit` records, runs the whole import in one transaction;
 * - Neo4j above that writes in batches, each with an undo entry in the same transaction (only the
 *   ids of records it creates; the previous state of those it changes), and the import commits by
 *   deleting its marker; a failed, cancelled or killed import is rolled back from
 *   the undo entries (at once, or by the next process that opens the store).
 */
export interface ImportSession {
  readonly mode: ImportMode;
  /** The batch id of the import's change-log entries (Neo4j: the import's id, which hides them until the commit). */
  readonly batchId: string;
  /**
   * How many upsertNodes calls the engine may have running at once (1: one after the other). A
   * staged Neo4j import takes ImportOptions.concurrency (each batch is its own transaction); one
   * transaction, and the embedded store, take one call at a time.
   */
  readonly concurrency: number;
  /**
   * Writes the records' nodes; returns each record's state before (null: it is new). `log` turns
   * those states into the batch's change-log entries (batchId = this.batchId), written with the
   * batch: see ChangeLog.
   */
  upsertNodes(records: readonly RecordGraph[], log?: ChangeLog): Promise<(RecordState | null)[]>;
  /** Replaces the relationships the records state (after all nodes are written, so every endpoint exists). */
  replaceRels(records: readonly RecordGraph[]): Promise<void>;
  /** Removes records and every relationship they have; returns their states before (present ones only), logged as upsertNodes does. */
  deleteRecords(ids: readonly string[], log?: ChangeLog): Promise<RecordState[]>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export type ImportMode = 'memory' | 'transaction' | 'staged';

/**
 * A batch's change-log entries from the states the batch found (the same array upsertNodes or
 * deleteRecords returns; may run again when a store retries the batch's transaction). They become
 * visible with the import's commit and never without it: the embedded store appends them in the
 * commit's synchronous step; Neo4j writes them in the batch's transaction, and a staged import's
 * entries stay hidden from readers while its marker stands (their batchId is the import's id), so
 * deleting the marker commits graph and log at once, and a rollback or the recovery of a killed
 * import deletes them with the rest.
 */
export type ChangeLog = (before: ReadonlyArray<RecordState | null>) => readonly ChangeEntry[];

/** One record's node and the relationships it states (ingest/toGraph.recordToGraph). */
export interface RecordGraph {
  id: string;
  label: Label;
  graph: Graph;
  /** Created by this import (known once its node is written): it has no old relationships to remove. */
  created?: boolean;
  /**
   * Changed by this import (known once its node is written and compared): its stored version moves
   * on by one, as a mutation's does, so a client holding the version it read before the import
   * gets CONFLICT instead of silently overwriting the import (optimistic concurrency).
   */
  bumpVersion?: boolean;
  /**
   * Every endpoint of its relationships exists once the batch's nodes are written (written by an
   * earlier batch that has committed, by this one, or already stored: ingest/import/relsReady.ts):
   * if upsertNodes finds the record new, it writes
   * its relationships too, in the batch's transaction (CREATE), and replaceRels need not see it.
   */
  relsWithNode?: boolean;
}

export interface ImportOptions {
  /** Records in the import: Neo4j runs it as one transaction up to transactionLimit, staged above. */
  records: number;
  transactionLimit: number;
  /** File names, shown by /ready while the import runs. */
  files: string[];
  /** Node batches a staged import may write at once (ImportSession.concurrency); default 1. */
  concurrency?: number;
}

/** What a replace import may remove: everything (seed --reset), or what the named documents state. */
export type ReplaceScope = { kind: 'all' } | { kind: 'documents'; documents: string[] };

export interface StoreStatus {
  empty: boolean;
  importing: ImportInProgress | null;
}

export interface ImportInProgress {
  importId: string;
  mode: ImportMode;
  files: string[];
  startedAt: string;
}

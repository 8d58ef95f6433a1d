import neo4j, { type Driver, isRetryableError, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config';
import { StoreError } from '../errors';
import { StoreBreaker } from './breaker';
import type { CypherQuery } from './cypher/types';
import { pingQuery } from './cypher/meta';
import { toStoreError, UNAVAILABLE_MESSAGE } from './driverErrors';
import { plain } from './values';

/** One result row, keys as in the RETURN clause, values already converted to plain JS. */
export type Row = Record<string, unknown>;

/** Runs one statement inside a transaction function; rows come back converted. */
export type RunInTx = (query: CypherQuery) => Promise<Row[]>;

export interface OpenTransaction {
  run: RunInTx;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface ExecutorTuning {
  /** How long to wait for a pooled connection (also bounds connecting to a dead host). */
  connectionAcquisitionTimeoutMs: number;
  /** TCP connect timeout for a new connection. */
  connectionTimeoutMs: number;
  /** How long executeRead/executeWrite keep retrying transient failures before giving up. */
  maxTransactionRetryTimeMs: number;
  /** While Neo4j is down, how often the circuit breaker probes it (breaker.ts). */
  probeIntervalMs?: number;
}

/** Default interval of the breaker's background probe: recovery within ~0.3 s of Bolt returning (plus connecting). */
export const DEFAULT_PROBE_INTERVAL_MS = 250;

/**
 * Short on purpose: an unreachable Neo4j must turn into a SERVICE_UNAVAILABLE answer within a few
 * seconds, not hang a request for the driver's default 60 s acquisition / 30 s retry window.
 */
export const DEFAULT_TUNING: ExecutorTuning = {
  connectionAcquisitionTimeoutMs: 5000,
  connectionTimeoutMs: 5000,
  maxTransactionRetryTimeMs: 5000,
};

/**
 * Owns the driver and every session; lives as long as the store. Each call opens a session on
 * the configured database, runs a managed transaction (the driver retries transient failures,
 * which is safe because every write is idempotent), converts the rows, and closes the session
 * whatever happens. Driver errors leave here as StoreErrors (driverErrors.ts).
 */
export class Executor {
  private readonly breaker: StoreBreaker;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string,
    probeIntervalMs: number,
    /** Neo4j stops a read transaction that runs longer (TIMEOUT); writes (imports) are not bounded here. */
    private readonly readTimeoutMs: number | undefined,
  ) {
    this.breaker = new StoreBreaker(() => this.rawPing(), probeIntervalMs);
  }

  static connect(config: Neo4jConfig, tuning: ExecutorTuning = DEFAULT_TUNING): Executor {
    let driver: Driver;
    try {
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
        // Integers become JS numbers in the driver itself (values.ts explains why that is exact here).
        disableLosslessIntegers: true,
        connectionAcquisitionTimeout: tuning.connectionAcquisitionTimeoutMs,
        connectionTimeout: tuning.connectionTimeoutMs,
        maxTransactionRetryTime: tuning.maxTransactionRetryTimeMs,
      });
    } catch (error) {
      // A malformed URI: fail as "unavailable" without echoing the setting back to a client.
      throw new StoreError('UNAVAILABLE', `${UNAVAILABLE_MESSAGE} (the Neo4j URI is not usable)`, { cause: error });
    }
    return new Executor(driver, config.database, tuning.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS, config.transactionTimeoutMs);
  }

  /** True while the circuit breaker considers Neo4j down (calls fail fast with UNAVAILABLE). */
  get unavailable(): boolean {
    return this.breaker.open;
  }

  read(query: CypherQuery): Promise<Row[]> {
    return this.readTransaction((run) => run(query));
  }

  /**
   * Rows as the driver returns them, without `plain()`: only for statements whose values are
   * stored scalars, maps and lists (the tree reads of cypher/tree.ts, the analytics projection). Integers are already JS
   * numbers (disableLosslessIntegers) and no temporal value is ever stored, so converting would
   * only copy a large result once more. One statement, so one auto-commit round trip (singleStatementRead).
   */
  readRaw(query: CypherQuery): Promise<Row[]> {
    return this.withSession('READ', (session) => singleStatementRead(session, query));
  }

  write(query: CypherQuery): Promise<Row[]> {
    return this.writeTransaction((run) => run(query));
  }

  /** Several statements in one read transaction (a consistent snapshot). */
  readTransaction<T>(work: (run: RunInTx) => Promise<T>): Promise<T> {
    const config = this.readTimeoutMs ? { timeout: this.readTimeoutMs } : undefined;
    return this.withSession('READ', (session) => session.executeRead((tx) => work(runner(tx)), config));
  }

  /** Several statements in one write transaction: all commit or none; `work` may be retried whole. */
  writeTransaction<T>(work: (run: RunInTx) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) => session.executeWrite((tx) => work(runner(tx))));
  }

  /**
   * An auto-commit statement (session.run): required for schema commands and for
   * `CALL … IN TRANSACTIONS`; not retried by the driver, so only for idempotent statements.
   */
  autoCommit(query: CypherQuery): Promise<Row[]> {
    return this.withSession('WRITE', async (session) => {
      const result = await session.run(query.cypher, query.params);
      return result.records.map((record) => plain(record.toObject()) as Row);
    });
  }

  /**
   * An explicit transaction that spans many statements and is committed or rolled back by the
   * caller (bulk import in one transaction). Not retried: the caller owns the whole unit of work.
   * If the process dies, Neo4j rolls it back when the connection drops.
   */
  async openTransaction(): Promise<OpenTransaction> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    const guard = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        throw toStoreError(error);
      }
    };
    const tx = await guard(() => session.beginTransaction());
    const finish = (end: () => Promise<void>) => guard(end).finally(() => session.close().catch(() => undefined));
    return {
      run: (query) => guard(async () => (await tx.run(query.cypher, query.params)).records.map((r) => plain(r.toObject()) as Row)),
      commit: () => finish(() => tx.commit()),
      rollback: () => finish(() => (tx.isOpen() ? tx.rollback() : Promise.resolve())),
    };
  }

  /** Answers when the database can run a statement (server up, credentials good, database exists). */
  async ping(): Promise<void> {
    await this.breaker.execute(() => this.rawPing());
  }

  async close(): Promise<void> {
    this.breaker.stop();
    await this.driver.close();
  }

  /** The breaker's probe: a ping that does not go through the breaker. */
  private async rawPing(): Promise<void> {
    await this.openSession('READ', (session) => session.run(pingQuery().cypher, pingQuery().params));
  }

  private withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    return this.breaker.execute(() => this.openSession(mode, work));
  }

  private async openSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } catch (error) {
      throw toStoreError(error);
    } finally {
      // A close that fails (the connection is already gone) must not replace the real error.
      await session.close().catch(() => undefined);
    }
  }
}

/**
 * One read-only statement, answered in one Bolt round trip: an auto-commit statement is RUN and
 * PULL in one write, where a managed transaction adds BEGIN before it and a COMMIT round trip
 * after it (three socket writes and two round trips per request: the largest fixed cost of a small
 * compiled read after the GraphQL pipeline was trimmed; docs/benchmarks.md). A single statement is
 * atomic on its own, so nothing is lost by not wrapping it. The driver does not retry auto-commit
 * statements, so a failure it would retry (transient, leader switch, connection lost) is run again
 * as a managed read transaction, which retries as every other read does; a read is safe to repeat.
 */
export async function singleStatementRead(session: Pick<Session, 'run' | 'executeRead'>, query: CypherQuery): Promise<Row[]> {
  const rows = (records: { toObject(): unknown }[]) => records.map((record) => record.toObject() as Row);
  try {
    return rows((await session.run(query.cypher, query.params)).records);
  } catch (error) {
    if (!isRetryableError(error)) throw error;
    return session.executeRead(async (tx) => rows((await tx.run(query.cypher, query.params)).records));
  }
}

function runner(tx: ManagedTransaction): RunInTx {
  return async (query) => {
    const result = await tx.run(query.cypher, query.params);
    return result.records.map((record) => plain(record.toObject()) as Row);
  };
}

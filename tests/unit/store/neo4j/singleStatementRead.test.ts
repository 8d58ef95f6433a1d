import { error as driverError, Neo4jError } from 'neo4j-driver';

/** A driver error with a Neo4j code, as the driver raises them (gqlStatus is not what retrying reads). */
const newError = (message: string, code: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception', {} as never);
import { singleStatementRead } from '../../../../src/store/neo4j/executor';

/**
 * A single read statement goes out as an auto-commit statement (one Bolt round trip); what the
 * driver would retry in a managed transaction is run again as one, anything else fails as it came.
 */
function fakeSession(runFails: Error | null) {
  const calls: string[] = [];
  const result = { records: [{ toObject: () => ({ n: 1 }) }] };
  const session = {
    run: jest.fn(async (cypher: string) => {
      calls.push(`run ${cypher}`);
      if (runFails) throw runFails;
      return result;
    }),
    executeRead: jest.fn(async (work: (tx: { run: (cypher: string) => Promise<typeof result> }) => Promise<unknown>) => {
      calls.push('executeRead');
      return work({ run: async (cypher) => (calls.push(`tx.run ${cypher}`), result) });
    }),
  };
  return { session: session as never, calls };
}

const query = { cypher: 'RETURN 1 AS n', params: {} };

describe('singleStatementRead', () => {
  it('runs the statement once, auto-commit, with no transaction around it', async () => {
    const { session, calls } = fakeSession(null);
    await expect(singleStatementRead(session, query)).resolves.toEqual([{ n: 1 }]);
    expect(calls).toEqual(['run RETURN 1 AS n']);
  });

  it.each([
    ['a transient error', newError('lock client stopped', 'Neo.TransientError.Transaction.LockClientStopped')],
    ['a lost connection', newError('gone', driverError.SERVICE_UNAVAILABLE)],
  ])('after %s, reads again in a managed transaction (which the driver retries)', async (_name, failure) => {
    const { session, calls } = fakeSession(failure);
    await expect(singleStatementRead(session, query)).resolves.toEqual([{ n: 1 }]);
    expect(calls).toEqual(['run RETURN 1 AS n', 'executeRead', 'tx.run RETURN 1 AS n']);
  });

  it('fails at once on an error a retry cannot fix (a statement error)', async () => {
    const failure = newError('bad', 'Neo.ClientError.Statement.SyntaxError');
    const { session, calls } = fakeSession(failure);
    await expect(singleStatementRead(session, query)).rejects.toBe(failure);
    expect(calls).toEqual(['run RETURN 1 AS n']);
  });
});

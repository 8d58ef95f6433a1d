import { Neo4jError } from 'neo4j-driver';
import { StoreError } from '../../../../src/store/errors';
import { CONFLICT_MESSAGE, TIMEOUT_MESSAGE, toStoreError, UNAVAILABLE_MESSAGE } from '../../../../src/store/neo4j/driverErrors';

/** Errors shaped as the driver makes them (Neo4jError with a driver or server code). */
const withCode = (code: string, message = 'driver says no') => new Neo4jError(message, code, '50N42', 'error: general processing exception');
const newError = (message: string) => withCode('N/A', message);

describe('toStoreError', () => {
  it.each([
    ['ServiceUnavailable', 'connect ECONNREFUSED 127.0.0.1:7687'],
    ['SessionExpired', 'session expired'],
    ['Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.'],
    ['Neo.ClientError.Security.AuthenticationRateLimit', 'too many attempts'],
    ['Neo.ClientError.Database.DatabaseNotFound', 'Database does not exist. Database name: nope'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'starting'],
  ])('maps %s to UNAVAILABLE with a message safe for clients', (code, message) => {
    const mapped = toStoreError(withCode(code, message));
    expect(mapped).toBeInstanceOf(StoreError);
    expect(mapped).toMatchObject({ kind: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE });
    expect((mapped as StoreError).message).not.toContain('7687');
    expect((mapped as StoreError).cause).toBeInstanceOf(Neo4jError);
  });

  it.each(['Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 0', 'Failed to establish connection in 5000ms', 'connect ECONNREFUSED ::1:7687'])(
    'maps the code-less socket failure %j to UNAVAILABLE',
    (message) => {
      expect(toStoreError(newError(message))).toMatchObject({ kind: 'UNAVAILABLE' });
      expect(toStoreError(new Error(message))).toMatchObject({ kind: 'UNAVAILABLE' });
    },
  );

  it('maps a transaction stopped at its time limit to TIMEOUT, without the query', () => {
    for (const code of ['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']) {
      const mapped = toStoreError(withCode(code, 'The transaction has been terminated. MATCH (n:Person) RETURN n'));
      expect(mapped).toMatchObject({ kind: 'TIMEOUT', message: TIMEOUT_MESSAGE });
    }
  });

  it('maps a unique-constraint violation to CONFLICT', () => {
    const mapped = toStoreError(withCode('Neo.ClientError.Schema.ConstraintValidationFailed', 'Node(1) already exists with label `Person` and property `id` = \'person:x\''));
    expect(mapped).toMatchObject({ kind: 'CONFLICT', message: CONFLICT_MESSAGE });
  });

  it('passes store errors and unexpected errors through unchanged', () => {
    const store = new StoreError('INVALID', 'bad graph');
    expect(toStoreError(store)).toBe(store);
    const syntax = withCode('Neo.ClientError.Statement.SyntaxError', 'Invalid input');
    expect(toStoreError(syntax)).toBe(syntax);
    const bug = new TypeError('x is undefined');
    expect(toStoreError(bug)).toBe(bug);
    expect(toStoreError('a string')).toBe('a string');
  });
});

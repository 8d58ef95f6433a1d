import { Neo4jError } from 'neo4j-driver';
import { toStoreError } from '../../../../src/store/neo4j/driverErrors';

describe('Neo4j transaction memory errors', () => {
  it.each([
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'db.memory.transaction.total.max'],
    ['Neo.TransientError.General.TransactionMemoryLimit', 'db.memory.transaction.max'],
  ])('%s is named with the setting %s, not as "unavailable"', (code, setting) => {
    const mapped = toStoreError(new Neo4jError('The allocation of an extra 2.0 MiB would use more than the limit', code, '50N42', 'error'));
    expect(mapped).toMatchObject({ kind: 'UNAVAILABLE' });
    expect((mapped as Error).message).toContain(code);
    expect((mapped as Error).message).toContain(setting);
    expect((mapped as Error).message).toContain('KIZUNA_IMPORT_TRANSACTION_LIMIT');
  });
});

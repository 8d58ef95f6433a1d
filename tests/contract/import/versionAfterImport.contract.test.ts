import { Writable } from 'node:stream';
import { importWithReport } from '../../../src/ingest/import/command';
import { Executor, Neo4jStore } from '../../../src/store/neo4j';
import { NEO4J_SKIP_REASON, neo4jTestConfig } from '../../support/neo4j';
import { tempDir, writeYaml } from '../../support/importHelpers';
import { syntheticDataset } from '../../fixtures/syntheticDataset';

jest.setTimeout(240_000);

const quiet = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/**
 * The Neo4j store reuses a version it read for a while (VERSION_TTL_MS); an import through the
 * same store must forget it when it commits, or `importDataset` followed by `bridges` answers from
 * the cache of the graph before the import. The TTL here is ten minutes, so only forgetting passes.
 */
const config = neo4jTestConfig();
if (!config) {
  describe.skip(`import forgets the cached store version [neo4j] — ${NEO4J_SKIP_REASON}`, () => {
    it('runs only with Neo4j', () => undefined);
  });
} else {
  describe('import forgets the cached store version [neo4j]', () => {
    let store: Neo4jStore;
    beforeAll(async () => {
      const { openNeo4jTestStore } = await import('../../support/testDatabase');
      await (await openNeo4jTestStore(config)).close(); // claims and clears the tests' own database
      store = new Neo4jStore(Executor.connect(config), 600_000);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('the version read right after a committed import is the new one', async () => {
      const file = writeYaml(tempDir(), 'report.yaml', syntheticDataset(4));
      const before = await store.version();
      expect(await importWithReport(store, { files: [file], mode: 'merge', dryRun: false, batchSize: 100, transactionLimit: 20_000 }, quiet(), null)).toBe(0);
      expect(await store.version()).toBeGreaterThan(before);
    });
  });
}

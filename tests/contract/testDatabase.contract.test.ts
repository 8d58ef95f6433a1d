import neo4jDriver, { type Driver } from 'neo4j-driver';
import { NEO4J_SKIP_REASON, neo4jTestConfig } from '../support/neo4j';
import { claimTestDatabase, NotATestDatabaseError, openNeo4jTestStore } from '../support/testDatabase';

/**
 * The guard that keeps the tests out of a developer's database: a database holding data and no
 * (:KizunaTestMarker) is refused, untouched, with its URI in the message. The test turns the
 * test database into such a database for a moment (marker removed, one record of "somebody's"
 * data), then puts the marker back.
 */
const config = neo4jTestConfig();

if (!config) {
  describe.skip(`test database guard [neo4j] — ${NEO4J_SKIP_REASON}`, () => {
    it('runs only with Neo4j', () => undefined);
  });
} else {
  describe('test database guard [neo4j]', () => {
    let driver: Driver;
    const cypher = async (text: string, params: Record<string, unknown> = {}) =>
      (await driver.executeQuery(text, params, { database: config.database })).records.map((r) => r.toObject());

    beforeAll(async () => {
      driver = neo4jDriver.driver(config.uri, neo4jDriver.auth.basic(config.user, config.password));
      await (await openNeo4jTestStore(config)).close();
    });

    afterAll(async () => {
      await cypher('MATCH (p:Person {id: $id}) DETACH DELETE p', { id: 'person:somebody-else' });
      await claimTestDatabase(config);
      await driver?.close();
    });

    it('marks the database it takes, and the mark survives clear()', async () => {
      expect(await cypher('MATCH (m:KizunaTestMarker) RETURN count(m) AS n')).toEqual([{ n: neo4jDriver.int(1) }]);
      const store = await openNeo4jTestStore(config);
      await store.clear();
      await store.close();
      expect(await cypher('MATCH (m:KizunaTestMarker) RETURN count(m) AS n')).toEqual([{ n: neo4jDriver.int(1) }]);
    });

    it('refuses a database with data and no marker, naming its URI, and leaves the data alone', async () => {
      await cypher('MATCH (m:KizunaTestMarker) DELETE m');
      await cypher('CREATE (:Person {id: $id, name: $name})', { id: 'person:somebody-else', name: 'A developer’s record' });

      await expect(claimTestDatabase(config)).rejects.toBeInstanceOf(NotATestDatabaseError);
      await expect(openNeo4jTestStore(config)).rejects.toThrow(`Refusing to clear database "${config.database}" at ${config.uri}`);

      expect(await cypher('MATCH (p:Person {id: $id}) RETURN p.name AS name', { id: 'person:somebody-else' })).toEqual([{ name: 'A developer’s record' }]);
      expect(await cypher('MATCH (m:KizunaTestMarker) RETURN count(m) AS n')).toEqual([{ n: neo4jDriver.int(0) }]);
    });

    it('takes an empty unmarked database and marks it', async () => {
      await cypher('MATCH (p:Person {id: $id}) DETACH DELETE p', { id: 'person:somebody-else' });
      await cypher('MATCH (m:KizunaTestMarker) DELETE m');
      await claimTestDatabase(config);
      expect(await cypher('MATCH (m:KizunaTestMarker) RETURN count(m) AS n')).toEqual([{ n: neo4jDriver.int(1) }]);
    });
  });
}

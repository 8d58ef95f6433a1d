import type { Neo4jConfig } from '../../src/config';

/**
 * The Neo4j the test tiers may use: KIZUNA_TEST_NEO4J_URI (with KIZUNA_TEST_NEO4J_USER,
 * _PASSWORD, _DATABASE), which `npm test` points at the project's own test instance (port 7688,
 * .neo4j/test/). Never NEO4J_URI: that is the app's setting, often exported in a developer's shell
 * for `npm start`, and the tests CLEAR the database they are given. The contract setup also
 * refuses a database that holds data but no test marker (tests/support/testDatabase.ts).
 *
 * Without KIZUNA_TEST_NEO4J_URI the Neo4j tier is skipped, loudly (one warning line per suite
 * file), unless KIZUNA_REQUIRE_NEO4J=1 — CI sets it, so a missing database fails the build
 * instead of silently testing one store.
 */
export const NEO4J_SKIP_REASON =
  'Neo4j tier SKIPPED: KIZUNA_TEST_NEO4J_URI not set (`npm test` starts its own test Neo4j; or set KIZUNA_TEST_NEO4J_URI to a database the tests may clear)';

export function neo4jTestConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | null {
  const uri = env.KIZUNA_TEST_NEO4J_URI?.trim();
  if (!uri) {
    if (env.KIZUNA_REQUIRE_NEO4J === '1') {
      throw new Error('KIZUNA_REQUIRE_NEO4J=1 but KIZUNA_TEST_NEO4J_URI is not set: the Neo4j test tier cannot run');
    }
    console.warn(NEO4J_SKIP_REASON);
    return null;
  }
  return {
    uri,
    user: env.KIZUNA_TEST_NEO4J_USER || 'neo4j',
    password: env.KIZUNA_TEST_NEO4J_PASSWORD || 'kizuna-dev-password',
    database: env.KIZUNA_TEST_NEO4J_DATABASE || 'neo4j',
  };
}

import type { Neo4jConfig } from '../../src/config';

/**
 * The Neo4j the test tiers may use, from the same variables the app reads (NEO4J_URI,
 * NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). The tests OWN that database: suites clear it.
 *
 * Without NEO4J_URI the Neo4j tier is skipped, loudly (one warning line per suite file), unless
 * KIZUNA_REQUIRE_NEO4J=1 — CI sets it, so a missing database fails the build instead of
 * silently testing one store.
 */
export const NEO4J_SKIP_REASON = 'Neo4j tier SKIPPED: NEO4J_URI not set (run `npm run neo4j:start` and set NEO4J_URI=bolt://127.0.0.1:7687)';

export function neo4jTestConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | null {
  const uri = env.NEO4J_URI?.trim();
  if (!uri) {
    if (env.KIZUNA_REQUIRE_NEO4J === '1') {
      throw new Error('KIZUNA_REQUIRE_NEO4J=1 but NEO4J_URI is not set: the Neo4j test tier cannot run');
    }
    console.warn(NEO4J_SKIP_REASON);
    return null;
  }
  return {
    uri,
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD || 'kizuna-dev-password',
    database: env.NEO4J_DATABASE || 'neo4j',
  };
}

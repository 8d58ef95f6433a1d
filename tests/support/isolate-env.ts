/**
 * Every test file starts without the app's Neo4j settings (NEO4J_URI, …), which a developer's
 * shell often exports for `npm start`: no test, and no CLI a test spawns, can then reach the
 * developer's database by accident, even under a bare `npx jest`. Tests that need Neo4j read
 * KIZUNA_TEST_NEO4J_URI (tests/support/neo4j.ts) and pass it on explicitly.
 */
export const APP_NEO4J_VARIABLES = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'] as const;

export function isolateEnv(env: NodeJS.ProcessEnv): void {
  for (const key of APP_NEO4J_VARIABLES) delete env[key];
}

isolateEnv(process.env);

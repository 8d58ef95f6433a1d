import type { Neo4jConfig } from '../../src/config';

/**
 * The command line of the API bench's small tools (explain, profile, stages, pipeline): `--name value`
 * pairs and the Neo4j they read (`--neo4j-uri`, the bench's password). Hand-written because four
 * scripts read two or three flags each; bench/api.ts keeps its own stricter parser.
 */
export function toolArgs(): { arg: (name: string, fallback: string) => string; neo4jConfig: Neo4jConfig } {
  const arg = (name: string, fallback: string): string => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const neo4jConfig = { uri: arg('neo4j-uri', ''), user: 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password', database: 'neo4j' } as Neo4jConfig;
  return { arg, neo4jConfig };
}

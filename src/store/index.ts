import type { Neo4jConfig } from '../config';
import { MemoryStore } from './memory/memoryStore';
import type { GraphStore } from './port';

/**
 * Opens the configured store: Neo4j when NEO4J_URI is set, else the embedded one. The Neo4j
 * adapter is loaded lazily so the embedded default never loads the driver.
 */
export async function openStore(neo4j: Neo4jConfig | null): Promise<GraphStore> {
  if (!neo4j) return new MemoryStore();
  const { createNeo4jStore } = await import('./neo4j');
  return createNeo4jStore(neo4j);
}

// npm run bench:import-statements: the import's node and relationship statements for records it
// creates, MERGE (as before) against CREATE (now), interleaved on a running Neo4j
// (KIZUNA_BENCH_NEO4J_URI, password NEO4J_PASSWORD): each round writes 5,000 new Person nodes and
// their CITED_IN to one Source that 50,000 other nodes cite, in batches of 1,000, then removes them.
// It writes only nodes whose ids start with person:ab / theme:ab / source:ab and removes them after;
// still, point it at a database of your own, never one users read.
import neo4j from 'neo4j-driver';
import { createRelsQuery, upsertRelsQuery, createNodesQuery, upsertNodesQuery } from '../src/store/neo4j/cypher/write';
import type { GraphRel, GraphNode } from '../src/store/graph';
void (async () => {
  const uri = process.env.KIZUNA_BENCH_NEO4J_URI;
  if (!uri) throw new Error('set KIZUNA_BENCH_NEO4J_URI to a Neo4j of your own (e.g. the test database: bolt://127.0.0.1:<port>)');
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', process.env.NEO4J_PASSWORD ?? 'kizuna-dev-password'));
  const run = async (q: { cypher: string; params: Record<string, unknown> }) => { await driver.executeQuery(q.cypher, q.params); };
  await run({ cypher: 'MERGE (s:Source {id: "source:ab"}) SET s.document = "ab"', params: {} });
  // a dense source: 50k citing nodes
  for (let b = 0; b < 10; b++) await run({ cypher: 'UNWIND range($from, $from + 4999) AS i CREATE (t:Theme {id: "theme:ab" + i}) WITH t MATCH (s:Source {id: "source:ab"}) CREATE (t)-[:CITED_IN {key: t.id}]->(s)', params: { from: neo4j.int(b * 5000) } });
  const timings: Record<string, number[]> = { merge: [], create: [] };
  for (let round = 0; round < 6; round++) {
    const mode = round % 2 ? 'create' : 'merge';
    const nodes: GraphNode[] = Array.from({ length: 5000 }, (_, i) => ({ id: `person:ab${round}-${i}`, label: 'Person', props: { name: `P ${i}` } }));
    const rels: GraphRel[] = nodes.map((n) => ({ type: 'CITED_IN', from: n.id, to: 'source:ab', props: {} }));
    const started = Date.now();
    for (let i = 0; i < 5000; i += 1000) {
      await run((mode === 'create' ? createNodesQuery : upsertNodesQuery)('Person', nodes.slice(i, i + 1000)));
      await run((mode === 'create' ? createRelsQuery : upsertRelsQuery)('CITED_IN', 'Person', 'Source', rels.slice(i, i + 1000)));
    }
    timings[mode].push(Date.now() - started);
    await run({ cypher: 'MATCH (p:Person) WHERE p.id STARTS WITH "person:ab" DETACH DELETE p', params: {} });
  }
  await run({ cypher: 'MATCH (n) WHERE n.id STARTS WITH "theme:ab" OR n.id = "source:ab" DETACH DELETE n', params: {} });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`ms per round (first round of each cold): MERGE ${timings.merge.join(' / ')}, CREATE ${timings.create.join(' / ')}; median MERGE/CREATE ${(median(timings.merge) / median(timings.create)).toFixed(2)}×`);
  await driver.close();
})();

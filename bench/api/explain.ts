/**
 * The Cypher each contender sends for one operation of the API benchmark, with its db hits
 * (PROFILE) and its time run alone (median and best of 15), so a gap between contenders can be
 * told apart into statement cost and everything around it:
 *   node -r ./bench/register.js bench/api/explain.ts --neo4j-uri bolt://… --op visitsPaged
 */
import neo4j from 'neo4j-driver';
import { benchData } from './data';
import { operations } from './operations';
import { toolArgs } from './toolArgs';
const captured: { who: string; cypher: string; params: any }[] = [];
let who = '';
for (const Klass of [(neo4j as any).Session, (neo4j as any).Transaction]) {
  const original = Klass.prototype.run;
  Klass.prototype.run = function (this: unknown, cypher: any, params: any, ...rest: unknown[]) {
    // The peer's start-up version check is not part of an operation.
    if (who && !String(typeof cypher === 'string' ? cypher : cypher.text).includes('dbms.components')) captured.push({ who, cypher: typeof cypher === 'string' ? cypher : cypher.text, params });
    return original.call(this, cypher, params, ...rest);
  };
}
async function main() {
  const { arg, neo4jConfig: config } = toolArgs();
  if (!config.uri) config.uri = 'bolt://127.0.0.1:7689';
  const opName = arg('op', 'visitsPaged');
  const op = operations(benchData('10k')).find((o) => o.name === opName)!;
  const urls: Record<string, string> = { kizuna: await (await import('./kizuna')).startKizuna('kizuna-neo4j', config), peer: await (await import('./peer')).startPeer(config) };
  for (const [name, url] of Object.entries(urls)) {
    const body = name === 'peer' ? { query: op.peer!.query, variables: op.peer!.variables } : { query: op.kizuna, variables: op.variables };
    who = name;
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    who = '';
  }
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  for (const c of captured) {
    const s = driver.session({ database: 'neo4j' });
    const times: number[] = [];
    for (let i = 0; i < 15; i++) { const t = performance.now(); await s.run(c.cypher, c.params); times.push(performance.now() - t); }
    const r = await s.run('PROFILE ' + c.cypher, c.params);
    const hits = (p: any): number => (p.dbHits ?? 0) + (p.children ?? []).reduce((a: number, ch: any) => a + hits(ch), 0);
    times.sort((a, b) => a - b);
    console.log(`== ${c.who}: db hits ${hits(r.summary.profile)}, median ${times[7].toFixed(1)} ms, min ${times[0].toFixed(1)} ms\n${c.cypher}\n${JSON.stringify(c.params)}`);
    await s.close();
  }
  await driver.close();
  process.exit(0);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import neo4j from 'neo4j-driver';
(async () => {
  const d = neo4j.driver('bolt://127.0.0.1:7704', neo4j.auth.basic('neo4j', 'kizuna-dev-password'), { disableLosslessIntegers: true });
  for (const l of ['Person', 'Institution', 'Lab', 'Country', 'Visit', 'Paper', 'Source']) {
    const r = await d.executeQuery(`MATCH (n:${l}) RETURN properties(n) AS p LIMIT 1`);
    console.log(l, JSON.stringify(r.records[0]?.get('p')));
  }
  const r = await d.executeQuery(`MATCH ()-[r]->() RETURN type(r) AS t, properties(r) AS p, count(*) AS c`);
  const seen = new Set(); for (const rec of r.records) { const t = rec.get('t'); if (!seen.has(t)) { seen.add(t); console.log(t, JSON.stringify(rec.get('p'))); } }
  const s = await d.executeQuery(`SHOW INDEXES YIELD name, labelsOrTypes, properties, type RETURN *`);
  for (const rec of s.records) console.log(rec.get('type'), rec.get('labelsOrTypes'), rec.get('properties'));
  await d.close();
})();

import type { BenchData } from './data';

/**
 * The fixed mix of the API benchmark: what analysts ask, written once per contender.
 * - `kizuna`: the GraphQL document sent to Kizuna (both stores);
 * - `peer`: the same question for @neo4j/graphql 7 (bench/api/peer.ts), and `fromPeer` turning its
 *   answer into Kizuna's shape (v7 to-one relationships are lists; root lookups are lists);
 * - `floor`: one hand-written Cypher statement returning Kizuna's shape directly (bench/api/floor.ts).
 * Every contender's answer must equal Kizuna-on-memory's before anything is timed.
 */
export interface Operation {
  name: string;
  title: string;
  variables: Record<string, unknown>;
  kizuna: string;
  peer?: { query: string; variables: Record<string, unknown>; fromPeer: (data: any) => unknown };
  floor?: { cypher: string; params: Record<string, unknown>; fromRows: (rows: any[]) => unknown };
  /** Lists whose order the contenders may legitimately differ in: sorted by id before comparing. */
  unordered?: boolean;
}

const EARLY = ['GRADUATE_STUDENT', 'POSTDOC', 'ASSISTANT_PROFESSOR', 'LECTURER'];
const one = <T>(list: T[] | undefined): T | null => (list && list.length ? list[0] : null);

/** Parameters picked from the data, so each operation has a non-trivial answer at every size. */
export function pickParameters(data: BenchData) {
  const ds = data.dataset;
  const memberCount = new Map<string, number>();
  for (const p of ds.people ?? []) for (const m of p.memberships ?? []) if (m.lab) memberCount.set(m.lab, (memberCount.get(m.lab) ?? 0) + 1);
  // A mid-sized lab (the 20th largest): big enough to fan out, not the one outlier.
  const labs = [...memberCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lab = labs[Math.min(19, labs.length - 1)][0];
  const country = new Map((ds.institutions ?? []).map((i) => [i.id, i.country]));
  const pairs = new Map<string, number>();
  for (const v of ds.visits ?? []) {
    const fy = v.start ? fiscalYear(v.start) : null;
    if (fy !== 2023) continue;
    const key = `${country.get(v.from)}|${country.get(v.to)}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  // The third most frequent cross-border pair: more than one page, not the whole year.
  const ranked = [...pairs].filter(([k]) => k.split('|')[0] !== k.split('|')[1]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [fromCountry, toCountry] = ranked[Math.min(2, ranked.length - 1)][0].split('|');
  const person = ds.people!.find((p) => (p.memberships ?? []).length >= 2)?.id ?? ds.people![0].id;
  const affiliated = ds.people!.find((p) => (p.memberships ?? []).some((m) => m.institution))!.id;
  return { lab, fromCountry, toCountry, person, affiliated, institution: ds.institutions![1].id, visit: ds.visits![3].id };
}

function fiscalYear(day: string): number {
  const [y, m] = day.split('-').map(Number);
  return m >= 4 ? y : y - 1;
}

export function operations(data: BenchData): Operation[] {
  const p = pickParameters(data);
  const inst = 'id name countryCode';
  return [
    {
      name: 'personById',
      title: 'a person by id → labs → institution, affiliations',
      variables: { id: p.person },
      kizuna: `query personById($id: ID!) { person(id: $id) { id name careerStage
        labs { lab { id name institution { ${inst} } } } affiliations { institution { ${inst} } } } }`,
      peer: {
        query: `query personById($id: ID!) { people(where: { id: { eq: $id } }) { id name careerStage
          labs(sort: [{ sortKey: ASC }, { id: ASC }]) { id name institution { ${inst} } }
          affiliations(sort: [{ sortKey: ASC }, { id: ASC }]) { ${inst} } } }`,
        variables: { id: p.person },
        fromPeer: (d) => ({
          person: ((x) => x && { id: x.id, name: x.name, careerStage: x.careerStage,
            labs: x.labs.map((l: any) => ({ lab: { id: l.id, name: l.name, institution: one(l.institution) } })),
            affiliations: x.affiliations.map((i: any) => ({ institution: i })) })(one(d.people)),
        }),
      },
      floor: {
        cypher: `MATCH (p:Person {id: $id})
RETURN p { .id, .name, .careerStage,
  labs: COLLECT { MATCH (p)-[:MEMBER_OF]->(l:Lab) WITH l ORDER BY l.sortKey, l.id
    RETURN { lab: l { .id, .name, institution: COLLECT { MATCH (l)-[:PART_OF]->(i:Institution) RETURN i { .id, .name, countryCode: i.country } LIMIT 1 }[0] } } },
  affiliations: COLLECT { MATCH (p)-[:AFFILIATED_WITH]->(i:Institution) WITH i ORDER BY i.sortKey, i.id
    RETURN { institution: i { .id, .name, countryCode: i.country } } } } AS person`,
        params: { id: p.person },
        fromRows: (rows) => ({ person: rows[0]?.person ?? null }),
      },
    },
    {
      name: 'earlyCareerVisits',
      title: '50 early-career people → visits → to → country',
      variables: {},
      kizuna: `query earlyCareerVisits { people(filter: { earlyCareer: true }, first: 50) { edges { node { id name
        visits { id start status to { id name country { code name } } } } } } }`,
      peer: {
        query: `query earlyCareerVisits($stages: [String!]) { people(where: { careerStage: { in: $stages } }, sort: [{ sortKey: ASC }, { id: ASC }], limit: 50) { id name
          visits(sort: [{ sortKey: ASC }, { id: ASC }]) { id start status to { id name country { code name } } } } }`,
        variables: { stages: EARLY },
        fromPeer: (d) => ({
          people: { edges: d.people.map((x: any) => ({ node: { id: x.id, name: x.name,
            visits: x.visits.map((v: any) => ({ id: v.id, start: v.start, status: v.status, to: ((t) => t && { id: t.id, name: t.name, country: one(t.country) })(one(v.to)) })) } })) },
        }),
      },
      floor: {
        cypher: `MATCH (p:Person) WHERE p.careerStage IN $stages
WITH p ORDER BY p.sortKey, p.id LIMIT $first
RETURN p { .id, .name, visits: COLLECT { MATCH (p)-[:MADE]->(v:Visit) WITH v ORDER BY v.sortKey, v.id
  RETURN v { .id, .start, .status, to: COLLECT { MATCH (v)-[:TO]->(i:Institution)
    RETURN i { .id, .name, country: COLLECT { MATCH (i)-[:LOCATED_IN]->(c:Country) RETURN c { .code, .name } LIMIT 1 }[0] } LIMIT 1 }[0] } } } AS node`,
        params: { stages: EARLY, first: 50 },
        fromRows: (rows) => ({ people: { edges: rows.map((r) => ({ node: r.node })) } }),
      },
    },
    {
      name: 'institutionsPapers',
      title: '5 institutions → labs → members → papers',
      variables: {},
      kizuna: `query institutionsPapers { institutions(first: 5) { edges { node { id name
        labs { id name members { person { id name papers { id title year } } } } } } } }`,
      peer: {
        query: `query institutionsPapers { institutions(sort: [{ sortKey: ASC }, { id: ASC }], limit: 5) { id name
          labs(sort: [{ sortKey: ASC }, { id: ASC }]) { id name members(sort: [{ sortKey: ASC }, { id: ASC }]) { id name papers(sort: [{ sortKey: ASC }, { id: ASC }]) { id title year } } } } }`,
        variables: {},
        fromPeer: (d) => ({
          institutions: { edges: d.institutions.map((i: any) => ({ node: { id: i.id, name: i.name,
            labs: i.labs.map((l: any) => ({ id: l.id, name: l.name, members: l.members.map((m: any) => ({ person: m })) })) } })) },
        }),
      },
      floor: {
        cypher: `MATCH (i:Institution) WITH i ORDER BY i.sortKey, i.id LIMIT $first
RETURN i { .id, .name, labs: COLLECT { MATCH (i)<-[:PART_OF]-(l:Lab) WITH l ORDER BY l.sortKey, l.id
  RETURN l { .id, .name, members: COLLECT { MATCH (l)<-[:MEMBER_OF]-(p:Person) WITH p ORDER BY p.sortKey, p.id
    RETURN { person: p { .id, .name, papers: COLLECT { MATCH (p)-[:AUTHORED]->(a:Paper) WITH a ORDER BY a.sortKey, a.id RETURN a { .id, .title, .year } } } } } } } } AS node`,
        params: { first: 5 },
        fromRows: (rows) => ({ institutions: { edges: rows.map((r) => ({ node: r.node })) } }),
      },
    },
    {
      name: 'labMembersVisits',
      title: "a lab's members → visits → destination",
      variables: { id: p.lab },
      kizuna: `query labMembersVisits($id: ID!) { lab(id: $id) { id name members { person { id name
        visits { id start status to { ${inst} } } } } } }`,
      peer: {
        query: `query labMembersVisits($id: ID!) { labs(where: { id: { eq: $id } }) { id name members(sort: [{ sortKey: ASC }, { id: ASC }]) { id name
          visits(sort: [{ sortKey: ASC }, { id: ASC }]) { id start status to { ${inst} } } } } }`,
        variables: { id: p.lab },
        fromPeer: (d) => ({
          lab: ((l) => l && { id: l.id, name: l.name, members: l.members.map((m: any) => ({ person: { id: m.id, name: m.name,
            visits: m.visits.map((v: any) => ({ id: v.id, start: v.start, status: v.status, to: one(v.to) })) } })) })(one(d.labs)),
        }),
      },
      floor: {
        cypher: `MATCH (l:Lab {id: $id})
RETURN l { .id, .name, members: COLLECT { MATCH (l)<-[:MEMBER_OF]-(p:Person) WITH p ORDER BY p.sortKey, p.id
  RETURN { person: p { .id, .name, visits: COLLECT { MATCH (p)-[:MADE]->(v:Visit) WITH v ORDER BY v.sortKey, v.id
    RETURN v { .id, .start, .status, to: COLLECT { MATCH (v)-[:TO]->(i:Institution) RETURN i { .id, .name, countryCode: i.country } LIMIT 1 }[0] } } } } } } AS lab`,
        params: { id: p.lab },
        fromRows: (rows) => ({ lab: rows[0]?.lab ?? null }),
      },
    },
    {
      name: 'visitsPaged',
      title: `visits ${p.fromCountry}→${p.toCountry} in FY2023, 20 a page, totalCount`,
      variables: { from: p.fromCountry, to: p.toCountry },
      kizuna: `query visitsPaged($from: String, $to: String) { visits(filter: { fromCountry: $from, toCountry: $to, fiscalYear: 2023 }, first: 20) {
        totalCount pageInfo { hasNextPage } edges { node { id start status visitor { id name } } } } }`,
      peer: {
        query: `query visitsPaged($from: String, $to: String) { visitsConnection(where: { fiscalYear: { eq: 2023 }, from: { some: { countryCode: { eq: $from } } }, to: { some: { countryCode: { eq: $to } } } },
          first: 20, sort: [{ sortKey: ASC }, { id: ASC }]) { totalCount pageInfo { hasNextPage } edges { node { id start status visitor { id name } } } } }`,
        variables: { from: p.fromCountry, to: p.toCountry },
        fromPeer: (d) => ({
          visits: { totalCount: d.visitsConnection.totalCount, pageInfo: d.visitsConnection.pageInfo,
            edges: d.visitsConnection.edges.map((e: any) => ({ node: { ...e.node, visitor: one(e.node.visitor) } })) },
        }),
      },
      floor: {
        // The matches found once, counted, and the page taken from them (as the peer does too).
        cypher: `MATCH (v:Visit) WHERE v.fiscalYear = $fy
    AND EXISTS { (v)-[:FROM]->(:Institution)-[:LOCATED_IN]->(:Country {code: $from}) }
    AND EXISTS { (v)-[:TO]->(:Institution)-[:LOCATED_IN]->(:Country {code: $to}) }
WITH collect(v) AS matched
CALL (matched) { UNWIND matched AS v WITH v ORDER BY v.sortKey, v.id LIMIT $limit
  RETURN collect(v { .id, .start, .status, visitor: COLLECT { MATCH (v)<-[:MADE]-(p:Person) RETURN p { .id, .name } LIMIT 1 }[0] }) AS nodes }
RETURN size(matched) AS totalCount, nodes`,
        params: { fy: 2023, from: p.fromCountry, to: p.toCountry, limit: 21 },
        fromRows: (rows) => ({
          visits: { totalCount: rows[0].totalCount, pageInfo: { hasNextPage: rows[0].nodes.length > 20 },
            edges: rows[0].nodes.slice(0, 20).map((node: any) => ({ node })) },
        }),
      },
    },
    {
      name: 'search',
      title: 'name search (prefix, 10 hits)',
      variables: { text: 'Person 0001' },
      kizuna: `query search($text: String!) { search(text: $text, first: 10) { node { id ... on Person { name } } } }`,
      peer: {
        query: `query search($q: String!) { people(where: { searchText: { startsWith: $q } }, sort: [{ sortKey: ASC }, { id: ASC }], limit: 10) { id name } }`,
        variables: { q: 'person0001' },
        fromPeer: (d) => ({ search: d.people.map((x: any) => ({ node: x })) }),
      },
      floor: {
        cypher: `MATCH (n:Person) WHERE n.searchText STARTS WITH $q
RETURN n { .id, .name } AS node ORDER BY n.sortKey, n.id LIMIT $limit`,
        params: { q: 'person0001', limit: 10 },
        fromRows: (rows) => ({ search: rows.map((r) => ({ node: r.node })) }),
      },
    },
    {
      name: 'nodeMixed',
      title: 'node(id) × 4 of mixed types',
      variables: { a: p.person, b: p.lab, c: p.institution, d: p.visit },
      kizuna: `query nodeMixed($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
        a: node(id: $a) { id ... on Person { name careerStage } } b: node(id: $b) { id ... on Lab { name } }
        c: node(id: $c) { id ... on Institution { name countryCode } } d: node(id: $d) { id ... on Visit { start status } } }`,
      peer: {
        query: `query nodeMixed($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
          a: people(where: { id: { eq: $a } }) { id name careerStage } b: labs(where: { id: { eq: $b } }) { id name }
          c: institutions(where: { id: { eq: $c } }) { id name countryCode } d: visits(where: { id: { eq: $d } }) { id start status } }`,
        variables: { a: p.person, b: p.lab, c: p.institution, d: p.visit },
        fromPeer: (d) => ({ a: one(d.a), b: one(d.b), c: one(d.c), d: one(d.d) }),
      },
      floor: {
        cypher: `OPTIONAL MATCH (a:Person {id: $a}) OPTIONAL MATCH (b:Lab {id: $b}) OPTIONAL MATCH (c:Institution {id: $c}) OPTIONAL MATCH (d:Visit {id: $d})
RETURN a { .id, .name, .careerStage } AS a, b { .id, .name } AS b, c { .id, .name, countryCode: c.country } AS c, d { .id, .start, .status } AS d`,
        params: { a: p.person, b: p.lab, c: p.institution, d: p.visit },
        fromRows: (rows) => rows[0],
      },
    },
    {
      name: 'bridges',
      title: 'bridges(level: COUNTRY), 20 people (Kizuna only)',
      variables: {},
      kizuna: `query bridges { bridges(level: COUNTRY, first: 20) { person { id name } pairs { a { group { id } } b { group { id } } structuralHole } } }`,
    },
  ];
}

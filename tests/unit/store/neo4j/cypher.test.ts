import { isInt } from 'neo4j-driver';
import type { CypherQuery } from '../../../../src/store/neo4j/cypher/types';
import { countsQuery } from '../../../../src/store/neo4j/cypher/counts';
import { bumpVersionQuery, clearQuery, testMarkerStateQuery, versionQuery, writeTestMarkerQuery } from '../../../../src/store/neo4j/cypher/meta';
import { neighboursQuery } from '../../../../src/store/neo4j/cypher/neighbours';
import { nodesByIdsQuery } from '../../../../src/store/neo4j/cypher/nodes';
import { pageQuery } from '../../../../src/store/neo4j/cypher/page';
import { NODE_SECTIONS, PROJECTION_RELS, PROJECTION_STATEMENTS, projectionQueries } from '../../../../src/store/neo4j/cypher/projection';
import { schemaQueries } from '../../../../src/store/neo4j/cypher/schema';
import { searchQuery } from '../../../../src/store/neo4j/cypher/search';
import { planWrite, upsertNodesQuery, upsertRelsQuery } from '../../../../src/store/neo4j/cypher/write';
import { idsByLabel, isAllowedEndpointPair, label, relType } from '../../../../src/store/neo4j/cypher/whitelist';
import { StoreError } from '../../../../src/store/errors';
import type { NodeFilter } from '../../../../src/store/port';
import type { Label } from '../../../../src/domain/ids';
import type { Graph, RelType } from '../../../../src/store/graph';

/** Every value must travel as a parameter: absent from the text, present in the params. */
function expectParameterised(query: CypherQuery, values: ReadonlyArray<string | number>): void {
  const params = JSON.stringify(query.params);
  for (const value of values) {
    expect(query.cypher).not.toContain(String(value));
    expect(params).toContain(typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : String(value));
  }
}

const HOSTILE = "x'}) DETACH DELETE n //";

describe('whitelist', () => {
  it('accepts domain labels, the internal meta label and REL_SCHEMA types', () => {
    expect(label('Person')).toBe('Person');
    expect(label('KizunaMeta')).toBe('KizunaMeta');
    expect(relType('MEMBER_OF')).toBe('MEMBER_OF');
  });

  it.each(['person', 'Person:Lab', 'Person`) DETACH DELETE n //', '', 'Node'])('rejects the label %j', (bad) => {
    expect(() => label(bad)).toThrow(TypeError);
  });

  it.each(['member_of', 'KNOWS', 'MADE|HEADS', "MADE]->() DELETE n //"])('rejects the relationship type %j', (bad) => {
    expect(() => relType(bad)).toThrow(TypeError);
  });

  it('throws while building a query with a label or type that is not whitelisted', () => {
    expect(() => pageQuery({ filter: { label: 'Robot' } as unknown as NodeFilter, first: 1 })).toThrow(TypeError);
    expect(() => neighboursQuery(['person:a'], 'KNOWS' as RelType, 'OUT')).toThrow(TypeError);
    expect(() => upsertNodesQuery('Robot' as Label, [])).toThrow(TypeError);
    expect(() => searchQuery('abc', 5, ['Robot' as Label])).toThrow(TypeError);
  });

  it('knows which endpoint labels a type may join (* for any source)', () => {
    expect(isAllowedEndpointPair('ABOUT', 'Visit', 'Material')).toBe(true);
    expect(isAllowedEndpointPair('ABOUT', 'Person', 'Theme')).toBe(false);
    expect(isAllowedEndpointPair('CITED_IN', 'Lab', 'Source')).toBe(true);
    expect(isAllowedEndpointPair('CITED_IN', 'Lab', 'Person')).toBe(false);
  });

  it('groups ids by the label of their prefix, dropping repeats and malformed ids', () => {
    expect([...idsByLabel(['person:a', 'lab:x', 'person:b', 'person:a', 'nope', 'robot:r'])]).toEqual([
      ['Person', ['person:a', 'person:b']],
      ['Lab', ['lab:x']],
    ]);
  });
});

describe('nodesByIdsQuery', () => {
  it('passes ids as parameters, one statically labelled branch per label', () => {
    const query = nodesByIdsQuery(['person:zqx-one', 'lab:zqx-two', 'person:zqx-three'])!;
    expectParameterised(query, ['person:zqx-one', 'lab:zqx-two', 'person:zqx-three']);
    expect(query.cypher).toContain('MATCH (n:Person {id: id})');
    expect(query.cypher).toContain('MATCH (n:Lab {id: id})');
    expect(query.cypher).toContain('UNION ALL');
  });

  it('needs no query when no id can match', () => {
    expect(nodesByIdsQuery([])).toBeNull();
    expect(nodesByIdsQuery(['bogus', HOSTILE])).toBeNull();
  });
});

describe('neighboursQuery', () => {
  it('passes ids as parameters and follows the asked direction', () => {
    const out = neighboursQuery(['person:zqx-a', 'visit:zqx-b'], 'CITED_IN', 'OUT')!;
    expectParameterised(out, ['person:zqx-a', 'visit:zqx-b']);
    expect(out.cypher).toContain('-[r:CITED_IN]->(b)');
    const inbound = neighboursQuery(['lab:zqx-c'], 'MEMBER_OF', 'IN')!;
    expect(inbound.cypher).toContain('<-[r:MEMBER_OF]-(b)');
    expect(inbound.cypher).toMatch(/ORDER BY key, b\.sortKey, b\.id/);
  });

  it('needs no query when no id can match', () => {
    expect(neighboursQuery([], 'MADE', 'OUT')).toBeNull();
  });
});

describe('pageQuery', () => {
  const filters: Array<[string, NodeFilter, Array<string | number>]> = [
    [
      'Person',
      {
        label: 'Person',
        where: {
          careerStages: ['POSTDOC'],
          earlyCareer: false,
          earlyCareerStages: ['GRADUATE_STUDENT'],
          programRole: 'CO_PI',
          placeholder: true,
          institution: 'institution:zqx-inst',
          lab: 'lab:zqx-lab',
          country: 'ZQ',
        },
      },
      ['POSTDOC', 'GRADUATE_STUDENT', 'UNKNOWN', 'CO_PI', 'institution:zqx-inst', 'lab:zqx-lab', 'ZQ'],
    ],
    [
      'Visit',
      {
        label: 'Visit',
        where: { status: ['CANCELLED'], fiscalYear: 7919, fromCountry: 'QF', toCountry: 'QT', earlyCareer: true, earlyCareerStages: ['LECTURER'], person: 'person:zqx-p' },
      },
      ['CANCELLED', 7919, 'QF', 'QT', 'LECTURER', 'person:zqx-p'],
    ],
    ['Institution', { label: 'Institution', where: { country: 'QZ', kind: 'NATIONAL_LAB' } }, ['QZ', 'NATIONAL_LAB']],
    ['Lab', { label: 'Lab', where: { institution: 'institution:zqx-i', country: 'QY' } }, ['institution:zqx-i', 'QY']],
    ['Paper', { label: 'Paper', where: { status: ['IN_PREPARATION'] } }, ['IN_PREPARATION']],
    ['Material', { label: 'Material', where: { kind: 'TECHNIQUE' } }, ['TECHNIQUE']],
  ];

  it.each(filters)('%s: every filter value and the keyset position are parameters', (_label, filter, values) => {
    const query = pageQuery({ filter, first: 10, after: { sortKey: 'zqx sort key', id: 'zqx:after-id' } });
    expectParameterised(query, [...values, 'zqx sort key', 'zqx:after-id']);
  });

  it('fetches first + 1 rows (as an Integer, which LIMIT requires) and counts the whole filter', () => {
    const query = pageQuery({ filter: { label: 'Paper', where: { status: ['PUBLISHED'] } }, first: 20 });
    expect(isInt(query.params.limit)).toBe(true);
    expect(String(query.params.limit)).toBe('21');
    expect(query.cypher).toContain('WITH collect(n) AS matched RETURN size(matched) AS totalCount');
    expect(query.cypher).not.toContain('$afterSortKey');
  });

  it('leaves the count out when nobody reads totalCount', () => {
    const query = pageQuery({ filter: { label: 'Paper', where: { status: ['PUBLISHED'] } }, first: 20 }, false);
    expect(query.cypher).not.toContain('count(');
    expect(query.cypher).toContain('RETURN null AS totalCount, nodes');
  });

  it('compares and orders in the asked direction', () => {
    const asc = pageQuery({ filter: { label: 'Lab' }, first: 5, after: { sortKey: 'a', id: 'lab:a' } });
    expect(asc.cypher).toContain('n.sortKey > $afterSortKey');
    expect(asc.cypher).toContain('ORDER BY n.sortKey ASC, n.id ASC');
    const desc = pageQuery({ filter: { label: 'Lab' }, first: 5, after: { sortKey: 'a', id: 'lab:a' }, direction: 'DESC' });
    expect(desc.cypher).toContain('n.sortKey < $afterSortKey');
    expect(desc.cypher).toContain('ORDER BY n.sortKey DESC, n.id DESC');
  });

  it('applies the keyset to the page but not to the count', () => {
    const query = pageQuery({ filter: { label: 'Material', where: { kind: 'DEVICE' } }, first: 5, after: { sortKey: 's', id: 'material:s' } });
    const [countLine] = query.cypher.split('\n');
    expect(countLine).toContain('$kind');
    expect(countLine).not.toContain('$afterSortKey');
  });

  it('treats earlyCareer true as "stage in the list", without the UNKNOWN clause', () => {
    const query = pageQuery({ filter: { label: 'Person', where: { earlyCareer: true, earlyCareerStages: ['POSTDOC'] } }, first: 5 });
    expect(query.cypher).toContain('n.careerStage IN $earlyCareerStages');
    expect(query.params).not.toHaveProperty('unknownStage');
  });
});

describe('searchQuery', () => {
  it('normalises the text and passes it as a parameter', () => {
    const query = searchQuery('ＺＱＸ Gießen', 7, ['Institution', 'Person'])!;
    expect(query.params.q).toBe('zqxgiessen');
    expectParameterised(query, ['zqxgiessen']);
    expect(String(query.params.limit)).toBe('7');
    expect(query.cypher).toContain('MATCH (n:Institution) WHERE n.searchText CONTAINS $q');
    expect(query.cypher).toContain('MATCH (n:Person) WHERE n.searchText CONTAINS $q');
  });

  it('cannot be steered by the text', () => {
    const query = searchQuery(HOSTILE, 5, ['Person'])!;
    expect(query.cypher).not.toContain('DETACH DELETE');
  });

  it('needs no query for blank text, no labels, or first = 0', () => {
    expect(searchQuery(' ・ ', 5, ['Person'])).toBeNull();
    expect(searchQuery('abc', 5, [])).toBeNull();
    expect(searchQuery('abc', 0, ['Person'])).toBeNull();
  });
});

describe('write statements', () => {
  const graph: Graph = {
    nodes: [
      { id: 'person:zqx-p', label: 'Person', props: { name: 'Zqx Name', careerStage: 'POSTDOC', year: 2024, share: 0.5, note: null } },
      { id: 'lab:zqx-l', label: 'Lab', props: { name: 'Zqx Lab' } },
      { id: 'source:zqx-s', label: 'Source', props: {} },
    ],
    rels: [
      { type: 'MEMBER_OF', from: 'person:zqx-p', to: 'lab:zqx-l', props: { role: 'Zqx role', since: null } },
      { type: 'CITED_IN', from: 'lab:zqx-l', to: 'source:zqx-s', props: { field: 'name', reading: 'Zqx reading' } },
    ],
  };

  it('plans one MERGE statement per label and per type and endpoint-label pair', () => {
    const plan = planWrite(graph);
    expect(plan.nodeBatches.map((q) => q.cypher.split('\n')[1])).toEqual(['MERGE (n:Person {id: row.id})', 'MERGE (n:Lab {id: row.id})', 'MERGE (n:Source {id: row.id})']);
    expect(plan.relBatches.map((b) => b.query.cypher.split('\n').slice(1, 4))).toEqual([
      ['MATCH (a:Person {id: row.from})', 'MATCH (b:Lab {id: row.to})', 'MERGE (a)-[r:MEMBER_OF {key: row.key}]->(b)'],
      ['MATCH (a:Lab {id: row.from})', 'MATCH (b:Source {id: row.to})', 'MERGE (a)-[r:CITED_IN {key: row.key}]->(b)'],
    ]);
    expect(plan.relBatches.map((b) => b.expected)).toEqual([1, 1]);
    expect([plan.nodeCount, plan.relCount]).toEqual([3, 2]);
  });

  it('passes every value as a parameter', () => {
    const plan = planWrite(graph);
    for (const q of plan.nodeBatches) expect(q.cypher).not.toMatch(/zqx/i);
    for (const b of plan.relBatches) expect(b.query.cypher).not.toMatch(/zqx/i);
    expectParameterised(plan.nodeBatches[0], ['person:zqx-p', 'Zqx Name']);
    expectParameterised(plan.relBatches[1].query, ['Zqx reading', 'lab:zqx-l|CITED_IN|source:zqx-s|name|Zqx reading']);
  });

  it('drops null props and sends whole numbers as Integers', () => {
    const [row] = upsertNodesQuery('Person', [graph.nodes[0]]).params.rows as Array<{ props: Record<string, unknown> }>;
    expect(Object.keys(row.props)).toEqual(['name', 'careerStage', 'year', 'share']);
    expect(isInt(row.props.year)).toBe(true);
    expect(row.props.share).toBe(0.5);
    const [rel] = upsertRelsQuery('MEMBER_OF', 'Person', 'Lab', [graph.rels[0]]).params.rows as Array<{ props: Record<string, unknown> }>;
    expect(rel.props).toEqual({ role: 'Zqx role' });
  });

  it('batches rows', () => {
    const nodes = Array.from({ length: 5 }, (_, i) => ({ id: `theme:t${i}`, label: 'Theme' as const, props: {} }));
    expect(planWrite({ nodes, rels: [] }, 2).nodeBatches.map((q) => (q.params.rows as unknown[]).length)).toEqual([2, 2, 1]);
  });

  it('rejects a node whose label is not its id’s, and a relationship REL_SCHEMA does not allow', () => {
    expect(() => planWrite({ nodes: [{ id: 'lab:x', label: 'Person', props: {} }], rels: [] })).toThrow(StoreError);
    expect(() => planWrite({ nodes: [], rels: [{ type: 'MEMBER_OF', from: 'lab:x', to: 'person:y', props: {} }] })).toThrow(StoreError);
    expect(() => planWrite({ nodes: [], rels: [{ type: 'MADE', from: 'bogus', to: 'visit:v', props: {} }] })).toThrow(/cannot join/);
  });
});

describe('statements without inputs', () => {
  it('projection, counts, schema, version and clear carry no interpolated values', () => {
    for (const q of [...projectionQueries(), countsQuery(), versionQuery(), bumpVersionQuery(), clearQuery(), testMarkerStateQuery(), writeTestMarkerQuery(), ...schemaQueries()]) {
      expect(q.cypher).not.toMatch(/'/);
    }
    expect(versionQuery().params).toEqual({ metaId: 'meta' });
  });

  it('the projection statements read every section exactly once, ids as floats, closed vocabularies as codes', () => {
    const statements = projectionQueries();
    expect(statements).toHaveLength(PROJECTION_STATEMENTS);
    const sections = statements.flatMap((q) => [...q.cypher.matchAll(/RETURN (\d+) AS section/g)].map((m) => Number(m[1])));
    expect(sections.sort((a, b) => a - b)).toEqual(Array.from({ length: NODE_SECTIONS.length + PROJECTION_RELS.length }, (_x, i) => i));
    for (const q of statements) {
      expect(q.cypher).not.toMatch(/[^(]id\(/); // every internal id inside toFloat()
      expect(q.params.codes).toMatchObject({ POSTDOC: expect.anything(), COMPLETED: expect.anything() });
    }
    expect(statements.map((q) => q.cypher).join('\n')).toMatch(/coalesce\(\$codes\[n\.careerStage\], n\.careerStage\)/);
  });

  it('creates a unique id constraint for every domain and bookkeeping label', () => {
    const constraints = schemaQueries().filter((q) => q.cypher.startsWith('CREATE CONSTRAINT'));
    expect(constraints).toHaveLength(15); // 11 domain labels, KizunaMeta, KizunaTestMarker, KizunaImport, KizunaUndo
    expect(constraints.map((q) => q.cypher)).toContain('CREATE CONSTRAINT kizuna_KizunaTestMarker_id IF NOT EXISTS FOR (n:KizunaTestMarker) REQUIRE n.id IS UNIQUE');
    // The change log has no id property (its ids are derived from seq): no constraint to maintain per entry.
    expect(constraints.map((q) => q.cypher).join('\n')).not.toMatch(/FOR \(n:Change(Set)?\)/);
    expect(constraints.map((q) => q.cypher)).toContain('CREATE CONSTRAINT kizuna_KizunaMeta_id IF NOT EXISTS FOR (n:KizunaMeta) REQUIRE n.id IS UNIQUE');
  });

  it('clears in batches, keeping the meta node and the test marker', () => {
    expect(clearQuery().cypher).toContain('WHERE NOT n:KizunaMeta AND NOT n:KizunaTestMarker');
    expect(clearQuery().cypher).toContain('IN TRANSACTIONS OF $batchSize ROWS');
  });

  it('tells a marked test database from one holding somebody’s data, counting no bookkeeping node as data', () => {
    expect(testMarkerStateQuery().cypher).toContain('EXISTS { MATCH (m:KizunaTestMarker) } AS marked');
    expect(testMarkerStateQuery().cypher).toContain('WHERE NOT n:KizunaMeta AND NOT n:KizunaTestMarker AND NOT n:KizunaImport AND NOT n:KizunaUndo } AS hasData');
    expect(writeTestMarkerQuery().cypher).toMatch(/^MERGE \(m:KizunaTestMarker \{id: \$markerId\}\)/);
  });
});

describe('write path statements', () => {
  const records = jest.requireActual('../../../../src/store/neo4j/cypher/records') as typeof import('../../../../src/store/neo4j/cypher/records');

  it('lock, delete-owned, delete and create take ids and types as parameters, labels from the whitelist', () => {
    const lock = records.lockVersionsQuery('Visit', ['visit:a']);
    expect(lock.cypher).toContain('MATCH (n:Visit {id: id})');
    expect(lock.cypher).toContain('SET n.__lock = true');
    expect(lock.params).toEqual({ ids: ['visit:a'] });
    const owned = records.deleteOwnedQuery('Visit', [{ type: 'MADE', direction: 'IN' }, { type: 'TO', direction: 'OUT' }], ['visit:a']);
    expect(owned.params).toEqual({ ids: ['visit:a'], out: ['TO'], into: ['MADE'] });
    expect(owned.cypher).toContain('type(r) IN $out');
    expect(() => records.deleteOwnedQuery('Visit', [{ type: 'EVIL]->() DETACH DELETE n //' as never, direction: 'OUT' }], [])).toThrow(TypeError);
    expect(records.detachDeleteQuery('Person', ['person:x']).cypher).toContain('DETACH DELETE n');
    const create = records.createNodesQuery('Theme', [{ id: 'theme:t', label: 'Theme', props: { name: 'T', version: 1 } }]);
    expect(create.cypher).toContain('CREATE (n:Theme)');
    expect(create.params.rows).toEqual([{ id: 'theme:t', props: { name: 'T', version: expect.anything() } }]);
    expect(() => records.lockVersionsQuery('Nope' as never, [])).toThrow(TypeError);
  });
});

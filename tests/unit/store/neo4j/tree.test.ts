import { isInt } from 'neo4j-driver';
import { normalizeForSearch } from '../../../../src/domain/searchText';
import { treeQuery } from '../../../../src/store/neo4j/cypher/tree';
import type { TreeNode, TreeRoot } from '../../../../src/store/tree';

const visits: TreeNode = {
  fields: [
    { kind: 'prop', key: 'id', prop: 'id' },
    { kind: 'prop', key: 'end', prop: 'end' },
    { kind: 'rel', key: 'to', rel: 'TO', direction: 'OUT', target: 'Institution', one: true, node: { fields: [{ kind: 'prop', key: 'code', prop: 'country' }] } },
  ],
};
const person: TreeNode = {
  fields: [
    { kind: 'prop', key: 'n', prop: 'name' },
    { kind: 'earlyCareer', key: 'early' },
    { kind: 'rel', key: 'visits', rel: 'MADE', direction: 'OUT', target: 'Visit', one: false, node: visits },
    {
      kind: 'edge',
      key: 'labs',
      rel: 'MEMBER_OF',
      direction: 'OUT',
      target: 'Lab',
      props: [{ key: 'role', prop: 'role' }],
      nodeKeys: [{ key: 'lab', node: { fields: [{ kind: 'prop', key: 'name', prop: 'name' }] } }],
    },
  ],
};

describe('treeQuery', () => {
  it('reads a node by id with one COLLECT subquery per relationship, ordered like neighbours()', () => {
    const { cypher, params } = treeQuery({ kind: 'byId', label: 'Person', id: 'person:zqx', node: person, earlyCareerStages: ['POSTDOC'] });
    expect(cypher).toBe(
      [
        'MATCH (n:Person {id: $id})',
        'RETURN n {__c: true, `n`: n.`name`, `early`: CASE WHEN n.careerStage = \'UNKNOWN\' THEN null ELSE n.careerStage IN $treeEarlyCareerStages END, ' +
          '`visits`: COLLECT { MATCH (n)-[r1:MADE]->(n1:Visit) WITH n1 ORDER BY n1.sortKey, n1.id RETURN n1 {__c: true, `id`: n1.`id`, `end`: n1.`end`, ' +
          '`to`: COLLECT { MATCH (n1)-[r2:TO]->(n2:Institution) WITH n2 ORDER BY n2.sortKey, n2.id LIMIT 1 RETURN n2 {__c: true, `code`: n2.`country`} }[0]} }, ' +
          '`labs`: COLLECT { MATCH (n)-[r3:MEMBER_OF]->(n3:Lab) WITH r3, n3 ORDER BY n3.sortKey, n3.id, r3.key RETURN {__c: true, `role`: r3.`role`, `lab`: n3 {__c: true, `name`: n3.`name`}} }} AS node',
      ].join('\n'),
    );
    expect(params).toEqual({ id: 'person:zqx', treeEarlyCareerStages: ['POSTDOC'] });
  });

  it('pages a root connection before projecting, counts only when asked, keyset positions as parameters', () => {
    const root: TreeRoot = {
      kind: 'page',
      query: { filter: { label: 'Visit', where: { fiscalYear: 7919 } }, first: 20, after: { sortKey: 'zqx-s', id: 'visit:zqx' } },
      countTotal: false,
      node: visits,
      earlyCareerStages: [],
    };
    const { cypher, params } = treeQuery(root);
    expect(cypher).not.toContain('count(');
    // One row per node (no list of every node in one record), in the page's order; OPTIONAL keeps a row for an empty page.
    expect(cypher).toMatch(/^OPTIONAL CALL \(\) \{/);
    expect(cypher).toContain('UNWIND range(0, size(fetched[..$treeFirst]) - 1) AS position');
    expect(cypher).toContain('AS node, position, hasNextPage\n}\nRETURN null AS totalCount, node, position, hasNextPage');
    expect(cypher).not.toContain('ORDER BY node');
    expect(cypher).not.toContain('collect(n {');
    expect(cypher.indexOf('LIMIT $limit')).toBeLessThan(cypher.indexOf('COLLECT {'));
    expect(cypher).toContain('__sortKey: n.sortKey, __id: n.id');
    expect(isInt(params.limit)).toBe(true);
    expect(String(params.limit)).toBe('21');
    expect(params).toMatchObject({ fiscalYear: 7919, afterSortKey: 'zqx-s', afterId: 'visit:zqx' });
    expect(cypher).not.toContain('7919');
    expect(cypher).not.toContain('zqx');
    // Counted and filtered: the filter is evaluated once, the page taken from its matches after the keyset.
    const counted = treeQuery({ ...root, countTotal: true }).cypher;
    expect(counted.split('n.fiscalYear = $fiscalYear')).toHaveLength(2);
    expect(counted).toContain('WITH collect(n) AS matched RETURN size(matched) AS totalCount, matched }');
    expect(counted).toContain('OPTIONAL CALL (matched) {\n  UNWIND matched AS n WITH n WHERE (n.sortKey > $afterSortKey');
    // Counted without a filter: the count store answers the count, the page stops early in sortKey order.
    const unfiltered = treeQuery({ ...root, countTotal: true, query: { ...root.query, filter: { label: 'Visit' } } }).cypher;
    expect(unfiltered).toContain('CALL () { MATCH (n:Visit)  RETURN count(n) AS totalCount }');
    expect(unfiltered).not.toContain('matched');
    expect(treeQuery({ ...root, countTotal: true, query: { ...root.query, direction: 'DESC' } }).cypher).toContain('n.sortKey DESC, n.id DESC LIMIT $limit');
    expect(String(params.treeFirst)).toBe('20');
    expect(() => treeQuery({ ...root, query: { ...root.query, first: 0 } })).toThrow(TypeError);
  });

  it('gives the same text for the same selection (plan cache) and refuses names that are not GraphQL names', () => {
    const a = treeQuery({ kind: 'byId', label: 'Visit', id: 'visit:a', node: visits, earlyCareerStages: [] });
    const b = treeQuery({ kind: 'byId', label: 'Visit', id: 'visit:b', node: visits, earlyCareerStages: [] });
    expect(a.cypher).toBe(b.cypher);
    const bad: TreeNode = { fields: [{ kind: 'prop', key: 'x} RETURN 1 //', prop: 'name' }] };
    expect(() => treeQuery({ kind: 'byId', label: 'Visit', id: 'visit:a', node: bad, earlyCareerStages: [] })).toThrow(TypeError);
    const badLabel = { fields: [{ kind: 'rel', key: 'x', rel: 'NOPE', direction: 'OUT', target: 'Visit', one: false, node: visits }] } as unknown as TreeNode;
    expect(() => treeQuery({ kind: 'byId', label: 'Visit', id: 'visit:a', node: badLabel, earlyCareerStages: [] })).toThrow(TypeError);
  });

  it('reads several roots by id in one UNION ALL of index seeks, each row with its position; typed maps say their label', () => {
    const typed: TreeNode = { fields: [{ kind: 'prop', key: 'name', prop: 'name' }], typed: true };
    const { cypher, params } = treeQuery({
      kind: 'byIds',
      items: [
        { label: 'Person', id: 'person:zqx', node: person },
        { label: 'Lab', id: 'lab:zqy', node: typed },
      ],
      earlyCareerStages: [],
    });
    expect(cypher.split('\n')[0]).toBe('CALL () {');
    expect(cypher).toContain('  MATCH (n:Person {id: $id0}) RETURN 0 AS i, n {__c: true, `n`: n.`name`');
    expect(cypher).toContain("\n  UNION ALL\n  MATCH (n:Lab {id: $id1}) RETURN 1 AS i, n {__c: true, __label: 'Lab', `name`: n.`name`} AS node\n}\nRETURN i, node");
    expect(params).toEqual({ id0: 'person:zqx', id1: 'lab:zqy', treeEarlyCareerStages: [] });
    expect(cypher).not.toContain('zq');
    expect(() => treeQuery({ kind: 'byIds', items: [{ label: 'Robot' as never, id: 'robot:x', node: typed }], earlyCareerStages: [] })).toThrow(TypeError);
    expect(() => treeQuery({ kind: 'byIds', items: [], earlyCareerStages: [] })).toThrow(TypeError);
  });

  it("ranks search hits as GraphStore.search does, then projects only the returned hits, each as its label's selection", () => {
    const lab: TreeNode = { fields: [{ kind: 'prop', key: 'id', prop: 'id' }, { kind: 'rel', key: 'head', rel: 'HEADS', direction: 'IN', target: 'Person', one: true, node: { fields: [] } }], typed: true };
    const root: TreeRoot = { kind: 'search', text: 'ＺＱＸ x}) DETACH DELETE n //', first: 7, labels: ['Person', 'Lab'], nodes: { Person: { ...person, typed: true }, Lab: lab }, earlyCareerStages: ['POSTDOC'] };
    if (root.kind !== 'search') throw new TypeError('search root expected');
    const { cypher, params } = treeQuery(root);
    expect(normalizeForSearch(root.text)).toMatch(/^zqx/);
    expect(params).toMatchObject({ q: normalizeForSearch(root.text), separator: '|', treeEarlyCareerStages: ['POSTDOC'] });
    expect(String(params.limit)).toBe('7');
    expect(cypher).not.toContain('zqx');
    expect(cypher).not.toContain('DETACH');
    expect(cypher).toContain("MATCH (n:Person) WHERE n.searchText CONTAINS $q RETURN n, 'Person' AS label\n  UNION ALL\n  MATCH (n:Lab) WHERE n.searchText CONTAINS $q RETURN n, 'Lab' AS label");
    // Ranked and cut first; the projection (and its subqueries) only for the hits returned.
    const limit = cypher.indexOf('ORDER BY score DESC, n.sortKey, n.id\nLIMIT $limit');
    expect(limit).toBeGreaterThan(0);
    expect(cypher.indexOf('COLLECT {')).toBeGreaterThan(limit);
    // One branch per distinct selection, the label from the column it was found under.
    expect(cypher).toContain("RETURN CASE WHEN label IN ['Lab'] THEN n {__c: true, __label: label, `id`: n.`id`, `head`: COLLECT { MATCH (n)<-[r1:HEADS]-(n1:Person)");
    expect(cypher).toContain(" ELSE n {__c: true, __label: label, `n`: n.`name`");
    expect(cypher).toMatch(/ END AS node, score$/);
    // Labels asking the same share it; one selection for all needs no CASE at all.
    const three = treeQuery({ ...root, labels: ['Person', 'Lab', 'Paper'], nodes: { Person: { ...person, typed: true }, Lab: lab, Paper: { ...lab } } }).cypher;
    expect(three).toContain("RETURN CASE WHEN label IN ['Person'] THEN n {__c: true, __label: label, `n`: n.`name`");
    expect(three.match(/`head`: COLLECT/g)).toHaveLength(1);
    expect(treeQuery({ ...root, labels: ['Lab', 'Paper'], nodes: { Lab: lab, Paper: lab } }).cypher).toMatch(/\nRETURN n \{__c: true, __label: label, `id`: n.`id`, `head`: COLLECT \{[^\n]*\} AS node, score$/);
    expect(() => treeQuery({ ...root, nodes: { Person: person } })).toThrow(TypeError);
    expect(() => treeQuery({ ...root, text: ' ・ ' })).toThrow(TypeError);
    expect(() => treeQuery({ ...root, labels: ['Robot' as never], nodes: { Robot: lab } as never })).toThrow(TypeError);
  });
});

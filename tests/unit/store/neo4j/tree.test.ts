import { isInt } from 'neo4j-driver';
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
    expect(treeQuery({ ...root, countTotal: true }).cypher).toContain('count(n) AS totalCount');
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
});

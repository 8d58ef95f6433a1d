import { MemoryStore } from '../../../src/store/memory/memoryStore';
import type { GraphStore } from '../../../src/store/port';
import type { TreeField, TreeNode, TreeResult, TreeRoot } from '../../../src/store/tree';
import { TestApi } from '../../support/api';

/**
 * The GraphQL half of the compiler (src/graphql/compile): which TreeRoot a selection becomes, seen
 * through a store whose readTree records what it was asked and answers a canned map.
 */
function recordingStore(answer: (root: TreeRoot) => TreeResult): { store: GraphStore; roots: TreeRoot[] } {
  const roots: TreeRoot[] = [];
  const store = new MemoryStore() as GraphStore;
  store.readTree = async (root) => {
    roots.push(root);
    return answer(root);
  };
  return { store, roots };
}

const keys = (node: TreeNode): unknown =>
  node.fields.map((f: TreeField) =>
    f.kind === 'rel' ? [f.key, f.rel, f.direction, f.one, keys(f.node)] : f.kind === 'edge' ? [f.key, f.rel, f.props.map((p) => p.key), f.nodeKeys.map((k) => [k.key, keys(k.node)])] : f.kind === 'prop' ? `${f.key}=${f.prop}` : f.key,
  );

describe('GraphQL → tree compiler', () => {
  it('merges fragments and aliases, applies @skip, maps computed fields, and reads the answer by response key', async () => {
    const { store, roots } = recordingStore(() => ({ kind: 'byId', node: { __c: true, id: 'person:x', who: 'X', e: true, affs: [{ __c: true, inst: { __c: true, cc: 'JP' } }] } }));
    const data = await new TestApi(store).data(
      `query($skip: Boolean!) { person(id: "person:x") { id ...F who: name hidden: nameJa @skip(if: $skip) e: earlyCareer __typename } }
       fragment F on Node { id ... on Person { affs: affiliations { inst: institution { cc: countryCode } } } }`,
      { skip: true },
    );
    expect(data.person).toEqual({ id: 'person:x', who: 'X', e: true, affs: [{ inst: { cc: 'JP' } }], __typename: 'Person' });
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ kind: 'byId', label: 'Person', id: 'person:x' });
    expect(keys(roots[0].node)).toEqual(['id=id', ['affs', 'AFFILIATED_WITH', [], [['inst', ['cc=country']]]], 'who=name', 'e']);
  });

  it('compiles a connection: node selections of every edges merged, totalCount only when selected', async () => {
    const node = { __c: true, __sortKey: 's', __id: 'visit:v', id: 'visit:v' };
    const { store, roots } = recordingStore((root) => ({ kind: 'page', nodes: [node as never], totalCount: root.kind === 'page' && root.countTotal ? 1 : null, hasNextPage: true }));
    const data = await new TestApi(store).data(`{ visits(first: 3, filter: { fiscalYear: 2024 }) { pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`);
    expect(data.visits.pageInfo.hasNextPage).toBe(true);
    expect(data.visits.edges[0].cursor).toBe(data.visits.pageInfo.endCursor);
    expect(roots[0]).toMatchObject({ kind: 'page', countTotal: false, query: { first: 3, filter: { label: 'Visit', where: { fiscalYear: 2024 } } } });
    await new TestApi(store).data(`{ visits { totalCount } }`);
    expect(roots[1]).toMatchObject({ countTotal: true });
  });

  it('leaves to the loaders what it cannot compile: sources, arguments on nested fields, byline-ordered authors', async () => {
    const { store, roots } = recordingStore(() => {
      throw new Error('must not be asked');
    });
    const api = new TestApi(store);
    await api.data(`{ person(id: "person:x") { sources { note } } }`);
    await api.data(`{ paper(id: "paper:x") { authors { id } } }`).catch(() => undefined);
    await api.data(`{ people { edges { node { papers { authors { id } } } } } }`);
    expect(roots).toHaveLength(0);
  });

  it('reuses one plan per operation text (Apollo keeps the parsed document)', async () => {
    const { store, roots } = recordingStore(() => ({ kind: 'byId', node: null }));
    const api = new TestApi(store);
    await api.data(`query Q($id: ID!) { lab(id: $id) { id name } }`, { id: 'lab:a' });
    await api.data(`query Q($id: ID!) { lab(id: $id) { id name } }`, { id: 'lab:b' });
    expect(roots.map((r) => (r.kind === 'byId' ? r.id : null))).toEqual(['lab:a', 'lab:b']);
    expect(roots[0].node).toBe(roots[1].node);
  });
});

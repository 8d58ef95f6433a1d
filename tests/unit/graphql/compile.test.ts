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

const nodeOf = (root: TreeRoot): TreeNode => {
  if (root.kind !== 'byId' && root.kind !== 'page') throw new TypeError(`no single node in a ${root.kind} read`);
  return root.node;
};

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
    expect(keys(nodeOf(roots[0]))).toEqual(['id=id', ['affs', 'AFFILIATED_WITH', [], [['inst', ['cc=country']]]], 'who=name', 'e']);
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
    expect(nodeOf(roots[0])).toBe(nodeOf(roots[1]));
  });

  it('compiles node(id) as the type its id names: fragments on other types drop out, the map says its label; by-id roots share one read', async () => {
    const { store, roots } = recordingStore((root) => {
      if (root.kind !== 'byIds') throw new Error(`expected one byIds read, got ${root.kind}`);
      return { kind: 'byIds', nodes: [{ __c: true, __label: 'Lab', id: 'lab:a', name: 'Lab A' }, null, { __c: true, id: 'person:p', n: 'P' }] };
    });
    const data = await new TestApi(store).data(
      `{ a: node(id: "lab:a") { __typename ...L ... on Person { careerStage } } b: node(id: "visit:none") { id } p: person(id: "person:p") { n: name } }
       fragment L on Lab { id name }`,
    );
    expect(data).toEqual({ a: { __typename: 'Lab', id: 'lab:a', name: 'Lab A' }, b: null, p: { n: 'P' } });
    expect(roots).toHaveLength(1);
    const items = roots[0].kind === 'byIds' ? roots[0].items : [];
    expect(items.map((i) => [i.label, i.id, i.node.typed ?? false, keys(i.node)])).toEqual([
      ['Lab', 'lab:a', true, ['id=id', 'name=name']],
      ['Visit', 'visit:none', true, ['id=id']],
      ['Person', 'person:p', false, ['n=name']],
    ]);
  });

  it('compiles a search: one selection per searchable label, typed; not when the hit asks for two different node keys', async () => {
    const { store, roots } = recordingStore(() => ({ kind: 'search', hits: [{ node: { __c: true, __label: 'Person', id: 'person:p', nm: 'P' }, score: 2 }] }));
    const api = new TestApi(store);
    const data = await api.data(`{ search(text: "p", first: 3) { score node { id ... on Person { nm: name } ... on Lab { head { id } } } } }`);
    expect(data.search).toEqual([{ score: 2, node: { id: 'person:p', nm: 'P' } }]);
    expect(roots).toHaveLength(1);
    const root = roots[0];
    if (root.kind !== 'search') throw new Error('expected a search read');
    expect(root).toMatchObject({ text: 'p', first: 3 });
    expect(Object.keys(root.nodes).sort()).toEqual([...root.labels].sort());
    expect(keys(root.nodes.Person!)).toEqual(['id=id', 'nm=name']);
    expect(keys(root.nodes.Lab!)).toEqual(['id=id', ['head', 'HEADS', 'IN', true, ['id=id']]]);
    expect(keys(root.nodes.Paper!)).toEqual(['id=id']);
    expect(Object.values(root.nodes).every((n) => n!.typed)).toBe(true);
    await api.data(`{ search(text: "p") { a: node { id } b: node { __typename } } }`);
    await api.data(`{ search(text: "p") { node { ... on Person { sources { note } } } } }`);
    expect(roots).toHaveLength(1);
  });
});

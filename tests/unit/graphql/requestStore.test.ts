import { requestStore, DEFAULT_EXECUTION_LIMITS } from '../../../src/graphql/requestStore';
import { MemoryStore } from '../../../src/store/memory/memoryStore';
import type { GraphStore } from '../../../src/store/port';
import type { TreeNode, TreeRoot } from '../../../src/store/tree';

/**
 * Identical reads within one request are made once. A compiled tree's text is kept with the tree
 * (it is made once per operation shape), so the key must still tell apart trees that differ and
 * match trees that are equal but not the same object (a fallback may compile the tree again).
 */
describe('requestStore: identical readTree calls are made once', () => {
  const tree = (key: string): TreeNode => ({ fields: [{ kind: 'prop', key, prop: 'name' }] });
  const byId = (node: TreeNode, id = 'person:a'): TreeRoot => ({ kind: 'byId', label: 'Person', id, node, earlyCareerStages: ['POSTDOC'] });

  function counting() {
    const calls: TreeRoot[] = [];
    const base = new MemoryStore() as GraphStore;
    base.readTree = async (root) => {
      calls.push(root);
      return { kind: 'byId', node: null };
    };
    return { store: requestStore(base, DEFAULT_EXECUTION_LIMITS), calls };
  }

  it('shares one call between equal trees, the same object or not', async () => {
    const { store, calls } = counting();
    const shared = tree('name');
    await Promise.all([store.readTree!(byId(shared)), store.readTree!(byId(shared)), store.readTree!(byId(tree('name')))]);
    expect(calls).toHaveLength(1);
  });

  it('makes a call per distinct tree, id, kind or rule', async () => {
    const { store, calls } = counting();
    const shared = tree('name');
    await store.readTree!(byId(shared));
    await store.readTree!(byId(tree('alias')));
    await store.readTree!(byId(shared, 'person:b'));
    await store.readTree!({ ...byId(shared), earlyCareerStages: [] });
    await store.readTree!({ kind: 'page', query: { label: 'Person', first: 2 } as never, countTotal: false, node: shared, earlyCareerStages: ['POSTDOC'] });
    expect(calls).toHaveLength(5);
  });
});

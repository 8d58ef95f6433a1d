import { MemoryStore } from '../../../src/store/memory/memoryStore';
import type { Graph } from '../../../src/store/graph';

describe('MemoryStore.write', () => {
  it('rejects a relationship to a missing node and keeps nothing of the write', async () => {
    const store = new MemoryStore();
    const graph: Graph = {
      nodes: [{ id: 'theme:t', label: 'Theme', props: { name: 'T', sortKey: 't' } }],
      rels: [{ type: 'LEADS', from: 'person:nobody', to: 'theme:t', props: {} }],
    };
    await expect(store.write(graph)).rejects.toMatchObject({ kind: 'INVALID' });
    expect(await store.nodesByIds(['theme:t'])).toEqual([null]);
    expect(await store.version()).toBe(0);
  });

  it('rejects a node whose label is not its id’s, and a relationship between labels REL_SCHEMA does not allow', async () => {
    const store = new MemoryStore();
    await expect(store.write({ nodes: [{ id: 'lab:x', label: 'Person', props: {} }], rels: [] })).rejects.toMatchObject({ kind: 'INVALID' });
    const nodes: Graph['nodes'] = [
      { id: 'lab:x', label: 'Lab', props: {} },
      { id: 'theme:t', label: 'Theme', props: {} },
    ];
    await expect(store.write({ nodes, rels: [{ type: 'LEADS', from: 'lab:x', to: 'theme:t', props: {} }] })).rejects.toMatchObject({ kind: 'INVALID' });
  });

  it('drops null properties, as Neo4j cannot store them', async () => {
    const store = new MemoryStore();
    await store.write({ nodes: [{ id: 'theme:t', label: 'Theme', props: { name: 'T', nameJa: null } }], rels: [] });
    expect((await store.nodesByIds(['theme:t']))[0]?.props).toEqual({ name: 'T' });
  });
});

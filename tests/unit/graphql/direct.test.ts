import { parse } from 'graphql';
import { DEFAULT_EARLY_CAREER_RULE } from '../../../src/domain/earlyCareer';
import { executeCompiled } from '../../../src/graphql/compile/direct';
import { createContext } from '../../../src/graphql/context';
import { buildKizunaSchema } from '../../../src/graphql/schema';
import { MemoryStore } from '../../../src/store/memory/memoryStore';
import type { GraphStore } from '../../../src/store/port';
import type { TreeResult, TreeRoot } from '../../../src/store/tree';
import { TestApi } from '../../support/api';

/**
 * The executor of fully compiled queries (src/graphql/compile/direct.ts) against graphql-js's own
 * execution of the same operation, through a store whose readTree answers canned maps (in the
 * key order a database might use, not the query's): the same JSON, byte for byte, when it answers,
 * and graphql-js's own errors when it must not.
 */
function cannedStore(answer: (root: TreeRoot) => TreeResult): { store: GraphStore; calls: TreeRoot[] } {
  const calls: TreeRoot[] = [];
  const store = new MemoryStore() as GraphStore;
  store.readTree = async (root) => {
    calls.push(root);
    return answer(root);
  };
  return { store, calls };
}

const person = (over: Record<string, unknown> = {}) => ({
  __c: true as const,
  labs: [{ __c: true as const, since: '2020', lab: { __c: true as const, name: 'Lab A', id: 'lab:a', institution: null } }],
  name: 'Ada',
  id: 'person:ada',
  stage: 'POSTDOC',
  ...over,
});

const page = (): TreeResult => ({
  kind: 'page',
  nodes: [{ __c: true as const, __sortKey: 'ada', __id: 'person:ada', name: 'Ada', id: 'person:ada' }, { __c: true, __sortKey: 'bo', __id: 'person:bo', name: 'Bo', id: 'person:bo' }],
  totalCount: 7,
  hasNextPage: true,
});

const QUERY = `query q($id: ID!, $skip: Boolean!) {
  __typename
  p: person(id: $id) { id __typename name stage: careerStage labs { since lab { __typename id name institution { id } } } gone: nameJa @skip(if: $skip) }
  people(first: 2) { totalCount edges { cursor node { ... on Person { name id } } } pageInfo { hasNextPage endCursor } __typename }
}`;

/** The operation through Apollo with and without the direct executor, and whether the executor answers it by itself. */
async function both(store: GraphStore, query: string, variables: Record<string, unknown>) {
  const fast = await new TestApi(store).query(query, variables);
  const slow = await new TestApi(store, null, { directExecution: false }).query(query, variables);
  const context = createContext({ store, earlyCareer: DEFAULT_EARLY_CAREER_RULE, maxPageSize: 100 });
  const answered = await executeCompiled({ schema: buildKizunaSchema(), document: parse(query), variables, context, cacheable: false });
  return { fast, slow, direct: answered !== null };
}

describe('direct execution of compiled queries', () => {
  it('answers exactly what graphql-js answers: key order, aliases, __typename, fragments, @skip, connections', async () => {
    const { store, calls } = cannedStore((root) => (root.kind === 'byId' ? { kind: 'byId', node: person() } : page()));
    const { fast, slow, direct: taken } = await both(store, QUERY, { id: 'person:ada', skip: true });
    expect(taken).toBe(true);
    expect(fast.errors).toBeUndefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
    expect(Object.keys(fast.data!.p)).toEqual(['id', '__typename', 'name', 'stage', 'labs']);
    expect(fast.data!.people.edges[1].node).toEqual({ name: 'Bo', id: 'person:bo' });
    // One read per root field on each of the three runs.
    expect(calls).toHaveLength(6);
  });

  it('does not serve a null where the schema says non-null: graphql-js reports it as before', async () => {
    const { store } = cannedStore(() => ({ kind: 'byId', node: person({ id: null }) }));
    const { fast, slow, direct: taken } = await both(store, QUERY.replace(/people\(.*\n/, ''), { id: 'person:ada', skip: true });
    expect(taken).toBe(false);
    expect(fast).toEqual(slow);
    expect(fast.data).toEqual({ __typename: 'Query', p: null });
    expect(fast.errors?.[0].path).toEqual(['p', 'id']);
  });

  it('does not serve a value the scalar refuses (an unknown enum value)', async () => {
    const { store } = cannedStore(() => ({ kind: 'byId', node: person({ stage: 'WIZARD' }) }));
    const { fast, slow, direct: taken } = await both(store, `{ person(id: "person:ada") { stage: careerStage } }`, {});
    expect(taken).toBe(false);
    expect(fast).toEqual(slow);
    expect(fast.errors?.length).toBe(1);
  });

  it('reads by response key only what is a compiled map (never an entity a resolver built)', async () => {
    const { store } = cannedStore(() => ({ kind: 'byId', node: { id: 'person:ada', name: 'Ada' } as never }));
    const { fast, slow, direct: taken } = await both(store, `{ person(id: "person:ada") { id name } }`, {});
    expect(taken).toBe(false);
    expect(fast).toEqual(slow);
  });

  it('leaves invalid ids and store errors to graphql-js, with their codes and paths', async () => {
    const { store } = cannedStore(() => {
      throw Object.assign(new Error('boom'), { code: 'ServiceUnavailable' });
    });
    const bad = await both(store, `{ person(id: "lab:x") { id } }`, {});
    expect(bad.direct).toBe(false);
    expect(bad.fast).toEqual(bad.slow);
    expect(bad.fast.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const failing = await both(store, `{ person(id: "person:x") { id } }`, {});
    expect(failing.direct).toBe(false);
    expect(failing.fast).toEqual(failing.slow);
    expect(failing.fast.errors?.[0].path).toEqual(['person']);
  });

  it('leaves operations with uncompiled root fields, and mutations, to graphql-js', async () => {
    const { store } = cannedStore(() => ({ kind: 'byId', node: person() }));
    const mixed = await both(store, `{ person(id: "person:ada") { id } countries { code } }`, {});
    expect(mixed.direct).toBe(false);
    expect(mixed.fast).toEqual(mixed.slow);
    const uncompiled = await both(store, `{ person(id: "person:ada") { id sources { quote } } }`, {});
    expect(uncompiled.direct).toBe(false);
  });

  it('never runs without a store that reads trees (the embedded store)', async () => {
    const { fast, slow, direct: taken } = await both(new MemoryStore(), `{ person(id: "person:ada") { id } }`, {});
    expect(taken).toBe(false);
    expect(fast).toEqual(slow);
  });

  it('answers selections on the Node interface (node(id), search) as graphql-js does, the plan picked by each map\'s label', async () => {
    const lab = { ln: 'Lab A', __c: true as const, __label: 'Lab', id: 'lab:a' };
    const { store } = cannedStore((root) =>
      root.kind === 'search'
        ? { kind: 'search', hits: [{ score: 3, node: person({ __label: 'Person' }) }, { score: 1, node: lab }] }
        : { kind: 'byIds', nodes: [lab, null, person({ __label: 'Person' })] },
    );
    const query = `query { a: node(id: "lab:a") { __typename ...L ... on Person { name } } b: node(id: "visit:v") { id }
      c: node(id: "person:ada") { ... on Node { id } ...L ... on Person { stage: careerStage id labs { since } } __typename }
      search(text: "a", first: 2) { __typename node { __typename id ...L ... on Person { name } } score } }
      fragment L on Lab { ln: name id }`;
    const { fast, slow, direct: taken } = await both(store, query, {});
    expect(taken).toBe(true);
    expect(fast.errors).toBeUndefined();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
    expect(Object.keys(fast.data!.c)).toEqual(['id', 'stage', 'labs', '__typename']);
    expect(fast.data!.search[1]).toEqual({ __typename: 'SearchHit', node: { __typename: 'Lab', id: 'lab:a', ln: 'Lab A' }, score: 1 });
  });

  it('leaves to graphql-js a node map without a label it can plan', async () => {
    const { store } = cannedStore(() => ({ kind: 'search', hits: [{ score: 3, node: person() }] }));
    const { fast, slow, direct: taken } = await both(store, `{ search(text: "a") { node { id } } }`, {});
    expect(taken).toBe(false);
    expect(fast).toEqual(slow);
    expect(fast.errors?.length).toBe(1);
  });

  it('falls back without a second read: the request store remembers the tree reads the direct attempt made (keyed by selection identity)', async () => {
    const { store, calls } = cannedStore((root) =>
      root.kind === 'search' ? { kind: 'search', hits: [{ score: 3, node: person({ __label: 'Person', stage: 'WIZARD' }) }] } : { kind: 'byIds', nodes: [person({ stage: 'WIZARD' }), null] },
    );
    const searched = await new TestApi(store).query(`{ search(text: "a") { node { ... on Person { stage: careerStage } } } }`);
    expect(searched.errors?.length).toBe(1);
    expect(calls).toHaveLength(1);
    const byId = await new TestApi(store).query(`{ p: person(id: "person:ada") { stage: careerStage } n: node(id: "lab:x") { id } }`);
    expect(byId.errors?.length).toBe(1);
    expect(calls).toHaveLength(2);
  });
});

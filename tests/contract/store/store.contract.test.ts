import neo4jDriver, { type Driver } from 'neo4j-driver';
import { DEFAULT_EARLY_CAREER_STAGES } from '../../../src/domain/earlyCareer';
import { datasetToGraph } from '../../../src/ingest/toGraph';
import { validateDataset } from '../../../src/ingest/validate';
import { StoreError } from '../../../src/store/errors';
import type { Graph, GraphNode } from '../../../src/store/graph';
import { MemoryStore } from '../../../src/store/memory/memoryStore';
import type { GraphStore, NodeFilter, PageAfter, SortDirection } from '../../../src/store/port';
import type { CollaborationProjection } from '../../../src/store/projection';
import { NEO4J_SKIP_REASON, neo4jTestConfig } from '../../support/neo4j';
import { openNeo4jTestStore } from '../../support/testDatabase';
import { CONTRACT_DATASET } from './dataset';
import { asStored, expectedCounts, idsInSortOrder, nodeOf } from './expectations';

/**
 * The GraphStore port's contract, run unchanged on every store: the embedded store always, Neo4j
 * when KIZUNA_TEST_NEO4J_URI is set. Expected values come from the fixture itself (and, for the projection,
 * from the memory store, which is the oracle for the Cypher). The suite owns the stores' data:
 * each store is cleared before it runs.
 */
function buildGraph(): Graph {
  const result = validateDataset(CONTRACT_DATASET);
  if (!result.ok) throw new Error(`contract fixture is invalid: ${JSON.stringify(result.problems)}`);
  return datasetToGraph(result.dataset);
}

const GRAPH = buildGraph();
const EARLY = [...DEFAULT_EARLY_CAREER_STAGES];

type StoreFactory = () => Promise<GraphStore>;
const neo4jConfig = neo4jTestConfig();
const STORES: Array<[string, StoreFactory]> = [['memory', async () => new MemoryStore()]];
if (neo4jConfig) STORES.push(['neo4j', () => openNeo4jTestStore(neo4jConfig)]);

async function oracleProjection(): Promise<CollaborationProjection> {
  const memory = new MemoryStore();
  await memory.write(GRAPH);
  return memory.projection();
}

const idsOf = (nodes: ReadonlyArray<GraphNode | null>) => nodes.map((n) => n?.id ?? null);

describe.each(STORES)('%s store (port contract)', (_name, makeStore) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await makeStore();
    await store.clear();
    await store.write(GRAPH);
  });

  afterAll(async () => {
    await store?.close();
  });

  /** Ids of one page, for compact expectations. */
  const pageIds = async (filter: NodeFilter, first = 50, after?: PageAfter, direction?: SortDirection) =>
    (await store.page({ filter, first, after, direction })).nodes.map((n) => n.id);

  describe('nodesByIds', () => {
    it('returns nodes in the order asked, null for unknown and malformed ids, repeats repeated', async () => {
      const ids = ['lab:jlu-janek', 'person:nobody', 'not an id', 'person:abe', 'lab:jlu-janek', 'visit:janek-nims'];
      const nodes = await store.nodesByIds(ids);
      expect(idsOf(nodes)).toEqual(['lab:jlu-janek', null, null, 'person:abe', 'lab:jlu-janek', 'visit:janek-nims']);
    });

    it('returns every prop as written (minus nulls): strings, numbers, booleans, lists, empty lists', async () => {
      const ids = ['person:grads', 'person:ito', 'institution:jlu', 'institution:kyoto', 'visit:mueller-kyoto', 'paper:air-cathodes'];
      expect(await store.nodesByIds(ids)).toEqual(ids.map((id) => nodeOf(GRAPH, id)));
    });

    it('answers an empty batch with an empty list', async () => {
      expect(await store.nodesByIds([])).toEqual([]);
    });
  });

  describe('neighbours', () => {
    it('follows OUT, with the relationship props, one list per id in order (empty when none)', async () => {
      const result = await store.neighbours(['person:sato', 'person:nobody', 'lab:kyoto-abe'], 'MEMBER_OF', 'OUT');
      expect(result).toEqual([[{ rel: { role: 'Assistant Professor', roleJa: '助教' }, node: nodeOf(GRAPH, 'lab:kyoto-abe') }], [], []]);
    });

    it('follows IN, neighbours sorted by sortKey then id', async () => {
      const result = await store.neighbours(['lab:kyoto-abe', 'lab:jlu-janek', 'lab:nims-ito'], 'MEMBER_OF', 'IN');
      expect(result.map((list) => list.map((n) => n.node.id))).toEqual([['person:abe', 'person:sato'], ['person:mueller'], ['person:ito', 'person:tanaka']]);
    });

    it('orders by the neighbour, not by insertion (hosts were listed Müller, Janek)', async () => {
      const [hosts] = await store.neighbours(['visit:sato-jlu'], 'HOSTED_BY', 'OUT');
      expect(hosts.map((n) => n.node.id)).toEqual(['person:janek', 'person:mueller']);
    });

    it('keeps numeric relationship props (author positions)', async () => {
      const [authors] = await store.neighbours(['paper:air-cathodes'], 'AUTHORED', 'IN');
      expect(authors.map((n) => [n.node.id, n.rel.position])).toEqual([
        ['person:abe', 3],
        ['person:janek', 2],
        ['person:mueller', 1],
        ['person:sato', 0],
      ]);
    });

    it('keeps several relationships to one neighbour apart (citations with conflicting readings)', async () => {
      const [citations] = await store.neighbours(['person:janek'], 'CITED_IN', 'OUT');
      expect(citations.map((n) => n.node.id)).toEqual(['source:report-1', 'source:report-1', 'source:report-2']);
      // Two relationships to ONE neighbour come in relationship-key order on every store.
      expect(citations.map((n) => [n.node.id, n.rel])).toEqual([
        ['source:report-1', { field: 'nameJa', reading: 'ヤネック', canonical: true }],
        ['source:report-1', {}],
        ['source:report-2', { field: 'nameJa', reading: 'ヤーネク', note: 'other transcription' }],
      ]);
    });

    it('answers repeated and foreign ids', async () => {
      const result = await store.neighbours(['person:sato', 'bogus', 'person:sato', 'country:JP'], 'MADE', 'OUT');
      expect(result.map((list) => list.map((n) => n.node.id))).toEqual([['visit:sato-jlu'], [], ['visit:sato-jlu'], []]);
    });
  });

  describe('page: filters', () => {
    it.each<[string, NodeFilter, string[]]>([
      ['people, unfiltered, in sortKey order', { label: 'Person' }, idsInSortOrder(GRAPH, 'Person')],
      ['careerStages', { label: 'Person', where: { careerStages: ['PROFESSOR'] } }, ['person:abe', 'person:janek']],
      ['earlyCareer true', { label: 'Person', where: { earlyCareer: true, earlyCareerStages: EARLY } }, ['person:mueller', 'person:grads', 'person:sato']],
      [
        'earlyCareer false excludes UNKNOWN',
        { label: 'Person', where: { earlyCareer: false, earlyCareerStages: EARLY } },
        ['person:abe', 'person:smith', 'person:ito', 'person:janek'],
      ],
      ['programRole', { label: 'Person', where: { programRole: 'CO_PI' } }, ['person:janek']],
      ['placeholder true', { label: 'Person', where: { placeholder: true } }, ['person:grads']],
      ['placeholder false', { label: 'Person', where: { placeholder: false } }, idsInSortOrder(GRAPH, 'Person').filter((id) => id !== 'person:grads')],
      ['institution via membership', { label: 'Person', where: { institution: 'institution:kyoto' } }, ['person:abe', 'person:sato']],
      ['institution via headship', { label: 'Person', where: { institution: 'institution:jlu' } }, ['person:janek', 'person:mueller']],
      ['institution via affiliation', { label: 'Person', where: { institution: 'institution:nims' } }, ['person:ito', 'person:grads', 'person:tanaka']],
      ['lab (member or head)', { label: 'Person', where: { lab: 'lab:jlu-janek' } }, ['person:janek', 'person:mueller']],
      ['country', { label: 'Person', where: { country: 'JP' } }, ['person:abe', 'person:ito', 'person:grads', 'person:sato', 'person:tanaka']],
      ['country GB', { label: 'Person', where: { country: 'GB' } }, ['person:smith']],
      ['country + earlyCareer', { label: 'Person', where: { country: 'JP', earlyCareer: true, earlyCareerStages: EARLY } }, ['person:grads', 'person:sato']],
      ['visits, unfiltered', { label: 'Visit' }, idsInSortOrder(GRAPH, 'Visit')],
      ['visit status', { label: 'Visit', where: { status: ['COMPLETED'] } }, ['visit:sato-jlu', 'visit:abe-nottingham']],
      ['visit statuses', { label: 'Visit', where: { status: ['PLANNED', 'IN_PROGRESS'] } }, ['visit:grads-jlu', 'visit:mueller-kyoto', 'visit:janek-nims']],
      [
        'fiscalYear (partial dates included)',
        { label: 'Visit', where: { fiscalYear: 2024 } },
        ['visit:tanaka-nottingham', 'visit:sato-jlu', 'visit:grads-jlu', 'visit:abe-nottingham'],
      ],
      ['fiscalYear 2025', { label: 'Visit', where: { fiscalYear: 2025 } }, ['visit:mueller-kyoto']],
      ['fromCountry', { label: 'Visit', where: { fromCountry: 'DE' } }, ['visit:mueller-kyoto', 'visit:janek-nims']],
      ['toCountry', { label: 'Visit', where: { toCountry: 'GB' } }, ['visit:tanaka-nottingham', 'visit:abe-nottingham']],
      ['visitor earlyCareer true', { label: 'Visit', where: { earlyCareer: true, earlyCareerStages: EARLY } }, ['visit:sato-jlu', 'visit:grads-jlu', 'visit:mueller-kyoto']],
      ['visitor earlyCareer false', { label: 'Visit', where: { earlyCareer: false, earlyCareerStages: EARLY } }, ['visit:abe-nottingham', 'visit:janek-nims']],
      ['visitor', { label: 'Visit', where: { person: 'person:abe' } }, ['visit:abe-nottingham']],
      ['from + to + fiscal year', { label: 'Visit', where: { fromCountry: 'JP', toCountry: 'DE', fiscalYear: 2024 } }, ['visit:sato-jlu', 'visit:grads-jlu']],
      ['institution country', { label: 'Institution', where: { country: 'JP' } }, ['institution:kyoto', 'institution:nims']],
      ['institution kind', { label: 'Institution', where: { kind: 'NATIONAL_LAB' } }, ['institution:nims']],
      ['lab institution', { label: 'Lab', where: { institution: 'institution:jlu' } }, ['lab:jlu-janek']],
      ['lab country', { label: 'Lab', where: { country: 'JP' } }, ['lab:kyoto-abe', 'lab:nims-ito']],
      ['paper status', { label: 'Paper', where: { status: ['PUBLISHED'] } }, ['paper:air-cathodes']],
      ['papers, unfiltered', { label: 'Paper' }, ['paper:draft', 'paper:air-cathodes']],
      ['material kind', { label: 'Material', where: { kind: 'FACILITY' } }, ['material:synchrotron']],
      ['countries (by code)', { label: 'Country' }, ['country:DE', 'country:GB', 'country:JP']],
      ['an empty status list matches nothing', { label: 'Visit', where: { status: [] } }, []],
      ['an unknown institution matches nothing', { label: 'Person', where: { institution: 'institution:none' } }, []],
    ])('%s', async (_title, filter, expected) => {
      const page = await store.page({ filter, first: 50 });
      expect(page.nodes.map((n) => n.id)).toEqual(expected);
      expect(page.totalCount).toBe(expected.length);
      expect(page.hasNextPage).toBe(false);
    });

    it('returns whole nodes', async () => {
      const page = await store.page({ filter: { label: 'Lab', where: { institution: 'institution:kyoto' } }, first: 5 });
      expect(page.nodes).toEqual([nodeOf(GRAPH, 'lab:kyoto-abe')]);
    });
  });

  describe('page: keyset pagination', () => {
    const walk = async (filter: NodeFilter, first: number, direction?: SortDirection) => {
      const pages: { ids: string[]; totalCount: number | null; hasNextPage: boolean }[] = [];
      let after: PageAfter | undefined;
      for (let guard = 0; guard < 20; guard++) {
        const page = await store.page({ filter, first, after, direction });
        pages.push({ ids: page.nodes.map((n) => n.id), totalCount: page.totalCount, hasNextPage: page.hasNextPage });
        if (!page.hasNextPage) break;
        const last = page.nodes[page.nodes.length - 1];
        after = { sortKey: String(last.props.sortKey), id: last.id };
      }
      return pages;
    };

    it('walks every page in order, totalCount of the whole filter on each', async () => {
      const all = idsInSortOrder(GRAPH, 'Person');
      expect(await walk({ label: 'Person' }, 3)).toEqual([
        { ids: all.slice(0, 3), totalCount: 8, hasNextPage: true },
        { ids: all.slice(3, 6), totalCount: 8, hasNextPage: true },
        { ids: all.slice(6), totalCount: 8, hasNextPage: false },
      ]);
    });

    it('walks DESC in exactly the reverse order', async () => {
      const all = idsInSortOrder(GRAPH, 'Visit').reverse();
      const pages = await walk({ label: 'Visit' }, 4, 'DESC');
      expect(pages.flatMap((p) => p.ids)).toEqual(all);
      expect(pages.map((p) => [p.totalCount, p.hasNextPage])).toEqual([
        [6, true],
        [6, false],
      ]);
    });

    it('paginates a filtered set', async () => {
      const pages = await walk({ label: 'Person', where: { country: 'JP' } }, 2);
      expect(pages.map((p) => p.ids)).toEqual([['person:abe', 'person:ito'], ['person:grads', 'person:sato'], ['person:tanaka']]);
      expect(pages.every((p) => p.totalCount === 5)).toBe(true);
    });

    it('says hasNextPage exactly when more rows exist (a page that ends on the last row has none)', async () => {
      const page = await store.page({ filter: { label: 'Lab' }, first: 3 });
      expect([page.nodes.length, page.hasNextPage]).toEqual([3, false]);
    });

    it('answers first: 0 with the count only', async () => {
      const page = await store.page({ filter: { label: 'Person' }, first: 0 });
      expect(page).toEqual({ nodes: [], totalCount: 8, hasNextPage: true });
    });

    it('starts after a position that is not a node (keyset, not offset)', async () => {
      expect(await pageIds({ label: 'Person' }, 2, { sortKey: 'j', id: '' })).toEqual(['person:janek', 'person:mueller']);
      expect(await pageIds({ label: 'Person' }, 2, { sortKey: 'j', id: '' }, 'DESC')).toEqual(['person:ito', 'person:smith']);
    });
  });

  describe('search', () => {
    const hits = async (text: string, labels: Parameters<GraphStore['search']>[2], first = 10) =>
      (await store.search(text, first, labels)).map((h) => [h.node.id, h.score]);

    it('finds Japanese names, prefix scoring 2 and exact 3', async () => {
      expect(await hits('京都', ['Institution', 'Lab'])).toEqual([['institution:kyoto', 2]]);
      expect(await hits('京都大学', ['Institution'])).toEqual([['institution:kyoto', 3]]);
      expect(await hits('田中', ['Person'])).toEqual([['person:tanaka', 2]]);
    });

    it('folds full width, case, spacing and ß/umlauts', async () => {
      expect(await hits('ＪＬＵ', ['Institution'])).toEqual([['institution:jlu', 3]]);
      expect(await hits('GIESSEN', ['Institution'])).toEqual([['institution:jlu', 1]]);
      expect(await hits('Gießen', ['Institution'])).toEqual([['institution:jlu', 1]]);
      expect(await hits('kyoto UNIVERSITY', ['Institution'])).toEqual([['institution:kyoto', 3]]);
      expect(await hits('müller', ['Person'])).toEqual([['person:mueller', 1]]);
    });

    it('orders by score, then sortKey, and honours first and labels', async () => {
      expect(await hits('ito', ['Person', 'Lab'])).toEqual([
        ['person:ito', 3],
        ['lab:nims-ito', 2],
        ['person:smith', 1],
      ]);
      expect(await hits('ito', ['Person', 'Lab'], 2)).toEqual([
        ['person:ito', 3],
        ['lab:nims-ito', 2],
      ]);
      expect(await hits('ito', ['Lab'])).toEqual([['lab:nims-ito', 2]]);
    });

    it('returns whole nodes', async () => {
      const [hit] = await store.search('jlu', 1, ['Institution']);
      expect(hit).toEqual({ node: nodeOf(GRAPH, 'institution:jlu'), score: 3 });
    });

    it('finds nothing for blank text, no labels, or no match', async () => {
      expect(await hits(' ・ ', ['Person'])).toEqual([]);
      expect(await hits('ito', [])).toEqual([]);
      expect(await hits('zzz', ['Person', 'Lab', 'Institution'])).toEqual([]);
    });
  });

  describe('projection', () => {
    it('equals the memory store projection (the oracle), lists sorted by id', async () => {
      expect(await store.projection()).toEqual(await oracleProjection());
    });

    it('holds the facts the analytics rely on', async () => {
      const p = await store.projection();
      expect(p.people.find((x) => x.id === 'person:janek')).toEqual({
        id: 'person:janek',
        label: 'Jürgen Janek',
        careerStage: 'PROFESSOR',
        placeholder: false,
        labs: ['lab:jlu-janek'],
        institutions: ['institution:jlu'],
        labPeriods: [], // no membership of his is limited in time
        affiliations: [], // no direct AFFILIATED_WITH: his institution is his lab's
      });
      expect(p.people.find((x) => x.id === 'person:grads')).toMatchObject({
        placeholder: true, labs: [], institutions: ['institution:nims'],
        affiliations: [{ institution: 'institution:nims', sinceEarliest: null, untilLatest: null }],
      });
      expect(p.labs.find((x) => x.id === 'lab:nims-ito')).toEqual({ id: 'lab:nims-ito', label: 'Ito Group', institution: 'institution:nims', head: 'person:ito' });
      expect(p.institutions.find((x) => x.id === 'institution:nottingham')).toEqual({ id: 'institution:nottingham', label: 'University of Nottingham', country: 'GB', placeholder: false });
      expect(p.visits.find((x) => x.id === 'visit:sato-jlu')).toEqual({
        id: 'visit:sato-jlu',
        visitor: 'person:sato',
        hosts: ['person:janek', 'person:mueller'],
        fromInstitution: 'institution:kyoto',
        toInstitution: 'institution:jlu',
        toLab: 'lab:jlu-janek',
        status: 'COMPLETED',
        scheduleChange: 'NONE',
        start: '2024-09-01',
        startLatest: '2024-09-01',
        end: '2024-11-30',
        fiscalYear: 2024,
      });
      expect(p.visits.find((x) => x.id === 'visit:janek-nims')).toMatchObject({ start: null, end: null, fiscalYear: null });
      expect(p.papers).toEqual([
        { id: 'paper:air-cathodes', authors: ['person:sato', 'person:mueller', 'person:janek', 'person:abe'], status: 'PUBLISHED', year: 2024 },
        { id: 'paper:draft', authors: ['person:tanaka', 'person:ito'], status: 'SUBMITTED', year: null },
      ]);
      expect(p.people.map((x) => x.id)).toEqual([...p.people.map((x) => x.id)].sort());
    });
  });

  describe('counts, writes and versions', () => {
    it('counts nodes per label and relationships per type', async () => {
      expect(await store.counts()).toEqual(expectedCounts(GRAPH));
    });

    it('writes idempotently: the same graph twice leaves the same store, and the version moves on', async () => {
      const before = await store.version();
      expect(await store.write(GRAPH)).toEqual({ nodes: GRAPH.nodes.length, rels: GRAPH.rels.length });
      const middle = await store.version();
      await store.write(GRAPH);
      expect(await store.version()).toBeGreaterThan(middle);
      expect(middle).toBeGreaterThan(before);
      expect(await store.counts()).toEqual(expectedCounts(GRAPH));
      expect(await store.projection()).toEqual(await oracleProjection());
    });

    it('replaces a node’s props on upsert (a removed prop disappears)', async () => {
      const smith = nodeOf(GRAPH, 'person:smith');
      const { name: _dropped, ...rest } = smith.props;
      const changed: GraphNode = { ...smith, props: { ...rest, careerStage: 'POSTDOC', note: null } };
      await store.write({ nodes: [changed], rels: [] });
      expect(await store.nodesByIds(['person:smith'])).toEqual([asStored(changed)]);
      await store.write({ nodes: [smith], rels: [] });
      expect(await store.nodesByIds(['person:smith'])).toEqual([smith]);
    });

    it('clears everything, and the version still moves forward', async () => {
      const before = await store.version();
      await store.clear();
      expect(await store.version()).toBeGreaterThan(before);
      expect(await store.counts()).toEqual({ nodes: {}, rels: {} });
      expect(await store.nodesByIds(['person:abe'])).toEqual([null]);
      expect(await store.page({ filter: { label: 'Person' }, first: 5 })).toEqual({ nodes: [], totalCount: 0, hasNextPage: false });
      expect(await store.projection()).toEqual({ people: [], labs: [], institutions: [], visits: [], papers: [] });
    });

    it('pings', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
});

/**
 * What only the Neo4j adapter can get wrong: transactional writes, stored types, the schema.
 * In this file (not a parallel one) because it shares the database with the suite above.
 */
if (neo4jConfig) {
  describe('neo4j adapter specifics', () => {
    const config = neo4jConfig;
    let store: GraphStore;
    let driver: Driver;
    const cypher = async (text: string) => {
      const session = driver.session({ database: config.database });
      try {
        return (await session.run(text)).records.map((r) => r.toObject());
      } finally {
        await session.close();
      }
    };

    beforeAll(async () => {
      store = await openNeo4jTestStore(config);
      driver = neo4jDriver.driver(config.uri, neo4jDriver.auth.basic(config.user, config.password));
    });

    afterAll(async () => {
      await store?.clear();
      await store?.close();
      await driver?.close();
    });

    it('rejects a relationship to a missing node with INVALID and rolls the whole write back', async () => {
      const before = await store.version();
      const graph: Graph = {
        nodes: [{ id: 'theme:t', label: 'Theme', props: { name: 'T', sortKey: 't' } }],
        rels: [{ type: 'LEADS', from: 'person:nobody', to: 'theme:t', props: {} }],
      };
      await expect(store.write(graph)).rejects.toMatchObject({ kind: 'INVALID' });
      expect(await store.nodesByIds(['theme:t'])).toEqual([null]);
      expect(await store.version()).toBe(before);
    });

    it('rejects a node whose label is not its id’s before touching the database', async () => {
      await expect(store.write({ nodes: [{ id: 'lab:x', label: 'Person', props: {} }], rels: [] })).rejects.toBeInstanceOf(StoreError);
    });

    it('stores whole numbers as INTEGER, fractions as FLOAT, and no nulls', async () => {
      await store.write(GRAPH);
      const [row] = await cypher(
        "MATCH (p:Paper {id: 'paper:air-cathodes'})<-[r:AUTHORED]-(:Person {id: 'person:abe'}) " +
          "MATCH (g:Person {id: 'person:grads'}) RETURN valueType(p.year) AS year, valueType(r.position) AS position, keys(g) AS keys",
      );
      expect(row).toMatchObject({ year: 'INTEGER NOT NULL', position: 'INTEGER NOT NULL' });
      expect(row.keys).not.toContain('name');
    });

    it('has a unique id constraint for every label', async () => {
      const rows = await cypher("SHOW CONSTRAINTS YIELD name, type WHERE type = 'UNIQUENESS' AND name STARTS WITH 'kizuna_' RETURN collect(name) AS names");
      expect(rows[0].names).toHaveLength(15); // 11 domain labels, KizunaMeta, KizunaTestMarker, KizunaImport, KizunaUndo (the change log has no id: cypher/changes.ts)
    });
  });
}

if (!neo4jConfig) {
  describe.skip(`neo4j store (port contract) — ${NEO4J_SKIP_REASON}`, () => {
    it('runs the same contract on Neo4j', () => undefined);
  });
}

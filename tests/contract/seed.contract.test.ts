import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/domain/model';
import { loadDatasetFile } from '../../src/ingest/load';
import { DEFAULT_SEED_FILE, seedStore } from '../../src/ingest/seed';
import { datasetToGraph } from '../../src/ingest/toGraph';
import type { Graph, Props } from '../../src/store/graph';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * The seed data set (the FY2024 report) on every store: it round-trips exactly, seeding twice
 * changes nothing, and bilingual search finds every named person by either script.
 */
let dataset: Dataset;
let graph: Graph;
const report = readFileSync(join(__dirname, '..', '..', 'seed', 'source', 'fy2024-progress-report.ja.txt'), 'utf8').replace(/\s+/g, '');

beforeAll(async () => {
  dataset = await loadDatasetFile(DEFAULT_SEED_FILE);
  graph = datasetToGraph(dataset);
});

const withoutNulls = (props: Props) => Object.fromEntries(Object.entries(props).filter(([, v]) => v !== null));

forEachStore('seed data set', (store) => {
  beforeAll(async () => {
    await store().clear();
    await seedStore(store(), dataset);
  });

  it('round-trips: every node reads back with exactly the properties written, and every relationship is there', async () => {
    const read = await store().nodesByIds(graph.nodes.map((n) => n.id));
    expect(read.map((n) => n && { id: n.id, label: n.label, props: n.props })).toEqual(
      graph.nodes.map((n) => ({ id: n.id, label: n.label, props: withoutNulls(n.props) })),
    );
    const expectedRels: Record<string, number> = {};
    for (const r of graph.rels) expectedRels[r.type] = (expectedRels[r.type] ?? 0) + 1;
    expect((await store().counts()).rels).toEqual(expectedRels);
  });

  it('is idempotent: seeding again gives identical counts', async () => {
    const before = await store().counts();
    await seedStore(store(), dataset);
    expect(await store().counts()).toEqual(before);
  });

  it('finds every named person by Latin and by Japanese name, family name alone included', async () => {
    const api = new TestApi(store());
    const named = dataset.people.filter((p) => !p.placeholder);
    expect(named.length).toBeGreaterThan(10);
    for (const person of named) {
      for (const text of [person.name, person.nameJa, person.familyName, person.familyNameJa].filter(Boolean)) {
        const { search } = await api.data(`query($t: String!) { search(text: $t, first: 50) { node { id } } }`, { t: text });
        expect({ text, found: search.map((h: any) => h.node.id) }).toEqual({ text, found: expect.arrayContaining([person.id]) });
      }
    }
  });

  it.each([
    ['中西', 'person:nakanishi-shuji'],
    ['nakanishi', 'person:nakanishi-shuji'],
    ['NAKANISHI  shuji', 'person:nakanishi-shuji'],
    ['ＪＬＵ', 'institution:jlu'],
    ['Giessen', 'institution:jlu'],
    ['Schröder', 'person:schroder-daniel'],
    ['ｓｃｈｒｏｄｅｒ', 'person:schroder-daniel'],
  ])('search "%s" finds %s first', async (text, id) => {
    const { search } = await new TestApi(store()).data(`query($t: String!) { search(text: $t) { node { id } score } }`, { t: text });
    expect(search[0]?.node.id).toBe(id);
  });

  it('holds the pinned number of records per type', async () => {
    expect((await store().counts()).nodes).toEqual({
      Source: 41, Country: 4, Institution: 17, Lab: 2, Person: 26, Theme: 4, Material: 7, Event: 2, Visit: 29, Paper: 1, Transfer: 4,
    });
  });

  it('answers a sample of the report’s facts with their provenance', async () => {
    const data = await new TestApi(store()).data(`{
      bieker: visit(id: "visit:bieker-jhim-to-japan-fy2024") { kind status duration fiscalYear visitor { name programRole } to { placeholder countryCode }
        sources { field reading canonical source { quote } } }
      dewar: visit(id: "visit:dewar-oxford-to-osaka-fy2024") { status duration to { name } }
      yu: visit(id: "visit:yu-tohoku-to-cambridge-2025") { status duration to { name } }
      johnson: person(id: "person:johnson-lee") { careerStage title sources { field reading canonical } }
      nakanishi: person(id: "person:nakanishi-shuji") { name nameJa programRole leads { nameJa } }
      tohoku: person(id: "person:tohoku-group") { placeholder cohort cohortEn }
      found: search(text: "Tohoku University group") { node { id } }
    }`);
    // 東北大グループ: an unnamed group, labelled in the report's words and in English beside them
    expect(data.tohoku).toEqual({ placeholder: true, cohort: '東北大グループ', cohortEn: 'Tohoku University group' });
    expect(data.found.map((h: any) => h.node.id)).toContain('person:tohoku-group');
    // ドイツ側 PIの Dr. Peter Bieker (…JHIM)を 3 ヶ月間招聘し — Japan, host institution not named
    expect(data.bieker).toMatchObject({ kind: 'INVITATION', status: 'COMPLETED', duration: 'P3M', fiscalYear: 2024, visitor: { name: 'Peter Bieker', programRole: 'PI' }, to: { placeholder: true, countryCode: 'JP' } });
    expect(data.bieker.sources).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'duration', reading: '3 ヶ月間', canonical: true })]));
    // Oxford 大学の Dr. Daniel Dewar が大阪大学に 1 ヶ月滞在し
    expect(data.dewar).toEqual({ status: 'COMPLETED', duration: 'P1M', to: { name: 'Osaka University' } });
    // 2025 年に Yu 助教が Cambridge 大学に 1 年間滞在して…こととした
    expect(data.yu).toEqual({ status: 'PLANNED', duration: 'P1Y', to: { name: 'University of Cambridge' } });
    // Dr. Lee Johnson (section ②) vs Professor (研究実施体制): both readings kept, PROFESSOR canonical
    expect(data.johnson.careerStage).toBe('PROFESSOR');
    expect(data.johnson.sources.filter((c: any) => c.field === 'careerStage' || c.field === 'title').length).toBeGreaterThanOrEqual(2);
    // 研究実施体制: 電解質の開発 — 中西 周次, 大阪大学・基礎工学研究科・教授
    expect(data.nakanishi).toEqual({ name: 'Shuji Nakanishi', nameJa: '中西 周次', programRole: 'PI', leads: [{ nameJa: '電解質の開発' }] });
  });

  it('carries provenance: quotes are the report’s own words', async () => {
    const { person } = await new TestApi(store()).data(`{ person(id: "person:bieker-peter") { sources { source { section quote } } } }`);
    expect(person.sources.length).toBeGreaterThan(0);
    for (const { source } of person.sources) expect(report).toContain(source.quote.replace(/\s+/g, ''));
  });
});

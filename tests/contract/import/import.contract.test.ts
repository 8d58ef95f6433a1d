import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../../src/domain/model';
import { formatProblem } from '../../../src/ingest/import/problems';
import { readRecords } from '../../../src/write/fromGraph';
import { forEachStore } from '../../support/stores';
import { countsOf, graphSnapshot, importFiles, tempDir, withoutVersions, writeYaml } from '../../support/importHelpers';
import { syntheticDataset } from '../../fixtures/syntheticDataset';

// Each import is many statements; a loaded machine needs more than the tier's 60 s for some of them.
jest.setTimeout(240_000);

/** Bulk import on every store: the same files give the same counts, changes and graph. */
forEachStore('bulk import', (store) => {
  const dir = tempDir();
  const dataset = syntheticDataset(12);
  const file = writeYaml(dir, 'base.yaml', dataset);

  beforeEach(async () => {
    await store().clear();
  });

  it('creates every record, then the same file three times gives identical counts and graph', async () => {
    const first = await importFiles(store(), [file]);
    expect(first.ok).toBe(true);
    expect(countsOf(first, 'created')).toEqual({ sources: 1, countries: 2, institutions: 2, labs: 2, people: 12, themes: 1, materials: 1, events: 1, visits: 12, papers: 1, transfers: 1 });
    const graph = await graphSnapshot(store());
    const again = [await importFiles(store(), [file]), await importFiles(store(), [file]), await importFiles(store(), [file])];
    for (const result of again) {
      expect(result.summary).toEqual(again[0].summary);
      expect(countsOf(result, 'unchanged')).toEqual(countsOf(first, 'created'));
      expect(countsOf(result, 'created')).toEqual({});
      expect(countsOf(result, 'updated')).toEqual({});
    }
    expect(await graphSnapshot(store())).toEqual(graph);
  });

  it('updates a changed record: its fields and the relationships it states, old and new', async () => {
    await importFiles(store(), [file]);
    const changed = structuredClone(dataset) as Dataset;
    changed.visits[0].status = 'CANCELLED';
    changed.visits[0].hosts = [];
    const changes: Array<{ id: string; kind: string; fields: Array<{ name: string; old: unknown; new: unknown }> }> = [];
    const result = await importFiles(store(), [writeYaml(dir, 'changed.yaml', changed)], { onChanges: (c) => void changes.push(...c) });
    expect(countsOf(result, 'updated')).toEqual({ visits: 1 });
    const visit = changes.find((c) => c.id === 'visit:v000')!;
    expect(visit.kind).toBe('updated');
    expect(visit.fields).toEqual(
      expect.arrayContaining([
        { name: 'status', old: 'COMPLETED', new: 'CANCELLED' },
        { name: 'hosts', old: ['person:p001'], new: [] },
      ]),
    );
    const [hosts] = await store().neighbours(['visit:v000'], 'HOSTED_BY', 'OUT');
    expect(hosts).toEqual([]);
  });

  it('a file with one bad record reports file, line, column, id, field and reason, and writes nothing', async () => {
    const broken = structuredClone(dataset) as any;
    broken.people[3].careerStage = 'WIZARD';
    broken.visits[5].visitor = 'person:ghost';
    const bad = writeYaml(dir, 'bad.yaml', broken);
    const versionBefore = await store().version();
    const result = await importFiles(store(), [bad]);
    expect(result.ok).toBe(false);
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^.*bad\.yaml:\d+:\d+ person:p003 careerStage: .*PROFESSOR/),
      expect.stringMatching(/^.*bad\.yaml:\d+:\d+ visit:v005 visitor: refers to "person:ghost", which neither this import nor the store holds$/),
    ]);
    const careerProblem = result.problems[0];
    const text = require('node:fs').readFileSync(bad, 'utf8').split('\n');
    expect(text[careerProblem.line! - 1].slice(careerProblem.column! - 1)).toMatch(/^WIZARD/);
    expect((await store().counts()).nodes).toEqual({});
    expect(await store().version()).toBe(versionBefore);
  });

  it('a reference may point at a record the store already holds', async () => {
    await importFiles(store(), [file]);
    const visit = { ...dataset.visits[0], id: 'visit:extra' };
    const extra = writeYaml(dir, 'extra.yaml', { format: 'kizuna-dataset', version: 1, meta: { title: 'one more visit' }, visits: [visit] });
    const result = await importFiles(store(), [extra]);
    expect(result.problems).toEqual([]);
    expect(countsOf(result, 'created')).toEqual({ visits: 1 });
  });

  it('--dry-run reports what the import would do and writes nothing', async () => {
    await importFiles(store(), [file]);
    const changed = structuredClone(dataset) as Dataset;
    changed.people[2].name = 'Renamed';
    changed.visits.pop();
    const next = writeYaml(dir, 'next.yaml', changed);
    const before = await graphSnapshot(store());
    const dry = await importFiles(store(), [next], { dryRun: true, mode: 'replace' });
    expect(await graphSnapshot(store())).toEqual(before);
    const real = await importFiles(store(), [next], { mode: 'replace' });
    expect(dry.summary).toEqual(real.summary);
    expect(countsOf(real, 'updated')).toEqual({ people: 1 });
    expect(countsOf(real, 'deleted')).toEqual({ visits: 1 });
  });

  it('--replace removes only what the file\'s documents no longer state; reset replaces everything', async () => {
    await importFiles(store(), [file]);
    const other = writeYaml(dir, 'other.yaml', {
      format: 'kizuna-dataset', version: 1, meta: { title: 'another report' },
      sources: [{ id: 'source:other', document: 'another report', section: '1', quote: 'q', lang: 'en' }],
      themes: [{ id: 'theme:other', name: 'Other theme', sources: ['source:other'] }],
    });
    await importFiles(store(), [other]);
    const shrunk = structuredClone(dataset) as Dataset;
    shrunk.transfers = [];
    const replaced = await importFiles(store(), [writeYaml(dir, 'shrunk.yaml', shrunk)], { mode: 'replace' });
    expect(countsOf(replaced, 'deleted')).toEqual({ transfers: 1 });
    expect((await store().nodesByIds(['theme:other', 'transfer:t1'])).map((n) => n?.id ?? null)).toEqual(['theme:other', null]);

    const reset = await importFiles(store(), [other], { mode: 'reset' });
    expect(countsOf(reset, 'unchanged')).toEqual({ sources: 1, themes: 1 });
    expect((await store().counts()).nodes).toEqual({ Source: 1, Theme: 1 });
  });

  it('staged and single-transaction imports give the same graph; a failure part-way leaves the old graph', async () => {
    await importFiles(store(), [file]);
    const before = await graphSnapshot(store());
    const changed = structuredClone(dataset) as Dataset;
    changed.people.forEach((p) => (p.name = `${p.name} (renamed)`));
    changed.visits = changed.visits.slice(3);
    const next = writeYaml(dir, 'failing.yaml', changed);
    for (const transactionLimit of [0, 20_000]) {
      let batches = 0;
      const failing = importFiles(store(), [next], { mode: 'reset', transactionLimit, batchSize: 7, onChanges: () => {
        if (++batches === 3) throw new Error('stop here');
      } });
      await expect(failing).rejects.toThrow('stop here');
      expect(await graphSnapshot(store())).toEqual(before);
      expect((await store().status()).importing).toBeNull();
    }

    const versionOf = async (id: string) => (await readRecords(store(), [id]))[0]!.version;
    const renamed = changed.people[0].id;
    const beforeStaged = await versionOf(renamed);
    const staged = await importFiles(store(), [next], { mode: 'reset', transactionLimit: 0 });
    const stagedGraph = await graphSnapshot(store());
    expect(await versionOf(renamed)).toBe(beforeStaged + 1);
    await importFiles(store(), [file], { mode: 'reset' });
    const beforeSingle = await versionOf(renamed);
    const single = await importFiles(store(), [next], { mode: 'reset' });
    expect(single.summary).toEqual(staged.summary);
    expect(await versionOf(renamed)).toBe(beforeSingle + 1);
    expect(withoutVersions(await graphSnapshot(store()))).toEqual(withoutVersions(stagedGraph));
  });

  it('staged batches written several at once give the graph, counts and change entries of one at a time; a failure waits for them and leaves the old graph', async () => {
    const sequential = await importFiles(store(), [file], { transactionLimit: 0, batchSize: 2, concurrency: 1 });
    const expected = await graphSnapshot(store());
    await store().clear();
    // Batches of 2 records: most records refer to one in the batch just before, still in flight.
    const concurrent = await importFiles(store(), [file], { transactionLimit: 0, batchSize: 2, concurrency: 4 });
    expect(concurrent.summary).toEqual(sequential.summary);
    expect(await graphSnapshot(store())).toEqual(expected);

    const changed = structuredClone(dataset) as Dataset;
    changed.people.forEach((p) => (p.name = `${p.name} (renamed)`));
    const next = writeYaml(dir, 'renamed.yaml', changed);
    let batches = 0;
    const failing = importFiles(store(), [next], { transactionLimit: 0, batchSize: 2, concurrency: 4, onChanges: () => {
      if (++batches === 3) throw new Error('stop here');
    } });
    await expect(failing).rejects.toThrow('stop here');
    expect(await graphSnapshot(store())).toEqual(expected);
    expect((await store().status()).importing).toBeNull();
    const renamed = await importFiles(store(), [next], { transactionLimit: 0, batchSize: 2, concurrency: 4, actor: { keyName: 'test', role: 'ADMIN' } });
    expect(countsOf(renamed, 'updated')).toEqual({ people: 12 });
    const log = await store().changes({ first: 100, op: 'UPDATE' });
    expect(log.changes.map((c) => c.recordId).sort()).toEqual(changed.people.map((p) => p.id).sort());
  });

  it('CSV files per record type give the same graph as the data-set file', async () => {
    await importFiles(store(), [file]);
    const expected = await graphSnapshot(store());
    await store().clear();
    const csv = tempDir();
    const put = (name: string, text: string) => {
      writeFileSync(join(csv, name), text);
      return join(csv, name);
    };
    const d = dataset;
    const list = (xs: readonly string[] | undefined) => (xs ?? []).join(';');
    const files = [
      put('sources.csv', 'id,document,section,quote,lang\n' + d.sources.map((s) => `${s.id},${s.document},${s.section},${s.quote},${s.lang}`).join('\n')),
      put('countries.csv', 'id,code,name,nameJa,sources\n' + d.countries.map((c) => `${c.id},${c.code},${c.name},${c.nameJa},source:s1`).join('\n')),
      put('institutions.csv', 'id,name,nameJa,shortName,country,kind,sources\n' + d.institutions.map((i) => `${i.id},${i.name},${i.nameJa ?? ''},${i.shortName ?? ''},${i.country},${i.kind},source:s1`).join('\n')),
      put('labs.csv', 'id,name,institution,head,sources\n' + d.labs.map((l) => `${l.id},${l.name},${l.institution},${l.head},source:s1`).join('\n')),
      put('people.csv', 'id,name,nameJa,careerStage,sources\n' + d.people.map((p) => `${p.id},${p.name},${p.nameJa},${p.careerStage},source:s1`).join('\n')),
      put('memberships.csv', 'person,lab,role\n' + d.people.map((p) => `${p.id},${p.memberships[0].lab},member`).join('\n')),
      put('citations.csv', 'record,source,field,reading,canonical,note\nperson:p000,source:s1,careerStage,PROFESSOR,true,test\n'),
      put('themes.csv', 'id,name,nameJa,leads,members,sources\n' + d.themes.map((t) => `${t.id},${t.name},${t.nameJa},${list(t.leads)},${list(t.members)},source:s1`).join('\n')),
      put('materials.csv', 'id,name,nameJa,kind,owner,themes,sources\n' + d.materials.map((m) => `${m.id},${m.name},${m.nameJa},${m.kind},${m.owner},${list(m.themes)},source:s1`).join('\n')),
      put('events.csv', 'id,name,kind,status,country,start,sources\n' + d.events.map((e) => `${e.id},${e.name},${e.kind},${e.status},${e.country},${e.start},source:s1`).join('\n')),
      put('visits.csv', 'id,visitor,from,to,lab,hosts,kind,status,start,duration,purpose,themes,materials,event,sources\n' +
        d.visits.map((v) => [v.id, v.visitor, v.from, v.to, v.lab, list(v.hosts), v.kind, v.status, v.start, v.duration, v.purpose, list(v.themes), list(v.materials), v.event ?? '', 'source:s1'].join(',')).join('\n')),
      put('papers.csv', 'id,title,status,authors,themes,sources\n' + d.papers.map((p) => `${p.id},${p.title},${p.status},${list(p.authors)},${list(p.themes)},source:s1`).join('\n')),
      put('transfers.csv', 'id,material,from,to,status,sources\n' + d.transfers.map((t) => `${t.id},${t.material},${t.from},${list(t.to)},${t.status},source:s1`).join('\n')),
    ];
    const result = await importFiles(store(), files);
    expect(result.problems).toEqual([]);
    expect(await graphSnapshot(store())).toEqual(expected);
  });
});

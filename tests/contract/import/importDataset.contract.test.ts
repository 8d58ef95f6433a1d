import { stringify } from 'yaml';
import type { Principal } from '../../../src/auth/keys';
import { validateDataset } from '../../../src/ingest/validate';
import { TestApi } from '../../support/api';
import { forEachStore } from '../../support/stores';
import { CONTRACT_DATASET } from '../store/dataset';

/**
 * importDataset on every store, through GraphQL: roles, validation problems as structured errors
 * with nothing written, the summary per type (identical on repeated imports), the change log with
 * the key's name, the size cap, and replace refusing to leave references dangling unless cascade.
 * The tests run in order on one seeded store.
 */
jest.setTimeout(240_000);

const EDITOR: Principal = { keyName: 'officer', role: 'EDITOR' };
const ADMIN: Principal = { keyName: 'admin', role: 'ADMIN' };
const READER: Principal = { keyName: 'analyst', role: 'READER' };

const MUTATION = `mutation($files: [ImportFileInput!]!, $dryRun: Boolean, $replace: Boolean, $cascade: Boolean) {
  importDataset(files: $files, dryRun: $dryRun, replace: $replace, cascade: $cascade) {
    dryRun records logged summary { collection type created updated unchanged deleted }
  }
}`;

const cited = ['source:fy2025'];

/** A FY2025 report: one new early-career person in Kyoto and her visit to Nottingham (a JP–GB bridge). */
function fy2025(extra: { people?: object[]; visits?: object[] } = {}) {
  return {
    format: 'kizuna-dataset',
    version: 1,
    meta: { title: 'FY2025 additions' },
    sources: [{ id: 'source:fy2025', document: 'fy2025-report', section: '1', quote: 'A new postdoc visited Nottingham', lang: 'en' }],
    people: [{ id: 'person:imai', name: 'Aiko Imai', careerStage: 'POSTDOC', memberships: [{ lab: 'lab:kyoto-abe' }], sources: cited }, ...(extra.people ?? [])],
    visits: [
      {
        id: 'visit:imai-nottingham', visitor: 'person:imai', from: 'institution:kyoto', to: 'institution:nottingham', hosts: ['person:smith'],
        kind: 'SHORT_VISIT', status: 'COMPLETED', start: '2025-06-02', end: '2025-06-06', purpose: 'Microscopy', sources: cited,
      },
      ...(extra.visits ?? []),
    ],
  };
}

const yamlFile = (value: unknown, name = 'fy2025.yaml') => ({ format: 'YAML', name, content: stringify(value) });

type Summary = Array<{ collection: string; created: number; updated: number; unchanged: number; deleted: number }>;
const counts = (summary: Summary, kind: 'created' | 'updated' | 'unchanged' | 'deleted') =>
  Object.fromEntries(summary.filter((s) => s[kind] > 0).map((s) => [s.collection, s[kind]]));
const codes = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.map((e) => e.extensions?.code);

forEachStore(
  'importDataset',
  (store) => {
    const as = (principal: Principal | null) => new TestApi(store(), principal);
    const bridgers = async () => (await as(EDITOR).data(`{ bridges(level: COUNTRY) { person { id } } }`)).bridges.map((b: { person: { id: string } }) => b.person.id);
    const exists = async (id: string) => (await store().nodesByIds([id]))[0] !== null;

    it('anonymous callers are UNAUTHENTICATED, READER keys FORBIDDEN, and replace needs ADMIN; nothing is written', async () => {
      const version = await store().version();
      const files = [yamlFile(fy2025())];
      expect(codes(await as(null).query(MUTATION, { files }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await as(READER).query(MUTATION, { files }))).toEqual(['FORBIDDEN']);
      const replace = await as(EDITOR).query(MUTATION, { files, replace: true });
      expect(codes(replace)).toEqual(['FORBIDDEN']);
      expect(replace.errors?.[0].message).toMatch(/ADMIN/);
      expect(await exists('person:imai')).toBe(false);
      expect(await store().version()).toBe(version);
    });

    it('bad records: one BAD_USER_INPUT listing every problem with file, line, column, record, field and reason; nothing is written', async () => {
      const broken = fy2025({ people: [{ id: 'person:wizard', name: 'W', careerStage: 'WIZARD', sources: cited }] }) as ReturnType<typeof fy2025>;
      (broken.visits[0] as Record<string, unknown>).visitor = 'person:ghost';
      const version = await store().version();
      const result = await as(EDITOR).query(MUTATION, { files: [yamlFile(broken, 'broken.yaml')] });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      const problems = result.errors![0].extensions!.problems as Array<Record<string, unknown>>;
      expect(problems).toEqual([
        { file: 'broken.yaml', line: expect.any(Number), column: expect.any(Number), record: 'person:wizard', field: 'careerStage', reason: expect.stringMatching(/PROFESSOR/) },
        { file: 'broken.yaml', line: expect.any(Number), column: expect.any(Number), record: 'visit:imai-nottingham', field: 'visitor', reason: 'refers to "person:ghost", which neither this import nor the store holds' },
      ]);
      const text = stringify(broken).split('\n');
      expect(text[(problems[0].line as number) - 1].slice((problems[0].column as number) - 1)).toMatch(/^WIZARD/);
      expect(result.errors![0].message).toMatch(/2 problem\(s\).*nothing was written/);
      expect(await exists('person:imai')).toBe(false);
      expect(await store().version()).toBe(version);
    });

    it('an import creates its records, logs them under the key’s name, and the next bridges sees them', async () => {
      expect(await bridgers()).not.toContain('person:imai');
      const data = await as(EDITOR).data(MUTATION, { files: [yamlFile(fy2025())] });
      expect(data.importDataset).toMatchObject({ dryRun: false, records: 3, logged: 3 });
      expect(counts(data.importDataset.summary, 'created')).toEqual({ sources: 1, people: 1, visits: 1 });
      expect(data.importDataset.summary.find((s: { collection: string }) => s.collection === 'people').type).toBe('Person');
      expect(await bridgers()).toContain('person:imai');
      const log = await as(EDITOR).data(`{ changes(record: "person:imai", first: 5) { edges { node { op actor { keyName role } importFile } } } }`);
      expect(log.changes.edges.map((e: { node: unknown }) => e.node)).toEqual([{ op: 'CREATE', actor: { keyName: 'officer', role: 'EDITOR' }, importFile: 'fy2025.yaml' }]);
    });

    it('importing the same file three more times gives identical counts: all unchanged, nothing logged', async () => {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push((await as(EDITOR).data(MUTATION, { files: [yamlFile(fy2025())] })).importDataset);
      for (const run of runs) expect(run).toEqual(runs[0]);
      expect(counts(runs[0].summary, 'unchanged')).toEqual({ sources: 1, people: 1, visits: 1 });
      expect(runs[0].logged).toBe(0);
    });

    it('a dry run reports the change and writes nothing', async () => {
      const changed = fy2025();
      (changed.people[0] as Record<string, unknown>).name = 'Aiko Imai-Sato';
      const version = await store().version();
      const dry = (await as(EDITOR).data(MUTATION, { files: [yamlFile(changed)], dryRun: true })).importDataset;
      expect(dry).toMatchObject({ dryRun: true, logged: 0 });
      expect(counts(dry.summary, 'updated')).toEqual({ people: 1 });
      expect((await store().nodesByIds(['person:imai']))[0]?.props.name).toBe('Aiko Imai');
      expect(await store().version()).toBe(version);
    });

    it('CSV files say their record type; a CSV file without one is BAD_USER_INPUT', async () => {
      const people = { format: 'CSV', csvType: 'PEOPLE', content: 'id,name,careerStage,sources\nperson:csv-student,Ken Ono,GRADUATE_STUDENT,source:fy2025\n' };
      const memberships = { format: 'CSV', csvType: 'MEMBERSHIPS', content: 'person,lab,role\nperson:csv-student,lab:kyoto-abe,student\n' };
      const data = await as(EDITOR).data(MUTATION, { files: [people, memberships] });
      expect(counts(data.importDataset.summary, 'created')).toEqual({ people: 1 });
      const [labs] = await store().neighbours(['person:csv-student'], 'MEMBER_OF', 'OUT');
      expect(labs.map((n) => n.node.id)).toEqual(['lab:kyoto-abe']);
      const log = await as(EDITOR).data(`{ changes(record: "person:csv-student", first: 5) { edges { node { importFile } } } }`);
      expect(log.changes.edges[0].node.importFile).toBe('people.csv, memberships.csv');
      const untyped = await as(EDITOR).query(MUTATION, { files: [{ format: 'CSV', content: 'id\n' }] });
      expect(codes(untyped)).toEqual(['BAD_USER_INPUT']);
      expect(untyped.errors?.[0].message).toMatch(/csvType/);
    });

    it('files above the content cap are refused with a pointer to `kizuna import`', async () => {
      const capped = new TestApi(store(), EDITOR, {}, { imports: { maxBytes: 1024, batchSize: 100, transactionLimit: 20_000 } });
      const big = yamlFile({ ...fy2025(), meta: { title: 'x'.repeat(2000) } });
      const result = await capped.query(MUTATION, { files: [big] });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions).toMatchObject({ limit: 'IMPORT_SIZE', max: 1024, actual: Buffer.byteLength(big.content) });
      expect(result.errors?.[0].message).toMatch(/kizuna import/);
    });

    describe('replace', () => {
      // Records outside the FY2025 report (cited by fy2024-report) that come to refer to what it stated.
      beforeAll(async () => {
        const theme = validateDataset(CONTRACT_DATASET);
        if (!theme.ok) throw new Error('fixture');
        const cathode = theme.dataset.themes[0];
        await as(EDITOR).data(`mutation($i: ThemeInput!) { upsertTheme(input: $i) { id } }`, {
          i: { ...cathode, members: [...(cathode.members ?? []), 'person:imai'], sources: [{ source: 'source:report-1' }] },
        });
        await as(EDITOR).data(`mutation($i: VisitInput!) { recordVisit(input: $i) { id } }`, {
          i: { id: 'visit:imai-jlu', visitor: 'person:imai', from: 'institution:kyoto', to: 'institution:jlu', kind: 'SHORT_VISIT', status: 'PLANNED', start: '2026-02', purpose: 'Planned', sources: [{ source: 'source:report-2' }] },
        });
      });

      /** The FY2025 report restated without Imai and her visit. */
      const withoutImai = () => ({ ...fy2025(), people: [], visits: [] });

      it('refuses (CONFLICT naming every outside reference) to remove a record others still refer to; nothing is written', async () => {
        const version = await store().version();
        const result = await as(ADMIN).query(MUTATION, { files: [yamlFile(withoutImai())], replace: true });
        expect(codes(result)).toEqual(['CONFLICT']);
        expect(result.errors?.[0].extensions?.references).toEqual([
          { recordId: 'theme:cathode', field: 'members[0]', target: 'person:imai' },
          { recordId: 'visit:imai-jlu', field: 'visitor', target: 'person:imai' },
        ]);
        expect(result.errors?.[0].message).toMatch(/cascade/);
        expect(await exists('person:imai')).toBe(true);
        expect(await exists('visit:imai-nottingham')).toBe(true);
        expect(await store().version()).toBe(version);
      });

      it('a file that refers to a record its replace would remove is a problem of the file', async () => {
        const file = { ...fy2025(), people: [] };
        const result = await as(ADMIN).query(MUTATION, { files: [yamlFile(file, 'dangling.yaml')], replace: true, cascade: true });
        expect(codes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].extensions?.problems).toEqual([
          expect.objectContaining({ file: 'dangling.yaml', record: 'visit:imai-nottingham', field: 'visitor', reason: expect.stringMatching(/person:imai.*this replace removes/) }),
        ]);
        expect(await exists('person:imai')).toBe(true);
      });

      it('with cascade, outside records lose the reference, those left invalid go too, all logged under the key', async () => {
        const dry = (await as(ADMIN).data(MUTATION, { files: [yamlFile(withoutImai())], replace: true, cascade: true, dryRun: true })).importDataset;
        const data = (await as(ADMIN).data(MUTATION, { files: [yamlFile(withoutImai())], replace: true, cascade: true })).importDataset;
        expect(dry.summary).toEqual(data.summary);
        // The CSV student is cited by the FY2025 report only, and no longer stated either.
        expect(counts(data.summary, 'deleted')).toEqual({ people: 2, visits: 2 });
        expect(counts(data.summary, 'updated')).toEqual({ themes: 1 });
        expect(data.logged).toBe(5);
        for (const id of ['person:imai', 'person:csv-student', 'visit:imai-nottingham', 'visit:imai-jlu']) expect(await exists(id)).toBe(false);
        const [members] = await store().neighbours(['theme:cathode'], 'WORKS_ON', 'IN');
        expect(members.map((n) => n.node.id).sort()).toEqual(['person:mueller', 'person:sato']);
        const log = await as(EDITOR).data(`{ changes(record: "theme:cathode", first: 10) { edges { node { op actor { keyName } importFile fields { name } } } } }`);
        expect(log.changes.edges.at(-1).node).toEqual({ op: 'UPDATE', actor: { keyName: 'admin' }, importFile: 'fy2025.yaml', fields: [{ name: 'members' }] });
        expect((await store().nodesByIds(['theme:cathode']))[0]?.props.version).toBe(3);
        expect(await bridgers()).not.toContain('person:imai');
      });
    });
  },
  () => {
    const result = validateDataset(CONTRACT_DATASET);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.dataset;
  },
);

import type { Principal } from '../../../src/auth/keys';
import type { DatasetInput } from '../../../src/domain/model';
import { validateDataset } from '../../../src/ingest/validate';
import { readRecords } from '../../../src/write/fromGraph';
import { canonicalRecord } from '../../../src/write/diff';
import { RECORD_KINDS } from '../../../src/write/records';
import { TestApi } from '../../support/api';
import { countingStore } from '../../support/countingStore';
import { forEachStore } from '../../support/stores';
import { CONTRACT_DATASET } from '../store/dataset';

/**
 * Every mutation on every store, through GraphQL: upserts of each record type with the data-set
 * format's validation, versions and CONFLICT, the domain verbs, delete with and without cascade,
 * the change log of each write, and analytics seeing the change. The suites mutate in order.
 */
const EDITOR: Principal = { keyName: 'officer', role: 'EDITOR' };
const ADMIN: Principal = { keyName: 'admin', role: 'ADMIN' };
const READER: Principal = { keyName: 'analyst', role: 'READER' };

function dataset() {
  const result = validateDataset(CONTRACT_DATASET);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.dataset;
}

/** A record of the format as a GraphQL input value: citations in their object form. */
function asInput(record: Record<string, unknown>): Record<string, unknown> {
  const sources = record.sources as unknown[] | undefined;
  return sources ? { ...record, sources: sources.map((s) => (typeof s === 'string' ? { source: s } : s)) } : record;
}

const TYPE_OF: Record<string, string> = {
  sources: 'Source', countries: 'Country', institutions: 'Institution', labs: 'Lab', people: 'Person', themes: 'Theme',
  materials: 'Material', events: 'Event', visits: 'Visit', papers: 'Paper', transfers: 'Transfer',
};

const errorCodes = (result: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => result.errors?.map((e) => e.extensions?.code);

forEachStore(
  'mutations',
  (store) => {
    const editor = () => new TestApi(store(), EDITOR);
    const admin = () => new TestApi(store(), ADMIN);
    const history = async (id: string) =>
      (await editor().data(`query($r: ID!) { changes(record: $r, first: 50) { totalCount edges { node { op actor { keyName role } fields { name old new } batchId } } } }`, { r: id })).changes;

    describe('upserts', () => {
      it('creates a person with memberships and citations, returns it at version 1, and logs a CREATE', async () => {
        const input = {
          id: 'person:new-postdoc',
          name: 'Kenji Mori',
          careerStage: 'POSTDOC',
          memberships: [{ lab: 'lab:kyoto-abe', role: 'Postdoc', since: '2025-04' }],
          sources: [{ source: 'source:report-2', field: 'name', reading: 'Kenji Mori' }],
        };
        const data = await editor().data(`mutation($i: PersonInput!) { upsertPerson(input: $i) { id displayName version labs { lab { id } since } sources { source { id } reading } } }`, { i: input });
        expect(data.upsertPerson).toEqual({
          id: 'person:new-postdoc', displayName: 'Kenji Mori', version: 1,
          labs: [{ lab: { id: 'lab:kyoto-abe' }, since: '2025-04' }],
          sources: [{ source: { id: 'source:report-2' }, reading: 'Kenji Mori' }],
        });
        const log = await history('person:new-postdoc');
        expect(log.totalCount).toBe(1);
        expect(log.edges[0].node).toMatchObject({ op: 'CREATE', actor: { keyName: 'officer', role: 'EDITOR' } });
        expect(log.edges[0].node.fields).toContainEqual({ name: 'careerStage', old: null, new: 'POSTDOC' });
      });

      it('writing the same record again changes nothing: same version, no new change entry', async () => {
        const again = await editor().data(`mutation { upsertPerson(input: { id: "person:new-postdoc", name: "Kenji Mori", careerStage: POSTDOC,
          memberships: [{ lab: "lab:kyoto-abe", role: "Postdoc", since: "2025-04" }], sources: [{ source: "source:report-2", field: "name", reading: "Kenji Mori" }] }) { version } }`);
        expect(again.upsertPerson.version).toBe(1);
        expect((await history('person:new-postdoc')).totalCount).toBe(1);
      });

      it('an update with the version read bumps it and logs only the fields that changed; a stale version is a CONFLICT', async () => {
        const update = (v: number) =>
          editor().query(`mutation($v: Int) { upsertPerson(expectedVersion: $v, input: { id: "person:new-postdoc", name: "Kenji Mori", careerStage: ASSISTANT_PROFESSOR,
            memberships: [{ lab: "lab:kyoto-abe", role: "Postdoc", since: "2025-04" }], sources: [{ source: "source:report-2", field: "name", reading: "Kenji Mori" }] }) { version careerStage earlyCareer } }`, { v });
        const ok = await update(1);
        expect(ok.data?.upsertPerson).toEqual({ version: 2, careerStage: 'ASSISTANT_PROFESSOR', earlyCareer: true });
        const stale = await update(1);
        expect(errorCodes(stale)).toEqual(['CONFLICT']);
        expect(stale.errors?.[0].extensions).toMatchObject({ expectedVersion: 1, version: 2 });
        const log = await history('person:new-postdoc');
        expect(log.totalCount).toBe(2);
        expect(log.edges[1].node.fields).toEqual([{ name: 'careerStage', old: 'POSTDOC', new: 'ASSISTANT_PROFESSOR' }]);
      });

      it('validates with the data-set format: every problem with its path, nothing written', async () => {
        const bad = await editor().query(`mutation { upsertVisit(input: { id: "visit:bad", visitor: "lab:kyoto-abe", from: "institution:kyoto", to: "institution:jlu",
          kind: STAY, status: COMPLETED, start: "2024-13-01", purpose: "x", sources: [] }) { id } }`);
        expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
        const paths = (bad.errors?.[0].extensions?.problems as Array<{ path: string }>).map((p) => p.path).sort();
        expect(paths).toEqual(['sources', 'start', 'visitor']);
        expect(await store().nodesByIds(['visit:bad'])).toEqual([null]);
      });

      it('checks references against the graph and names the field', async () => {
        const bad = await editor().query(`mutation { upsertLab(input: { id: "lab:ghost", name: "Ghost", institution: "institution:nowhere", sources: [{ source: "source:report-1" }] }) { id } }`);
        expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
        expect(bad.errors?.[0].extensions?.problems).toEqual([{ path: 'institution', message: 'refers to "institution:nowhere", which does not exist' }]);
      });

      it.each(Object.entries(TYPE_OF).map(([collection, type]) => [type, collection]))('upsert%s: an existing record written back is unchanged; a new one reads back as written', async (type, collection) => {
        const existing = (dataset() as unknown as Record<string, Array<Record<string, unknown>>>)[collection][0];
        const same = await editor().data(`mutation($i: ${type}Input!) { upsert${type}(input: $i) { id version } }`, { i: asInput(existing) });
        expect(same[`upsert${type}`]).toEqual({ id: existing.id, version: 1 });
        const copyId = collection === 'countries' ? 'country:FR' : `${String(existing.id)}-copy`;
        const copy = { ...existing, id: copyId, ...(collection === 'countries' ? { code: 'FR' } : {}) };
        const created = await editor().data(`mutation($i: ${type}Input!) { upsert${type}(input: $i) { id version } }`, { i: asInput(copy) });
        expect(created[`upsert${type}`]).toEqual({ id: copyId, version: 1 });
        const [read] = await readRecords(store(), [copyId]);
        const label = read!.label;
        expect(canonicalRecord(read!.record)).toEqual(canonicalRecord(RECORD_KINDS[label].schema.parse(copy) as never));
      });
    });

    describe('domain verbs', () => {
      const visit = {
        id: 'visit:mori-nottingham', visitor: 'person:new-postdoc', from: 'institution:kyoto', to: 'institution:nottingham', hosts: ['person:smith'],
        kind: 'SHORT_VISIT', status: 'COMPLETED', start: '2025-05-12', end: '2025-05-16', purpose: 'Microscopy', sources: [{ source: 'source:report-2' }],
      };

      it('recordVisit creates a visit, the next bridges sees it, and recording it again is a no-op', async () => {
        const bridgers = async () =>
          (await editor().data(`{ bridges(level: COUNTRY) { person { id } } }`)).bridges.map((b: { person: { id: string } }) => b.person.id);
        expect(await bridgers()).not.toContain('person:new-postdoc');
        const created = await editor().data(`mutation($i: VisitInput!) { recordVisit(input: $i) { id version status to { id } } }`, { i: visit });
        expect(created.recordVisit).toEqual({ id: visit.id, version: 1, status: 'COMPLETED', to: { id: 'institution:nottingham' } });
        expect(await bridgers()).toContain('person:new-postdoc');
        const again = await editor().data(`mutation($i: VisitInput!) { recordVisit(input: $i) { version } }`, { i: visit });
        expect(again.recordVisit.version).toBe(1);
      });

      it('recordVisit refuses another visit under an existing id', async () => {
        const other = await editor().query(`mutation($i: VisitInput!) { recordVisit(input: $i) { id } }`, { i: { ...visit, purpose: 'Something else' } });
        expect(errorCodes(other)).toEqual(['CONFLICT']);
      });

      it('updateVisitStatus: a schedule change needs new dates; with them, status, dates and fiscal year move', async () => {
        const noDates = await editor().query(`mutation { updateVisitStatus(id: "visit:mueller-kyoto", status: PLANNED, scheduleChange: POSTPONED) { id } }`);
        expect(errorCodes(noDates)).toEqual(['BAD_USER_INPUT']);
        const moved = await editor().data(`mutation { updateVisitStatus(id: "visit:mueller-kyoto", status: PLANNED, scheduleChange: POSTPONED, start: "2026-05",
          sources: [{ source: "source:report-2", field: "start", reading: "2026-05" }]) { status scheduleChange start version } }`);
        expect(moved.updateVisitStatus).toEqual({ status: 'PLANNED', scheduleChange: 'POSTPONED', start: '2026-05', version: 2 });
        const fy2026 = await editor().data(`{ visits(filter: { fiscalYear: 2026 }) { edges { node { id } } } }`);
        expect(fy2026.visits.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['visit:mueller-kyoto']);
        const done = await editor().data(`mutation { updateVisitStatus(id: "visit:grads-jlu", status: COMPLETED, expectedVersion: 1) { status version } }`);
        expect(done.updateVisitStatus).toEqual({ status: 'COMPLETED', version: 2 });
        const missing = await editor().query(`mutation { updateVisitStatus(id: "visit:nope", status: COMPLETED) { id } }`);
        expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
      });

      it('addMembership and endMembership change the person’s memberships and are logged', async () => {
        const added = await editor().data(`mutation { addMembership(person: "person:smith", lab: "lab:jlu-janek", role: "Guest researcher", since: "2025-04") {
          labs { lab { id } until } affiliations { institution { id } } version } }`);
        expect(added.addMembership).toEqual({ labs: [{ lab: { id: 'lab:jlu-janek' }, until: null }], affiliations: [{ institution: { id: 'institution:nottingham' } }], version: 2 });
        const ended = await editor().data(`mutation { endMembership(person: "person:smith", lab: "lab:jlu-janek", until: "2025-09") { labs { until } version } }`);
        expect(ended.endMembership).toEqual({ labs: [{ until: '2025-09' }], version: 3 });
        const second = await editor().query(`mutation { addMembership(person: "person:smith", lab: "lab:jlu-janek", role: "Again") { id } }`);
        expect(errorCodes(second)).toEqual(['CONFLICT']);
        const noneOpen = await editor().query(`mutation { endMembership(person: "person:smith", lab: "lab:jlu-janek", until: "2025-10") { id } }`);
        expect(errorCodes(noneOpen)).toEqual(['NOT_FOUND']);
        const log = await history('person:smith');
        expect(log.edges.map((e: { node: { op: string } }) => e.node.op)).toEqual(['UPDATE', 'UPDATE']);
        const listed = await editor().data(`{ person(id: "person:smith") { history { edges { node { fields { name added removed } } } } } }`);
        expect(listed.person.history.edges.map((e: any) => e.node.fields)).toEqual([
          [{ name: 'memberships', added: [{ lab: 'lab:jlu-janek', role: 'Guest researcher', since: '2025-04' }], removed: [] }],
          [{ name: 'memberships', added: [{ lab: 'lab:jlu-janek', role: 'Guest researcher', since: '2025-04', until: '2025-09' }], removed: [{ lab: 'lab:jlu-janek', role: 'Guest researcher', since: '2025-04' }] }],
        ]);
      });
    });

    describe('several mutations in one operation', () => {
      it('each sees the writes before it, and each selection reads the written state', async () => {
        const data = await editor().data(`mutation {
          a: addMembership(person: "person:tanaka", institution: "institution:kyoto") { version affiliations { institution { id } } }
          b: addMembership(person: "person:tanaka", institution: "institution:jlu") { version affiliations { institution { id } } }
        }`);
        expect(data.b.version).toBe(data.a.version + 1);
        expect(data.a.affiliations.map((a: any) => a.institution.id)).toEqual(['institution:kyoto']);
        expect(data.b.affiliations.map((a: any) => a.institution.id).sort()).toEqual(['institution:jlu', 'institution:kyoto']);
      });
    });

    describe('delete', () => {
      it('refuses to leave dangling references and names them', async () => {
        const refused = await admin().query(`mutation { deleteRecord(id: "person:mueller") { deletedIds } }`);
        expect(errorCodes(refused)).toEqual(['CONFLICT']);
        const references = refused.errors?.[0].extensions?.references as Array<{ recordId: string; field: string }>;
        expect(references.map((r) => `${r.recordId} ${r.field}`).sort()).toEqual([
          'paper:air-cathodes authors[1]',
          'paper:air-cathodes-copy authors[1]',
          'theme:cathode members[0]',
          'theme:cathode-copy members[0]',
          'visit:mueller-kyoto visitor',
          'visit:sato-jlu hosts[1]',
          'visit:sato-jlu-copy hosts[1]',
        ]);
      });

      it('with cascade: referring records lose the reference, those left invalid are deleted, every write is logged in one batch', async () => {
        const result = await admin().data(`mutation { deleteRecord(id: "person:mueller", cascade: true) { deletedIds updatedIds changes { recordId op } } }`);
        expect([...result.deleteRecord.deletedIds].sort()).toEqual(['person:mueller', 'visit:mueller-kyoto']);
        expect([...result.deleteRecord.updatedIds].sort()).toEqual([
          'paper:air-cathodes', 'paper:air-cathodes-copy', 'theme:cathode', 'theme:cathode-copy', 'visit:sato-jlu', 'visit:sato-jlu-copy',
        ]);
        const after = await editor().data(
          `{ paper: node(id: "paper:air-cathodes") { ... on Paper { authors { id } version } } visit: node(id: "visit:sato-jlu") { ... on Visit { hosts { id } } } person(id: "person:mueller") { id } }`,
        );
        expect(after).toEqual({
          paper: { authors: [{ id: 'person:sato' }, { id: 'person:janek' }, { id: 'person:abe' }], version: 2 },
          visit: { hosts: [{ id: 'person:janek' }] },
          person: null,
        });
        const log = await history('person:mueller');
        expect(log.edges.at(-1).node).toMatchObject({ op: 'DELETE' });
        const batch = log.edges.at(-1).node.batchId;
        const sameBatch = await editor().data(`{ changes(first: 100) { edges { node { batchId recordId } } } }`);
        expect(sameBatch.changes.edges.filter((e: { node: { batchId: string } }) => e.node.batchId === batch)).toHaveLength(8);
      });

      it('deleting what does not exist is NOT_FOUND', async () => {
        expect(errorCodes(await admin().query(`mutation { deleteRecord(id: "person:mueller") { deletedIds } }`))).toEqual(['NOT_FOUND']);
      });
    });

    describe('who may write', () => {
      const upsert = `mutation { upsertTheme(input: { id: "theme:anode", name: "Anode", sources: [{ source: "source:report-1" }] }) { id } }`;
      it('anonymous callers are UNAUTHENTICATED and READER keys FORBIDDEN; nothing is written', async () => {
        expect(errorCodes(await new TestApi(store()).query(upsert))).toEqual(['UNAUTHENTICATED']);
        expect(errorCodes(await new TestApi(store(), READER).query(upsert))).toEqual(['FORBIDDEN']);
        expect(await store().nodesByIds(['theme:anode'])).toEqual([null]);
      });
      it('EDITOR keys may not delete', async () => {
        expect(errorCodes(await editor().query(`mutation { deleteRecord(id: "paper:draft") { deletedIds } }`))).toEqual(['FORBIDDEN']);
      });
    });

    describe('change history', () => {
      it('record.history lists a record’s changes; changes(since:) takes instants, dates and fiscal years', async () => {
        const data = await editor().data(`{ person(id: "person:smith") { history(first: 10) { totalCount edges { node { op fields { name } } } } } }`);
        expect(data.person.history.totalCount).toBe(2);
        expect(data.person.history.edges[0].node.fields).toEqual([{ name: 'memberships' }]);
        const all = (await editor().data(`{ changes(first: 1) { totalCount } }`)).changes.totalCount;
        expect(all).toBeGreaterThan(10);
        expect((await editor().data(`{ changes(since: "FY2025", first: 1) { totalCount } }`)).changes.totalCount).toBe(all);
        expect((await editor().data(`{ changes(since: "2999-01-01", first: 1) { totalCount } }`)).changes.totalCount).toBe(0);
        expect(errorCodes(await editor().query(`{ changes(since: "soon") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
      });

      it('"what changed since the FY2024 report was imported" is one query: changes(afterImport:)', async () => {
        const system = { keyName: 'import', role: 'ADMIN' as const };
        await store().appendChanges([{ at: new Date().toISOString(), actor: system, recordId: 'paper:draft', label: 'Paper', op: 'UPDATE', fields: [], importFile: 'fy2024-report.yaml', batchId: 'import-1' }]);
        await editor().data(`mutation { updateVisitStatus(id: "visit:janek-nims", status: COMPLETED, start: "2025-07-01") { id } }`);
        const since = await editor().data(
          `{ changes(afterImport: "fy2024-report.yaml") { totalCount edges { node { recordId op fields { name old new } record { ... on Visit { status version } } } } } }`,
        );
        expect(since.changes).toEqual({
          totalCount: 1,
          edges: [
            {
              node: {
                recordId: 'visit:janek-nims',
                op: 'UPDATE',
                fields: [{ name: 'status', old: 'PLANNED', new: 'COMPLETED' }, { name: 'start', old: null, new: '2025-07-01' }],
                record: { status: 'COMPLETED', version: 2 },
              },
            },
          ],
        });
        expect(errorCodes(await editor().query(`{ changes(afterImport: "never-imported.yaml") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
        const visitsUpdated = await editor().data(`{ changes(afterImport: "fy2024-report.yaml", type: "Visit", op: UPDATE) { totalCount } }`);
        expect(visitsUpdated.changes.totalCount).toBe(1);
        const none = await editor().data(`{ changes(afterImport: "fy2024-report.yaml", type: "Person") { totalCount } }`);
        expect(none.changes.totalCount).toBe(0);
        expect(errorCodes(await editor().query(`{ changes(type: "Visits") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
      });

      it('history on a list of records is one store call, with the same answers as one record at a time', async () => {
        const counting = countingStore(store());
        const data = await new TestApi(counting.store, EDITOR).data(`{ people(first: 50) { edges { node { id history(first: 5) { totalCount edges { node { op } } } } } } }`);
        expect(counting.calls.get('historyOf')).toBe(1);
        expect(counting.calls.get('changes')).toBeUndefined();
        for (const { node } of data.people.edges) {
          const direct = (await editor().data(`query($r: ID!) { changes(record: $r, first: 5) { totalCount edges { node { op } } } }`, { r: node.id })).changes;
          expect({ id: node.id, history: node.history }).toEqual({ id: node.id, history: direct });
        }
        expect(data.people.edges.find((e: any) => e.node.id === 'person:smith').node.history.totalCount).toBe(2);
      });

      it('pages through the whole log with cursors', async () => {
        const seen: string[] = [];
        let after: string | null = null;
        for (;;) {
          const page: any = (await editor().data(`query($a: String) { changes(first: 7, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { a: after })).changes;
          seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        const total = (await editor().data(`{ changes(first: 1) { totalCount } }`)).changes.totalCount;
        expect(new Set(seen).size).toBe(total);
      });
    });
  },
  () => dataset(),
);

// Keep the fixture type honest: the suite relies on these records existing.
void (CONTRACT_DATASET satisfies DatasetInput);

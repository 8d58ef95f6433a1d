import type { Principal } from '../../../src/auth/keys';
import { validateDataset } from '../../../src/ingest/validate';
import { readRecords } from '../../../src/write/fromGraph';
import { WriteService } from '../../../src/write/service';
import { addMembership } from '../../../src/write/verbs';
import type { PersonRecord } from '../../../src/domain/model';
import { forEachStore } from '../../support/stores';
import { CONTRACT_DATASET } from '../store/dataset';

/**
 * Optimistic concurrency on every store: concurrent writers of one record never lose an update
 * (each is planned again from what the other committed), and of two writers that name the same
 * expectedVersion exactly one wins and the other gets CONFLICT.
 */
const actor: Principal = { keyName: 'officer', role: 'EDITOR' };

forEachStore(
  'concurrent writes',
  (store) => {
    it('four concurrent edits of one person all land: no lost update, four versions, four change entries', async () => {
      const writer = new WriteService(store());
      const [before] = await readRecords(store(), ['person:ito']);
      const institutions = ['institution:jlu', 'institution:kyoto', 'institution:nims', 'institution:nottingham'];
      await Promise.all(
        institutions.map((institution) =>
          writer.edit('Person', 'person:ito', (r) => addMembership({ institution, role: 'Visiting' })(r as PersonRecord), { actor }),
        ),
      );
      const [after] = await readRecords(store(), ['person:ito']);
      const added = (after!.record as PersonRecord).memberships.map((m) => m.institution).filter(Boolean).sort();
      expect(added).toEqual(institutions);
      expect(after!.version).toBe(before!.version + 4);
      expect((await store().changes({ first: 10, recordId: 'person:ito' })).totalCount).toBe(4);
    });

    it('two writers creating the same new id: neither is lost silently — one creates, the other updates it', async () => {
      const writer = new WriteService(store());
      const theme = (name: string) => ({ id: 'theme:raced', name, sources: ['source:report-1'] });
      await Promise.all([writer.upsert('Theme', theme('First'), { actor }), writer.upsert('Theme', theme('Second'), { actor })]);
      const log = await store().changes({ first: 10, recordId: 'theme:raced' });
      expect(log.changes.map((c) => c.op)).toEqual(['CREATE', 'UPDATE']);
      const [after] = await readRecords(store(), ['theme:raced']);
      expect(after!.version).toBe(2);
      expect((after!.record as { name: string }).name).toBe(log.changes[1].fields.find((f) => f.name === 'name')!.new);
    });

    it('two writers with the same expectedVersion: one wins, the other is a CONFLICT', async () => {
      const writer = new WriteService(store());
      const [current] = await readRecords(store(), ['person:sato']);
      const attempt = (careerStage: string) =>
        writer.upsert('Person', { ...current!.record, careerStage }, { actor, expectedVersion: current!.version }).then(
          () => 'ok',
          (error: { extensions?: { code?: string } }) => error.extensions?.code,
        );
      const outcomes = await Promise.all([attempt('LECTURER'), attempt('POSTDOC')]);
      expect([...outcomes].sort()).toEqual(['CONFLICT', 'ok']);
      const [after] = await readRecords(store(), ['person:sato']);
      expect(after!.version).toBe(current!.version + 1);
    });
  },
  () => {
    const result = validateDataset(CONTRACT_DATASET);
    if (!result.ok) throw new Error('fixture');
    return result.dataset;
  },
);

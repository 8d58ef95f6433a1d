import type { Principal } from '../../../src/auth/keys';
import type { Dataset } from '../../../src/domain/model';
import { readRecords } from '../../../src/write/fromGraph';
import { WriteService } from '../../../src/write/service';
import { forEachStore } from '../../support/stores';
import { countsOf, importFiles, tempDir, writeYaml } from '../../support/importHelpers';
import { personId, syntheticDataset } from '../../fixtures/syntheticDataset';

jest.setTimeout(240_000);

const actor: Principal = { keyName: 'officer', role: 'EDITOR' };

/**
 * An import that changes a record moves its version on by one, as a mutation does, so an editor
 * holding the version read before the import gets CONFLICT rather than overwriting the import.
 * An import that changes nothing leaves versions alone.
 */
forEachStore('imports and record versions', (store) => {
  const dir = tempDir();
  const dataset = syntheticDataset(4);
  const id = personId(1);

  beforeAll(async () => {
    await store().clear();
    expect((await importFiles(store(), [writeYaml(dir, 'first.yaml', dataset)])).ok).toBe(true);
  });

  it('a changed record moves on by one, an unchanged one stays, and a stale expectedVersion is a CONFLICT', async () => {
    const [read] = await readRecords(store(), [id]);
    const other = personId(2);
    const [otherBefore] = await readRecords(store(), [other]);

    const corrected = structuredClone(dataset) as Dataset;
    const person = corrected.people.find((p) => p.id === id)!;
    person.careerStage = person.careerStage === 'POSTDOC' ? 'LECTURER' : 'POSTDOC';
    const result = await importFiles(store(), [writeYaml(dir, 'corrected.yaml', corrected)]);
    expect(countsOf(result, 'updated')).toEqual({ people: 1 });

    const [after] = await readRecords(store(), [id]);
    expect(after!.version).toBe(read!.version + 1);
    const [otherAfter] = await readRecords(store(), [other]);
    expect(otherAfter!.version).toBe(otherBefore!.version);

    const stale = await new WriteService(store())
      .upsert('Person', { ...read!.record, name: 'Overwritten' }, { actor, expectedVersion: read!.version })
      .then(
        () => 'ok',
        (error: { extensions?: { code?: string } }) => error.extensions?.code,
      );
    expect(stale).toBe('CONFLICT');

    expect((await importFiles(store(), [writeYaml(dir, 'again.yaml', corrected)])).ok).toBe(true);
    const [again] = await readRecords(store(), [id]);
    expect(again!.version).toBe(after!.version);
  });
});

import { existsSync } from 'node:fs';
import { ChangeSpool } from '../../../../src/ingest/import/changeSpool';
import type { RecordChange } from '../../../../src/ingest/import/diff';

describe('ChangeSpool', () => {
  it('gives the changes back in order, whole, and leaves no folder behind', async () => {
    const spool = new ChangeSpool();
    const changes: RecordChange[] = Array.from({ length: 2500 }, (_, i) => ({
      id: `person:p${i}`, label: 'Person', kind: i % 2 ? 'created' : 'updated',
      fields: [{ field: 'name', old: i % 2 ? null : 'Old\nname "quoted"', new: `名前 ${i}` }, { field: 'rel:MEMBER_OF', old: [], new: [`lab:l${i}`] }],
    }));
    for (let i = 0; i < changes.length; i += 700) await spool.add(changes.slice(i, i + 700));
    expect(spool.count).toBe(2500);
    const folder = spool.folder!;
    expect(existsSync(folder)).toBe(true);
    const read: RecordChange[] = [];
    for await (const change of spool.read()) read.push(change);
    expect(read).toEqual(changes);
    spool.close();
    expect(existsSync(folder)).toBe(false);
  });

  it('an import that changes nothing touches no disk', async () => {
    const spool = new ChangeSpool();
    const read: RecordChange[] = [];
    for await (const change of spool.read()) read.push(change);
    expect(spool.folder).toBeNull();
    spool.close();
    expect(read).toEqual([]);
  });
});

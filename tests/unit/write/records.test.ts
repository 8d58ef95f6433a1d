import { REL_SCHEMA } from '../../../src/store/graph';
import { loadDatasetFile } from '../../../src/ingest/load';
import { DEFAULT_SEED_FILE } from '../../../src/ingest/seed';
import { datasetToGraph, recordToGraph } from '../../../src/ingest/toGraph';
import { MemoryStore } from '../../../src/store/memory/memoryStore';
import type { Dataset } from '../../../src/domain/model';
import { labelOfId } from '../../../src/domain/ids';
import { canonicalRecord, diffRecords } from '../../../src/write/diff';
import { readRecords } from '../../../src/write/fromGraph';
import { ownsRel, RECORD_KINDS, type AnyRecord } from '../../../src/write/records';
import { relKey } from '../../../src/store/graph';

/**
 * The write path's record model against the real seed: every relationship is owned by exactly one
 * record, a record's graph holds only owned relationships, and every record reads back from the
 * store as the data set states it.
 */
let seed: Dataset;
beforeAll(async () => {
  seed = await loadDatasetFile(DEFAULT_SEED_FILE);
});

const allRecords = (): AnyRecord[] => Object.values(RECORD_KINDS).flatMap((k) => seed[k.collection] as AnyRecord[]);

it('each record states only relationships its label owns, and together they are the whole graph', () => {
  const owners = new Map<string, string[]>();
  for (const record of allRecords()) {
    const label = labelOfId(record.id)!;
    const graph = recordToGraph(RECORD_KINDS[label].collection, record as never);
    for (const rel of graph.rels) {
      const direction = rel.from === record.id ? 'OUT' : 'IN';
      expect(rel.from === record.id || rel.to === record.id).toBe(true);
      expect([rel.type, direction, ownsRel(label, rel.type, direction)]).toEqual([rel.type, direction, true]);
      owners.set(relKey(rel), [...(owners.get(relKey(rel)) ?? []), record.id]);
    }
  }
  const whole = datasetToGraph(seed);
  expect([...owners.keys()].sort()).toEqual(whole.rels.map(relKey).sort());
  expect([...owners.values()].filter((o) => o.length > 1)).toEqual([]);
});

it('no two labels own the same end of a relationship type', () => {
  for (const type of Object.keys(REL_SCHEMA) as Array<keyof typeof REL_SCHEMA>) {
    for (const [from, to] of REL_SCHEMA[type]) {
      const outOwner = from === '*' ? true : ownsRel(from, type, 'OUT');
      const inOwner = ownsRel(to, type, 'IN');
      expect([type, from, to, outOwner !== inOwner]).toEqual([type, from, to, true]);
    }
  }
});

it('every seed record reads back from the store as the data set states it', async () => {
  const store = new MemoryStore();
  await store.write(datasetToGraph(seed));
  const records = allRecords();
  const read = await readRecords(store, records.map((r) => r.id));
  records.forEach((record, i) => {
    expect(read[i]).not.toBeNull();
    expect({ id: record.id, fields: canonicalRecord(read[i]!.record) }).toEqual({ id: record.id, fields: canonicalRecord(record) });
    expect(read[i]!.version).toBe(1);
  });
});

it('diffs name the fields that changed, lists compared as sets except author order', () => {
  const visit = seed.visits[0];
  expect(diffRecords(visit, { ...visit, hosts: [...visit.hosts].reverse() })).toEqual([]);
  expect(diffRecords(visit, { ...visit, status: 'CANCELLED' })).toEqual([{ name: 'status', old: visit.status, new: 'CANCELLED' }]);
  const paper = { id: 'paper:x', title: 'T', status: 'PUBLISHED' as const, authors: ['person:a', 'person:b'], themes: [], sources: ['source:s'] };
  expect(diffRecords(paper, { ...paper, authors: ['person:b', 'person:a'] })).toEqual([
    { name: 'authors', old: ['person:a', 'person:b'], new: ['person:b', 'person:a'] },
  ]);
  expect(diffRecords(paper, { ...paper, sources: [{ source: 'source:s' }] })).toEqual([]);
  expect(diffRecords(null, paper).map((f) => f.name)).toEqual(['id', 'title', 'status', 'authors', 'themes', 'sources']);
});

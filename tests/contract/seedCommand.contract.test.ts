import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { runSeedCommand, type SeedOptions } from '../../src/ingest/seedCommand';
import { datasetToGraph } from '../../src/ingest/toGraph';
import type { GraphStore } from '../../src/store/port';
import { syntheticDataset } from '../fixtures/syntheticDataset';
import { forEachStore } from '../support/stores';

/**
 * `kizuna seed` into a store that already holds records the data set does not have (here: a
 * six-person data set, then the four-person one): a warning with the extra records per label, an
 * error with --strict that writes nothing, and --reset as the way to keep only the data set.
 */
const dir = mkdtempSync(join(tmpdir(), 'kizuna-seed-command-'));
const file = join(dir, 'four.json');
writeFileSync(file, JSON.stringify(syntheticDataset(4)));

function sink() {
  const chunks: string[] = [];
  return { stream: new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }), text: () => chunks.join('') };
}

forEachStore('kizuna seed into a store holding other records', (store) => {
  const seed = async (opts: SeedOptions) => {
    const out = sink();
    const err = sink();
    // The suite's store, opened once; the command's close() must not end it.
    const borrowed: GraphStore = Object.assign(Object.create(store()), { close: async () => undefined });
    const code = await runSeedCommand(loadConfig({}), { file, ...opts }, { out: out.stream, err: err.stream, openStore: async () => borrowed });
    return { code, out: out.text(), err: err.text() };
  };

  beforeEach(async () => {
    await store().clear();
    await store().write(datasetToGraph(syntheticDataset(6)));
  });

  it('warns with the count of extra records per label, and seeds', async () => {
    const { code, err, out } = await seed({});
    expect(code).toBe(0);
    expect(err).toMatch(/^warning: the (memory|neo4j) store holds 4 record\(s\) that are not in .*four\.json \(Person 2, Visit 2\); every answer will include them\. Run `kizuna seed --reset`/);
    expect(out).toContain('seeded the');
    // In the model's label order on every store.
    expect(out).toMatch(/\nstore now holds: Person 6, Institution 2, Lab 2, Country 2, Theme 1, Material 1, Visit 6, Paper 1, Event 1, Transfer 1, Source 1\n/);
    expect((await store().counts()).nodes.Person).toBe(6);
  });

  it('refuses with --strict (exit 1) and writes nothing', async () => {
    const before = await store().version();
    const { code, err } = await seed({ strict: true });
    expect(code).toBe(1);
    expect(err).toMatch(/^kizuna seed: the (memory|neo4j) store holds 4 record\(s\) that are not in .*four\.json \(Person 2, Visit 2\); nothing was written \(--strict\)/);
    expect(await store().version()).toBe(before);
  });

  it('with --reset keeps only the data set, without a warning', async () => {
    const { code, err } = await seed({ reset: true, strict: true });
    expect(code).toBe(0);
    expect(err).toBe('');
    expect((await store().counts()).nodes).toMatchObject({ Person: 4, Visit: 4 });
  });

  it('says nothing about extra records when there are none', async () => {
    await seed({ reset: true });
    const { code, err } = await seed({ strict: true });
    expect(code).toBe(0);
    expect(err).toBe('');
  });
});

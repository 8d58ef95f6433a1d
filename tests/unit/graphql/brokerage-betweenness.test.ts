import { CollaborationCache } from '../../../src/analytics/cache';
import { seedStore } from '../../../src/ingest/seed';
import { MemoryStore } from '../../../src/store/memory/memoryStore';
import { syntheticDataset } from '../../fixtures/syntheticDataset';
import { TestApi } from '../../support/api';

/** brokerage runs Brandes only when betweenness is read (selected, or used for the order). */
describe('brokerage without betweenness', () => {
  it('answers the other measures alike and skips the betweenness run unless it is selected or ordered by', async () => {
    const store = new MemoryStore();
    await seedStore(store, syntheticDataset(12));
    const run = jest.spyOn(CollaborationCache.prototype, 'betweenness');
    const fields = 'person { id } coordinator itinerant liaison openTwoPaths constraint effectiveSize degree';
    const api = new TestApi(store);
    const lean = await api.data(`{ brokerage(level: INSTITUTION, earlyCareerOnly: false, first: 50) { ${fields} } }`);
    expect(run).not.toHaveBeenCalled();
    const full = await api.data(`{ brokerage(level: INSTITUTION, earlyCareerOnly: false, first: 50) { ${fields} betweenness } }`);
    expect(run).toHaveBeenCalledTimes(1);
    expect(full.brokerage.map(({ betweenness: _b, ...rest }: { betweenness: number }) => rest)).toEqual(lean.brokerage);
    expect(lean.brokerage.length).toBeGreaterThan(0);
    await api.data(`{ brokerage(level: INSTITUTION, orderBy: BETWEENNESS, first: 5) { person { id } } }`);
    expect(run).toHaveBeenCalledTimes(2);
    run.mockRestore();
  });
});

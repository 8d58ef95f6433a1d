import { circulationReport } from '../../src/circulation/service';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { fiscalYearRange } from '../../src/domain/fiscalYear';
import { circulationDataset } from '../fixtures/circulationDataset';
import { TestApi } from '../support/api';
import { countingStore } from '../support/countingStore';
import { forEachStore } from '../support/stores';

/**
 * Circulation reports are cached per store version (src/circulation/cache.ts): asking again
 * reads no facts, and a write through the write path (which bumps the version) changes the next
 * answer, which then equals a fresh, uncached report.
 */
const QUERY = '{ circulation(fiscalYear: 2024) { totals { stays personDaysAbroad } planFulfilment { items completed } } }';

forEachStore(
  'circulation cache',
  (store) => {
    it('answers a repeated report without the store’s aggregation, and a write changes the next answer', async () => {
      const counting = countingStore(store());
      const api = new TestApi(counting.store, { keyName: 'officer', role: 'EDITOR' });
      const facts = () => counting.calls.get('circulationFacts') ?? 0;

      const before = (await api.data(QUERY)).circulation;
      expect(before.totals).toEqual({ stays: 9, personDaysAbroad: 923 });
      expect(facts()).toBe(1);
      expect((await api.data(QUERY)).circulation).toEqual(before);
      expect(facts()).toBe(1);

      // v06 is a PLANNED stay in FY2024 (28 days): done, it counts.
      await api.data('mutation { updateVisitStatus(id: "visit:v06", status: COMPLETED) { id status } }');
      const after = (await api.data(QUERY)).circulation;
      expect(after.totals).toEqual({ stays: 10, personDaysAbroad: 923 + 28 });
      expect(facts()).toBe(2);

      const fresh = await circulationReport(store(), { period: fiscalYearRange(2024), fiscalYear: 2024, groupBy: 'COUNTRY', includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE });
      expect(after.totals).toEqual({ stays: fresh.totals.stays, personDaysAbroad: fresh.totals.personDaysAbroad });
      expect(after.planFulfilment).toEqual({ items: fresh.planFulfilment.items, completed: fresh.planFulfilment.completed });
    });
  },
  circulationDataset,
);

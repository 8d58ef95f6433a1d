import { circulationReport } from '../../src/circulation/service';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { fiscalYearRange } from '../../src/domain/fiscalYear';
import type { Dataset, DatasetInput } from '../../src/domain/model';
import { validateDataset } from '../../src/ingest/validate';
import { TestApi } from '../support/api';
import { forEachStore } from '../support/stores';

/**
 * Membership `since`/`until` (docs/metrics.md, "Membership in time"): a membership counts for a
 * dated tie only when the date falls in it. x moved from lab old (until June 2024) to lab new
 * (from July 2024); y joined lab old in September 2024, after x had left; z is in lab new, no bounds.
 *
 *   v1 x kyoto → jlu, host h, 2024-05-01 … 05-20   x is in lab old then
 *   v2 x kyoto → jlu, host h, 2024-10-01 … 10-10   x is in lab new then
 *   v3 y kyoto → jlu,         2024-06-01 … 06-05   y is in no lab yet: Kyoto stands in
 */
const sources = ['source:test'];
const visit = (id: string, visitor: string, hosts: string[], start: string, end: string) => ({
  id: `visit:${id}`, visitor: `person:${visitor}`, from: 'institution:kyoto', to: 'institution:jlu', hosts: hosts.map((h) => `person:${h}`),
  kind: 'STAY' as const, status: 'COMPLETED' as const, start, end, purpose: id, sources,
});
const DATASET: DatasetInput = {
  format: 'kizuna-dataset',
  version: 1,
  meta: { title: 'Membership periods' },
  sources: [{ id: 'source:test', document: 'test', section: '1', quote: '在籍', lang: 'ja' }],
  countries: [
    { id: 'country:JP', code: 'JP', name: 'Japan', sources },
    { id: 'country:DE', code: 'DE', name: 'Germany', sources },
  ],
  institutions: [
    { id: 'institution:kyoto', name: 'Kyoto University', country: 'JP', kind: 'UNIVERSITY', sources },
    { id: 'institution:jlu', name: 'JLU Giessen', country: 'DE', kind: 'UNIVERSITY', sources },
  ],
  labs: [
    { id: 'lab:old', name: 'Old lab', institution: 'institution:kyoto', sources },
    { id: 'lab:new', name: 'New lab', institution: 'institution:kyoto', sources },
  ],
  people: [
    { id: 'person:x', name: 'X', careerStage: 'POSTDOC', memberships: [{ lab: 'lab:old', until: '2024-06' }, { lab: 'lab:new', since: '2024-07' }], sources },
    { id: 'person:y', name: 'Y', careerStage: 'GRADUATE_STUDENT', memberships: [{ lab: 'lab:old', since: '2024-09' }], sources },
    { id: 'person:z', name: 'Z', careerStage: 'GRADUATE_STUDENT', memberships: [{ lab: 'lab:new' }], sources },
    { id: 'person:h', name: 'H', careerStage: 'PROFESSOR', memberships: [{ institution: 'institution:jlu' }], sources },
  ],
  visits: [visit('v1', 'x', ['h'], '2024-05-01', '2024-05-20'), visit('v2', 'x', ['h'], '2024-10-01', '2024-10-10'), visit('v3', 'y', [], '2024-06-01', '2024-06-05')],
};

function dataset(): Dataset {
  const result = validateDataset(DATASET);
  if (!result.ok) throw new Error(`membership fixture is invalid: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

forEachStore(
  'membership in time',
  (store) => {
    it('shared-lab ties: only members whose periods in the lab overlap are tied by it', async () => {
      const { graph } = await new TestApi(store()).data(`{ graph { edges { id labs visits } } }`);
      expect(graph.edges).toEqual([
        { id: 'person:h--person:x', labs: [], visits: ['visit:v1', 'visit:v2'] },
        { id: 'person:x--person:z', labs: ['lab:new'], visits: [] }, // x and y never overlap in lab old
      ]);
    });

    it('circulation by LAB: the visitor’s lab is the one whose membership holds on the visit’s start', async () => {
      const r = await circulationReport(store(), { period: fiscalYearRange(2024), fiscalYear: 2024, groupBy: 'LAB', includePlanned: false, earlyCareer: DEFAULT_EARLY_CAREER_RULE });
      expect(r.pairs.map((p) => [p.from.id, p.from.resolvedLevel, p.to.id, p.stays])).toEqual([
        ['institution:kyoto', 'INSTITUTION', 'institution:jlu', 1], // v3: y not yet in lab old
        ['lab:new', 'LAB', 'institution:jlu', 1], // v2
        ['lab:old', 'LAB', 'institution:jlu', 1], // v1
      ]);
    });

    it('group membership itself is not limited: x, who moved, belongs to both labs', async () => {
      const { bridges } = await new TestApi(store()).data(`{ bridges(people: ["person:x"]) { sides { group { id } member } } }`);
      expect(bridges[0].sides.filter((s: { member: boolean }) => s.member).map((s: { group: { id: string } }) => s.group.id)).toEqual(['lab:new', 'lab:old']);
    });
  },
  dataset,
);

import { loadInterests, type InterestTable } from '../../src/analytics/pairings/interests';
import type { Dataset, DatasetInput } from '../../src/domain/model';
import { validateDataset } from '../../src/ingest/validate';
import { forEachStore } from '../support/stores';

/**
 * Themes and materials of each person, read through the port (src/analytics/pairings/interests.ts),
 * on a small data set where every path is present once:
 *
 *   p1 GRADUATE_STUDENT   WORKS_ON t1; made v1 (2024-05-10, ABOUT t1 and m1, host p4); received tr1 (m2, 2025-01)
 *   p2 PROFESSOR          WORKS_ON t1; made v2 (CANCELLED, ABOUT m2) and v3 (PLANNED 2025-06, ABOUT m3)
 *   p3 POSTDOC            LEADS t2; wrote pa1 (PUBLISHED 2023, ABOUT t1) with p4
 *   p4 PROFESSOR          hosted v1; wrote pa1
 *   m1 is ABOUT t2, so whoever has m1 through a record also has t2 through it (evidence: m1).
 */
const sources = ['source:test'];

const DATASET: DatasetInput = {
  format: 'kizuna-dataset',
  version: 1,
  meta: { title: 'Interests fixture' },
  sources: [{ id: 'source:test', document: 'test', section: '1', quote: 'test', lang: 'en' }],
  countries: [
    { id: 'country:JP', code: 'JP', name: 'Japan', sources },
    { id: 'country:DE', code: 'DE', name: 'Germany', sources },
  ],
  institutions: [
    { id: 'institution:a', name: 'A University', country: 'JP', kind: 'UNIVERSITY', sources },
    { id: 'institution:b', name: 'B Institute', country: 'DE', kind: 'INSTITUTE', sources },
  ],
  people: [
    { id: 'person:p1', name: 'P One', careerStage: 'GRADUATE_STUDENT', memberships: [{ institution: 'institution:a' }], sources },
    { id: 'person:p2', name: 'P Two', careerStage: 'PROFESSOR', memberships: [{ institution: 'institution:a' }], sources },
    { id: 'person:p3', name: 'P Three', careerStage: 'POSTDOC', memberships: [{ institution: 'institution:b' }], sources },
    { id: 'person:p4', name: 'P Four', careerStage: 'PROFESSOR', memberships: [{ institution: 'institution:b' }], sources },
  ],
  themes: [
    { id: 'theme:t1', name: 'Theme one', members: ['person:p1', 'person:p2'], sources },
    { id: 'theme:t2', name: 'Theme two', leads: ['person:p3'], sources },
  ],
  materials: [
    { id: 'material:m1', name: 'Material one', kind: 'MATERIAL', themes: ['theme:t2'], sources },
    { id: 'material:m2', name: 'Material two', kind: 'DEVICE', sources },
    { id: 'material:m3', name: 'Material three', kind: 'TECHNIQUE', sources },
  ],
  visits: [
    { id: 'visit:v1', visitor: 'person:p1', from: 'institution:a', to: 'institution:b', hosts: ['person:p4'], kind: 'STAY', status: 'COMPLETED', start: '2024-05-10', end: '2024-06-10', purpose: 'v1', themes: ['theme:t1'], materials: ['material:m1'], sources },
    { id: 'visit:v2', visitor: 'person:p2', from: 'institution:a', to: 'institution:b', hosts: [], kind: 'SHORT_VISIT', status: 'CANCELLED', start: '2024-07-01', purpose: 'v2', materials: ['material:m2'], sources },
    { id: 'visit:v3', visitor: 'person:p2', from: 'institution:a', to: 'institution:b', hosts: [], kind: 'SHORT_VISIT', status: 'PLANNED', start: '2025-06', purpose: 'v3', materials: ['material:m3'], sources },
  ],
  papers: [{ id: 'paper:pa1', title: 'Paper one', status: 'PUBLISHED', year: 2023, authors: ['person:p3', 'person:p4'], themes: ['theme:t1'], sources }],
  transfers: [{ id: 'transfer:tr1', material: 'material:m2', from: 'institution:b', to: ['institution:a'], recipients: ['person:p1'], date: '2025-01', status: 'COMPLETED', sources }],
};

function dataset(): Dataset {
  const result = validateDataset(DATASET);
  if (!result.ok) throw new Error(`interests fixture is invalid: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

const PEOPLE = ['person:p1', 'person:p2', 'person:p3', 'person:p4'];

/** person → "themes: id<-evidence,…; materials: …" for compact comparison. */
function describe_(table: InterestTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of PEOPLE) {
    const entry = table.get(p);
    const list = (m: Map<string, string[]> | undefined) => [...(m ?? new Map()).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, ev]) => `${id}<-${ev.join('+')}`).join(',');
    out[p] = `themes: ${list(entry?.themes)}; materials: ${list(entry?.materials)}`;
  }
  return out;
}

forEachStore(
  'themes and materials of people (pairings)',
  (store) => {
    it('every path once; cancelled never; planned only with includePlanned', async () => {
      expect(describe_(await loadInterests(store(), PEOPLE, false))).toEqual({
        'person:p1': 'themes: theme:t1<-theme:t1+visit:v1,theme:t2<-material:m1; materials: material:m1<-visit:v1,material:m2<-transfer:tr1',
        'person:p2': 'themes: theme:t1<-theme:t1; materials: ',
        'person:p3': 'themes: theme:t1<-paper:pa1,theme:t2<-theme:t2; materials: ',
        'person:p4': 'themes: theme:t1<-paper:pa1+visit:v1,theme:t2<-material:m1; materials: material:m1<-visit:v1',
      });
      const planned = describe_(await loadInterests(store(), PEOPLE, true));
      expect(planned['person:p2']).toBe('themes: theme:t1<-theme:t1; materials: material:m3<-visit:v3');
    });

    it('as of a day: records that had started by then (a paper on 1 April of its year, a transfer by its date)', async () => {
      const endOf2024 = describe_(await loadInterests(store(), PEOPLE, false, '2024-12-31'));
      // tr1 (2025-01) had not happened yet; v1 (2024-05-10) and pa1 (2023 → 1 April 2023) had.
      expect(endOf2024['person:p1']).toBe('themes: theme:t1<-theme:t1+visit:v1,theme:t2<-material:m1; materials: material:m1<-visit:v1');
      const early2024 = describe_(await loadInterests(store(), PEOPLE, false, '2024-01-01'));
      expect(early2024['person:p1']).toBe('themes: theme:t1<-theme:t1; materials: ');
      expect(early2024['person:p4']).toBe('themes: theme:t1<-paper:pa1; materials: ');
      const before2023 = describe_(await loadInterests(store(), PEOPLE, false, '2023-03-31'));
      expect(before2023['person:p3']).toBe('themes: theme:t2<-theme:t2; materials: ');
    });
  },
  dataset,
);

import type { DatasetInput } from '../../../src/domain/model';
import { validateDataset } from '../../../src/ingest/validate';

/**
 * What a schema cannot say: ids are unique across the whole data set and every reference resolves.
 * Each problem carries the path of the offending value so that an editor finds it in one pass.
 */
function dataset(overrides: Partial<DatasetInput> = {}): DatasetInput {
  return {
    format: 'kizuna-dataset',
    version: 1,
    meta: { title: 'inline test data set' },
    sources: [{ id: 'source:s1', document: 'test', section: '1', quote: 'A visited B.', lang: 'en' }],
    countries: [{ id: 'country:JP', code: 'JP', name: 'Japan', sources: ['source:s1'] }],
    institutions: [
      { id: 'institution:a', name: 'A University', country: 'JP', kind: 'UNIVERSITY', sources: ['source:s1'] },
      { id: 'institution:b', name: 'B University', country: 'JP', kind: 'UNIVERSITY', sources: ['source:s1'] },
    ],
    people: [
      { id: 'person:a', name: 'A', careerStage: 'PROFESSOR', sources: ['source:s1'] },
      { id: 'person:b', name: 'B', careerStage: 'UNKNOWN', sources: [{ source: 'source:s1', field: 'careerStage', note: 'not stated' }] },
    ],
    visits: [
      {
        id: 'visit:a-to-b',
        visitor: 'person:a',
        from: 'institution:a',
        to: 'institution:b',
        hosts: ['person:b'],
        kind: 'SHORT_VISIT',
        status: 'COMPLETED',
        start: '2024-09',
        purpose: 'discussion',
        sources: ['source:s1'],
      },
    ],
    ...overrides,
  };
}

describe('validateDataset', () => {
  it('accepts a small consistent data set', () => {
    const result = validateDataset(dataset());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('reports a dangling reference with its path', () => {
    const base = dataset();
    const result = validateDataset({ ...base, visits: [{ ...base.visits![0], visitor: 'person:ghost' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: 'visits[0].visitor', at: ['visits', 0, 'visitor'], record: 'visit:a-to-b', message: expect.stringContaining('"person:ghost"') }]);
  });

  it('reports dangling references inside lists and citations with their indices', () => {
    const base = dataset();
    const result = validateDataset({
      ...base,
      visits: [{ ...base.visits![0], hosts: ['person:b', 'person:nobody'] }],
      people: [base.people![0], { ...base.people![1], sources: ['source:s1', { source: 'source:missing', field: 'name' }] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual(['people[1].sources[1]', 'visits[0].hosts[1]']);
    expect(result.problems.find((p) => p.path === 'people[1].sources[1]')?.message).toContain('"source:missing"');
  });

  it('reports an institution whose country the data set does not define', () => {
    const base = dataset();
    const result = validateDataset({ ...base, institutions: [...base.institutions!, { id: 'institution:c', name: 'C', country: 'DE', kind: 'INSTITUTE', sources: ['source:s1'] }] });
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'institutions[2].country', at: ['institutions', 2, 'country'], record: 'institution:c', message: expect.stringContaining('"country:DE"') },
    ]);
  });

  it('reports a duplicate id with the path of the repeat and of the first occurrence', () => {
    const base = dataset();
    const result = validateDataset({ ...base, people: [...base.people!, { id: 'person:a', name: 'Another A', careerStage: 'POSTDOC', sources: ['source:s1'] }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: 'people[2].id', at: ['people', 2, 'id'], record: 'person:a', message: 'duplicate id "person:a" (first at people[0].id)' }]);
  });

  it('reports schema problems (id labels, partial dates, durations) with their paths, once each', () => {
    const base = dataset();
    const result = validateDataset({
      ...base,
      visits: [{ ...base.visits![0], visitor: 'institution:a', start: '2024-13', duration: '3 months' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual(['visits[0].duration', 'visits[0].start', 'visits[0].visitor']);
  });

  it('accepts a placeholder institution and transfer recipients, and resolves the recipients', () => {
    const base = dataset();
    const withPlaceholder: DatasetInput = {
      ...base,
      institutions: [
        ...base.institutions!,
        { id: 'institution:unnamed-jp', name: 'Unnamed institution in Japan', country: 'JP', kind: 'UNKNOWN', placeholder: true, sources: ['source:s1'] },
      ],
      people: [...base.people!, { id: 'person:group', placeholder: true, cohort: 'the B group', careerStage: 'UNKNOWN', sources: ['source:s1'] }],
      materials: [{ id: 'material:m', name: 'M', kind: 'MATERIAL', sources: ['source:s1'] }],
      transfers: [
        {
          id: 'transfer:m-a-to-group',
          material: 'material:m',
          from: 'institution:a',
          to: ['institution:unnamed-jp'],
          recipients: ['person:group'],
          status: 'COMPLETED',
          sources: ['source:s1', { source: 'source:s1', field: 'to', reading: 'institution:b', canonical: false, note: 'probable' }],
        },
      ],
    };
    const ok = validateDataset(withPlaceholder);
    expect(ok.ok ? [] : ok.problems).toEqual([]);
    if (ok.ok) {
      expect(ok.dataset.institutions.map((i) => i.placeholder)).toEqual([false, false, true]);
      expect(ok.dataset.transfers[0].recipients).toEqual(['person:group']);
    }
    const dangling = validateDataset({ ...withPlaceholder, transfers: [{ ...withPlaceholder.transfers![0], recipients: ['person:group', 'person:nobody'] }] });
    expect(dangling.ok ? [] : dangling.problems).toEqual([
      { path: 'transfers[0].recipients[1]', at: ['transfers', 0, 'recipients', 1], record: 'transfer:m-a-to-group', message: expect.stringContaining('"person:nobody"') },
    ]);
  });

  it('requires every record to cite a source', () => {
    const base = dataset();
    const result = validateDataset({ ...base, people: [{ ...base.people![0], sources: [] }, base.people![1]] });
    expect(result.ok ? [] : result.problems).toEqual([{ path: 'people[0].sources', at: ['people', 0, 'sources'], record: 'person:a', message: 'every record needs at least one source' }]);
  });

  it('reports every kind of problem in one pass: a wrong type, a dangling reference and a duplicate id give three', () => {
    const base = dataset();
    const result = validateDataset({
      ...base,
      people: [{ ...base.people![0], careerStage: 'WIZARD' }, base.people![1], { id: 'person:b', name: 'B again', careerStage: 'POSTDOC', sources: ['source:s1'] }],
      visits: [{ ...base.visits![0], visitor: 'person:ghost' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ path, record }) => ({ path, record }))).toEqual([
      { path: 'people[0].careerStage', record: 'person:a' },
      { path: 'people[2].id', record: 'person:b' },
      { path: 'visits[0].visitor', record: 'visit:a-to-b' },
    ]);
  });

  it('checks references on a document whose shape is partly wrong, without failing on it', () => {
    const result = validateDataset({ ...dataset(), people: 'not a list', visits: [null, { id: 42, visitor: 'person:nobody', hosts: 'person:b' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toContain('people');
    expect(paths).toContain('visits[1].visitor');
    expect(result.problems.find((p) => p.path === 'visits[1].visitor')?.record).toBeUndefined();
  });
});

import { decodeCounts, decodeNeighbourRow, decodeNode, groupByKeys, orderByKeys, RowShapeError, sortedIds } from '../../../../src/store/neo4j/rows';
import { NODE_SECTIONS, PROJECTION_CODES, PROJECTION_RELS } from '../../../../src/store/neo4j/cypher/projection';
import { decodeProjectionRows } from '../../../../src/store/neo4j/projectionRows';

describe('orderByKeys', () => {
  const rows = [
    { id: 'c', v: 3 },
    { id: 'a', v: 1 },
  ];

  it('puts rows back in key order with null for missing keys', () => {
    expect(orderByKeys(['a', 'b', 'c'], rows, (r) => r.id)).toEqual([{ id: 'a', v: 1 }, null, { id: 'c', v: 3 }]);
  });

  it('repeats a row for a repeated key and answers an empty key list', () => {
    expect(orderByKeys(['c', 'c'], rows, (r) => r.id).map((r) => r?.v)).toEqual([3, 3]);
    expect(orderByKeys([], rows, (r) => r.id)).toEqual([]);
  });

  it('ignores rows no key asked for', () => {
    expect(orderByKeys(['z'], rows, (r) => r.id)).toEqual([null]);
  });
});

describe('groupByKeys', () => {
  it('groups rows per key in key order, keeping row order, empty where none', () => {
    const rows = [
      { k: 'b', n: 1 },
      { k: 'a', n: 2 },
      { k: 'b', n: 3 },
    ];
    expect(groupByKeys(['a', 'x', 'b'], rows, (r) => r.k).map((g) => g.map((r) => r.n))).toEqual([[2], [], [1, 3]]);
  });

  it('gives each repeated key its own list', () => {
    const groups = groupByKeys(['a', 'a'], [{ k: 'a' }], (r) => r.k);
    expect(groups).toEqual([[{ k: 'a' }], [{ k: 'a' }]]);
    expect(groups[0]).not.toBe(groups[1]);
  });
});

describe('decodeNode', () => {
  it('takes the whitelisted label and moves id out of the props', () => {
    expect(decodeNode({ id: 'lab:x', labels: ['Lab'], props: { id: 'lab:x', name: 'X', tags: [] } })).toEqual({ id: 'lab:x', label: 'Lab', props: { name: 'X', tags: [] } });
  });

  it('ignores labels outside the whitelist', () => {
    expect(decodeNode({ id: 'lab:x', labels: ['Legacy', 'Lab'], props: {} }).label).toBe('Lab');
  });

  it('fails loudly on an unexpected shape', () => {
    expect(() => decodeNode({ id: 'x', labels: ['Robot'], props: {} })).toThrow(RowShapeError);
    expect(() => decodeNode({ id: 1, labels: ['Lab'], props: {} })).toThrow(RowShapeError);
    expect(() => decodeNode(null)).toThrow(RowShapeError);
  });
});

describe('decodeNeighbourRow', () => {
  it('strips the internal relationship key', () => {
    const row = { key: 'person:p', rel: { key: 'person:p|MEMBER_OF|lab:l|', role: 'PI' }, node: { id: 'lab:l', labels: ['Lab'], props: { id: 'lab:l' } } };
    expect(decodeNeighbourRow(row)).toEqual({ key: 'person:p', neighbour: { rel: { role: 'PI' }, node: { id: 'lab:l', label: 'Lab', props: {} } } });
  });
});

describe('decodeCounts', () => {
  it('keeps non-zero counts of known labels and types', () => {
    expect(decodeCounts({ nodes: { Person: 3, Lab: 0, KizunaMeta: 1 }, rels: { MADE: 2, HEADS: 0 } })).toEqual({ nodes: { Person: 3 }, rels: { MADE: 2 } });
  });
});

describe('sortedIds', () => {
  it('de-duplicates and sorts by code unit (uppercase before lowercase, like the memory store)', () => {
    expect(sortedIds(['lab:b', 'lab:a', 'lab:B', 'lab:a'], 'ids')).toEqual(['lab:B', 'lab:a', 'lab:b']);
  });
});

describe('decodeProjectionRows', () => {
  /**
   * Rows as cypher/projection.ts returns them: `(section, part)`, sections numbered people, labs,
   * institutions, visits, papers, then the relationship types of PROJECTION_RELS; batches may split
   * a section anywhere.
   */
  const section = (key: string) => NODE_SECTIONS.length + PROJECTION_RELS.findIndex((r) => r.key === key);
  const rels = (key: string, pairs: Array<[number, number, ...unknown[]]>) => ({ section: section(key), part: pairs[0].map((_x, c) => pairs.map((p) => p[c])) });
  const rows = () => [
    // internal ids: people 1–3, labs 10–11, institution 20, visit 40, paper 50, a transfer 60
    // Closed vocabularies come as codes into PROJECTION_CODES, or as the value itself when not listed.
    { section: 0, part: [[2, 'person:b', 'B', PROJECTION_CODES.indexOf('POSTDOC'), false]] },
    { section: 0, part: [[1, 'person:a', 'A', 'UNKNOWN', true], [3, 'person:c', 'C', 'PROFESSOR', false]] },
    { section: 1, part: [[11, 'lab:y', 'Y'], [10, 'lab:x', 'X']] },
    { section: 2, part: [[20, 'institution:i', 'I', 'JP', false]] },
    { section: 3, part: [[40, 'visit:v', PROJECTION_CODES.indexOf('PLANNED'), 'NONE', null, '2024-04-30', '2024-05-01', null]] },
    { section: 4, part: [[50, 'paper:p', PROJECTION_CODES.indexOf('PUBLISHED'), 2024]] },
    rels('memberOf', [[2, 10, '', ''], [2, 11, '2024-04-01', '']]),
    rels('memberOf', [[2, 11, '2024-04-01', ''], [3, 10, '', '']]),
    rels('heads', [[3, 11], [1, 11]]),
    rels('partOf', [[10, 20], [11, 20]]),
    rels('affiliatedWith', [[1, 20, '2023-04-01', '']]),
    rels('made', [[2, 40], [1, 40]]),
    rels('hostedBy', [[40, 2], [40, 1], [40, 1]]),
    rels('from', [[40, 20]]),
    // A transfer's TO (internal id 60 is no visit) is not a visit's destination.
    rels('to', [[60, 20], [40, 20]]),
    rels('authored', [[1, 50, 1], [2, 50, 0], [3, 50, -1]]),
  ];

  it('sorts every list by id, joins relationships by internal id, and picks the smallest id for single-valued facts', () => {
    const projection = decodeProjectionRows(rows());
    expect(projection.people.map((p) => [p.id, p.placeholder, p.labs, p.institutions])).toEqual([
      ['person:a', true, ['lab:y'], ['institution:i']],
      ['person:b', false, ['lab:x', 'lab:y'], ['institution:i']],
      ['person:c', false, ['lab:x', 'lab:y'], ['institution:i']],
    ]);
    expect(projection.people.map((p) => p.careerStage)).toEqual(['UNKNOWN', 'POSTDOC', 'PROFESSOR']);
    expect(projection.papers[0].status).toBe('PUBLISHED');
    expect(projection.people[1].labPeriods).toEqual([
      { lab: 'lab:y', sinceEarliest: '2024-04-01', untilLatest: null },
      { lab: 'lab:y', sinceEarliest: '2024-04-01', untilLatest: null },
    ]);
    expect(projection.people[0].labPeriods).toEqual([]);
    // Every direct affiliation, with its period ('' from the statement means unstated).
    expect(projection.people[0].affiliations).toEqual([{ institution: 'institution:i', sinceEarliest: '2023-04-01', untilLatest: null }]);
    expect(projection.people[1].affiliations).toEqual([]);
    expect(projection.labs).toEqual([
      { id: 'lab:x', label: 'X', institution: 'institution:i', head: null },
      { id: 'lab:y', label: 'Y', institution: 'institution:i', head: 'person:a' },
    ]);
    expect(projection.visits).toEqual([
      {
        id: 'visit:v',
        visitor: 'person:a',
        hosts: ['person:a', 'person:b'],
        fromInstitution: 'institution:i',
        toInstitution: 'institution:i',
        toLab: null,
        status: 'PLANNED',
        scheduleChange: 'NONE',
        start: null,
        startLatest: '2024-04-30',
        end: '2024-05-01',
        fiscalYear: null,
      },
    ]);
    // By AUTHORED.position; a missing position (-1) goes last.
    expect(projection.papers[0].authors).toEqual(['person:b', 'person:a', 'person:c']);
  });

  it('fails loudly on rows of another shape', () => {
    expect(() => decodeProjectionRows([...rows(), { section: 0, part: [{ id: 'person:a' }] }])).toThrow(/people\[\]: expected a list/);
    expect(() => decodeProjectionRows([...rows(), { section: section('heads'), part: [[11], []] }])).toThrow(/heads: a batch of ragged columns/);
    expect(() => decodeProjectionRows([{ section: 99, part: [] }])).toThrow(/unknown section 99/);
    expect(() => decodeProjectionRows([{ section: 4, part: [[50, 'paper:p', PROJECTION_CODES.length, 2024]] }])).toThrow(/paper.status: unknown code/);
  });
});

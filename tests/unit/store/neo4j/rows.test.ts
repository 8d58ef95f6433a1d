import { decodeCounts, decodeNeighbourRow, decodeNode, groupByKeys, orderByKeys, RowShapeError, sortedIds } from '../../../../src/store/neo4j/rows';
import { decodeProjection } from '../../../../src/store/neo4j/projectionRows';

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

describe('decodeProjection', () => {
  it('sorts every list by id and picks the smallest id for single-valued facts', () => {
    const projection = decodeProjection({
      people: [
        { id: 'person:b', label: 'B', careerStage: 'POSTDOC', placeholder: null, labs: ['lab:y', 'lab:x', 'lab:x'], institutions: [] },
        { id: 'person:a', label: 'A', careerStage: 'UNKNOWN', placeholder: true, labs: [], institutions: ['institution:i'] },
      ],
      labs: [{ id: 'lab:x', label: 'X', institutions: ['institution:i'], heads: [] }],
      institutions: [{ id: 'institution:i', label: 'I', country: 'JP' }],
      visits: [
        {
          id: 'visit:v',
          visitors: ['person:b'],
          hosts: ['person:b', 'person:a'],
          fromInstitutions: ['institution:i'],
          toInstitutions: ['institution:i'],
          toLabs: [],
          status: 'PLANNED',
          scheduleChange: 'NONE',
          start: null,
          end: null,
          fiscalYear: null,
        },
      ],
      papers: [{ id: 'paper:p', status: 'PUBLISHED', year: 2024, authors: ['person:b', 'person:a'] }],
    });
    expect(projection.people.map((p) => [p.id, p.placeholder, p.labs])).toEqual([
      ['person:a', true, []],
      ['person:b', false, ['lab:x', 'lab:y']],
    ]);
    expect(projection.labs).toEqual([{ id: 'lab:x', label: 'X', institution: 'institution:i', head: null }]);
    expect(projection.visits[0]).toMatchObject({ visitor: 'person:b', hosts: ['person:a', 'person:b'], toLab: null, fiscalYear: null });
    expect(projection.papers[0].authors).toEqual(['person:b', 'person:a']);
  });
});

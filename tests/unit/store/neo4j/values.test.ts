import { Date as Neo4jDate, Duration, int, isInt } from 'neo4j-driver';
import { plain, storedProps } from '../../../../src/store/neo4j/values';

describe('plain (reading)', () => {
  it('converts Integers and temporal values, deeply', () => {
    expect(plain({ n: int(42), list: [int(1), 'a'], nested: { d: new Neo4jDate(2024, 4, 1) } })).toEqual({ n: 42, list: [1, 'a'], nested: { d: '2024-04-01' } });
    expect(plain(new Duration(0, 3, 0, 0))).toMatch(/^P3D/);
  });

  it('leaves plain values alone and turns undefined into null', () => {
    expect(plain({ s: 'x', b: false, f: 1.5, e: [] })).toEqual({ s: 'x', b: false, f: 1.5, e: [] });
    expect(plain(undefined)).toBeNull();
  });
});

describe('storedProps (writing)', () => {
  it('drops nulls and sends whole numbers (and lists of them) as Integers', () => {
    const stored = storedProps({ a: null, year: 2024, share: 0.25, counts: [1, 2], mixed: [1, 2.5], names: ['x'], empty: [], flag: true });
    expect(Object.keys(stored)).toEqual(['year', 'share', 'counts', 'mixed', 'names', 'empty', 'flag']);
    expect(isInt(stored.year)).toBe(true);
    expect(stored.share).toBe(0.25);
    expect((stored.counts as unknown[]).every(isInt)).toBe(true);
    expect(stored.mixed).toEqual([1, 2.5]);
    expect(stored.empty).toEqual([]);
  });
});

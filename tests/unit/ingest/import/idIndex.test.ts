import { IdIndex } from '../../../../src/ingest/import/idIndex';

describe('IdIndex', () => {
  it('answers as a Set does, through many rehashes, with each id’s first place', () => {
    const index = new IdIndex();
    const reference = new Map<string, { file: number; line: number }>();
    // Ids of varied lengths, some non-ASCII, many repeated.
    for (let i = 0; i < 30_000; i++) {
      const n = (i * 7919) % 12_000;
      const id = n % 97 === 0 ? `person:名前-${n}` : `visit:v${n}${'x'.repeat(n % 40)}`;
      const added = index.add(id, i % 3, i + 1);
      expect(added).toBe(!reference.has(id));
      if (added) reference.set(id, { file: i % 3, line: i + 1 });
    }
    expect(index.size).toBe(reference.size);
    for (const [id, place] of reference) {
      expect(index.has(id)).toBe(true);
      expect(index.placeOf(id)).toEqual(place);
    }
    for (const absent of ['visit:v', 'visit:v1x', 'person:名前-1', '', 'visit:v12000']) expect(index.has(absent)).toBe(reference.has(absent));
  });

  it('tells ids apart that share a prefix or differ only in length', () => {
    const index = new IdIndex();
    index.add('lab:a');
    expect(index.has('lab:ab')).toBe(false);
    expect(index.has('lab:')).toBe(false);
    index.add('lab:ab');
    expect(index.placeOf('lab:ab')).toEqual({ file: 0, line: 0 });
    expect(index.size).toBe(2);
  });
});

import { heapCapChosen } from '../../../../src/ingest/import/heapCap';

describe('heapCapChosen', () => {
  it('sees a cap given as a node flag or in NODE_OPTIONS, and nothing else', () => {
    expect(heapCapChosen(['--max-old-space-size=128'], undefined)).toBe(true);
    expect(heapCapChosen([], '--enable-source-maps --max-old-space-size=256')).toBe(true);
    expect(heapCapChosen(['--cpu-prof'], '--enable-source-maps')).toBe(false);
    expect(heapCapChosen([], undefined)).toBe(false);
  });
});

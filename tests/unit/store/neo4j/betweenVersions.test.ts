import { readBetweenVersions } from '../../../../src/store/neo4j/betweenVersions';

/** A version that moves by the given steps on each reading (0: no write in between). */
function versions(steps: number[]) {
  let v = 7;
  let k = 0;
  return async () => (v += steps[k++] ?? 0);
}

describe('readBetweenVersions', () => {
  it('reads once when no write comes between the two version readings', async () => {
    let reads = 0;
    expect(await readBetweenVersions(versions([0, 0]), async () => ++reads, 3)).toBe(1);
    expect(reads).toBe(1);
  });

  it('reads again while a write moves the version meanwhile, and keeps the first quiet reading', async () => {
    let reads = 0;
    // before 7 / after 8: moved; before 8 / after 8: quiet.
    expect(await readBetweenVersions(versions([0, 1, 0, 0]), async () => ++reads, 3)).toBe(2);
    expect(reads).toBe(2);
  });

  it('keeps the last reading after `attempts` when writes never pause', async () => {
    let reads = 0;
    expect(await readBetweenVersions(versions([0, 1, 1, 1, 1, 1, 1]), async () => ++reads, 3)).toBe(3);
    expect(reads).toBe(3);
  });
});

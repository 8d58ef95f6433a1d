import { relsReadyWith } from '../../../../src/ingest/import/relsReady';
import type { RecordGraph } from '../../../../src/store/importSession';

/** Records p1…p9 on lines 1–9 of file 0 and q1…q3 on lines 1–3 of file 1; `x` is not in the import (stored). */
const places = new Map<string, { file: number; line: number }>([
  ...Array.from({ length: 9 }, (_, i) => [`person:p${i + 1}`, { file: 0, line: i + 1 }] as const),
  ...Array.from({ length: 3 }, (_, i) => [`person:q${i + 1}`, { file: 1, line: i + 1 }] as const),
]);
const manifest = { ids: { placeOf: (id: string) => places.get(id) ?? null } } as never;

/** A record whose one relationship points at `to`. */
function rec(id: string, to: string): RecordGraph {
  return { id: `person:${id}`, label: 'Person', graph: { nodes: [], rels: [{ type: 'WORKS_ON', from: `person:${id}`, to: to === 'x' ? 'theme:x' : `person:${to}`, props: {} }] } } as RecordGraph;
}

function ready(depth: number, batches: RecordGraph[][]): Record<string, boolean> {
  const mark = relsReadyWith(manifest, depth);
  return Object.fromEntries(batches.flatMap((b) => mark(b)).map((r) => [r.id.slice('person:'.length), r.relsWithNode === true]));
}

const batches = () => [
  [rec('p1', 'x'), rec('p2', 'p1'), rec('p3', 'p3')],
  [rec('p4', 'p1'), rec('p5', 'p4'), rec('p6', 'p7')],
  [rec('p7', 'p1'), rec('p8', 'p4'), rec('p9', 'p8')],
  [rec('q1', 'p9'), rec('q2', 'p5'), rec('q3', 'q1')],
];

describe('relsReadyWith', () => {
  it('one batch at a time: endpoints stored, in an earlier batch or earlier in this one are ready; later ones wait', () => {
    expect(ready(1, batches())).toEqual({ p1: true, p2: true, p3: true, p4: true, p5: true, p6: false, p7: true, p8: true, p9: true, q1: true, q2: true, q3: true });
  });

  it('two in flight: the batch just before may not have committed, so what it writes is not ready', () => {
    expect(ready(2, batches())).toEqual({
      p1: true, p2: true, p3: true,
      p4: false, p5: true, p6: false, // p1 is in batch 1, still in flight when batch 2 starts
      p7: true, p8: false, p9: true, // batch 1 has finished before batch 3 starts; batch 2 has not
      q1: false, q2: true, q3: true, // across files alike: p9 was written by the batch just before
    });
  });

  it('three in flight: only batches three places back count as written', () => {
    expect(ready(3, batches())).toMatchObject({ p7: false, p8: false, q1: false, q2: false, q3: true });
  });
});

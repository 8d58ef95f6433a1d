interface Ordered {
  /** newOf[old index] = new index. */
  newOf: Int32Array;
  offsets: Int32Array;
  targets: Int32Array;
}

/**
 * Reverse Cuthill–McKee (Cuthill & McKee 1969; George 1971): per component, BFS from a node of
 * minimum degree, visiting neighbours by increasing degree, then reversed. Ties broken by index,
 * so the numbering is a deterministic function of the graph.
 */
export function reverseCuthillMcKee(n: number, offsets: Int32Array, targets: Int32Array): Ordered {
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) degree[i] = offsets[i + 1] - offsets[i];
  const byDegree = Array.from({ length: n }, (_, i) => i).sort((a, b) => degree[a] - degree[b] || a - b);
  const order = new Int32Array(n);
  const seen = new Uint8Array(n);
  let tail = 0;
  const scratch: number[] = [];
  for (const start of byDegree) {
    if (seen[start]) continue;
    seen[start] = 1;
    let head = tail;
    order[tail++] = start;
    while (head < tail) {
      const v = order[head++];
      scratch.length = 0;
      for (let j = offsets[v]; j < offsets[v + 1]; j++) if (!seen[targets[j]]) scratch.push(targets[j]);
      scratch.sort((a, b) => degree[a] - degree[b] || a - b);
      for (const w of scratch) {
        seen[w] = 1;
        order[tail++] = w;
      }
    }
  }
  order.reverse();
  const newOf = new Int32Array(n);
  for (let i = 0; i < n; i++) newOf[order[i]] = i;
  const newOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) newOffsets[i + 1] = newOffsets[i] + degree[order[i]];
  const newTargets = new Int32Array(targets.length);
  for (let i = 0; i < n; i++) {
    const v = order[i];
    const row = newTargets.subarray(newOffsets[i], newOffsets[i + 1]);
    for (let j = offsets[v], r = 0; j < offsets[v + 1]; j++, r++) row[r] = newOf[targets[j]];
    row.sort();
  }
  return { newOf, offsets: newOffsets, targets: newTargets };
}

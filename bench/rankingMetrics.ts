/**
 * The two evaluation measures of bench/pairings.ts, as pure functions (unit-tested against their
 * definitions by brute force in tests/unit/analytics/pairingsBench.test.ts).
 */

/** Mann–Whitney AUC: P(score of a random positive > score of a random negative), ties counted one half. NaN without both. */
export function auc(scores: Float64Array, positive: Uint8Array): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let pos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    // Tied scores share the mean of their ranks (1-based).
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (positive[order[k]]) {
        rankSum += rank;
        pos++;
      }
    }
    i = j + 1;
  }
  const neg = order.length - pos;
  return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : NaN;
}

/** Share of positives among the first k by score (higher first), equal scores ordered by `tieBreak` (lower first). */
export function precisionAt<T>(rows: readonly T[], k: number, score: (r: T) => number, tieBreak: (r: T) => number, positive: (r: T) => boolean): number {
  const top = [...rows].sort((a, b) => score(b) - score(a) || tieBreak(a) - tieBreak(b)).slice(0, k);
  return top.filter(positive).length / k;
}

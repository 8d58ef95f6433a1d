import { buildCollaborationNetwork, tieKey } from '../../../src/analytics/collaborationGraph';
import { createRng } from '../../../src/analytics/random';
import { validateDataset } from '../../../src/ingest/validate';
import { projectionOfDataset } from '../../../bench/generate';
import { before, generateProgramme } from '../../../bench/programme';
import { auc, precisionAt } from '../../../bench/rankingMetrics';

/** The pairing benchmark's measures and data (bench/pairings.ts), against their definitions. */
describe('auc', () => {
  test('equals the share of (positive, negative) pairs ordered right, ties one half (brute force)', () => {
    const rng = createRng(5);
    for (let round = 0; round < 20; round++) {
      const n = 5 + rng.int(40);
      // Few distinct values, so that ties happen.
      const scores = Float64Array.from({ length: n }, () => rng.int(6));
      const positive = Uint8Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
      let wins = 0;
      let pairs = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (!positive[i] || positive[j]) continue;
          pairs++;
          wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
        }
      }
      if (pairs === 0) expect(auc(scores, positive)).toBeNaN();
      else expect(auc(scores, positive)).toBeCloseTo(wins / pairs, 12);
    }
  });

  test('1 for a perfect ranking, 0 for a reversed one, 1/2 when all tie', () => {
    expect(auc(Float64Array.from([3, 2, 1, 0]), Uint8Array.from([1, 1, 0, 0]))).toBe(1);
    expect(auc(Float64Array.from([3, 2, 1, 0]), Uint8Array.from([0, 0, 1, 1]))).toBe(0);
    expect(auc(Float64Array.from([1, 1, 1, 1]), Uint8Array.from([1, 0, 1, 0]))).toBe(0.5);
  });
});

test('precisionAt: positives among the first k, equal scores ordered by the tie-break', () => {
  const rows = [
    { s: 3, t: 0.9, p: false },
    { s: 3, t: 0.1, p: true },
    { s: 1, t: 0.5, p: true },
    { s: 2, t: 0.5, p: false },
  ];
  expect(precisionAt(rows, 2, (r) => r.s, (r) => r.t, (r) => r.p)).toBe(0.5);
  expect(precisionAt(rows, 1, (r) => r.s, (r) => r.t, (r) => r.p)).toBe(1);
  expect(precisionAt(rows, 4, (r) => r.s, (r) => r.t, (r) => r.p)).toBe(0.5);
});

describe('the synthetic programme', () => {
  const programme = generateProgramme({ people: 200, years: 4, seed: 2 });

  test('is a valid data set, the same for the same options', () => {
    expect(validateDataset(programme.dataset).ok).toBe(true);
    expect(generateProgramme({ people: 200, years: 4, seed: 2 }).dataset).toEqual(programme.dataset);
    expect(programme.years).toEqual([2020, 2021, 2022, 2023]);
  });

  test('every year adds visits between people of different labs, and hiding the last year removes exactly its visits', () => {
    const visits = programme.dataset.visits ?? [];
    for (const year of programme.years) expect(visits.some((v) => v.start!.startsWith(`${year}-`) || v.start!.startsWith(`${year + 1}-0`))).toBe(true);
    const hidden = before(programme.dataset, 2023).visits ?? [];
    expect(hidden.every((v) => v.start! < '2023-04-01')).toBe(true);
    expect(visits.length - hidden.length).toBe(visits.filter((v) => v.start! >= '2023-04-01').length);
    const labOf = new Map((programme.dataset.people ?? []).map((p) => [p.id, (p.memberships ?? []).map((m) => m.lab)]));
    for (const v of visits) expect(labOf.get(v.hosts![0])).not.toContain((labOf.get(v.visitor) ?? [])[0]);
  });

  test('the hidden year forms new ties, and most of them close a triangle or share a theme (the stated mechanism)', () => {
    const train = buildCollaborationNetwork(projectionOfDataset(before(programme.dataset, 2023)));
    const full = buildCollaborationNetwork(projectionOfDataset(programme.dataset));
    const known = new Set<string>();
    train.graph.forEachEdge((_k, _a, s, t) => known.add(tieKey(s, t)));
    const themes = new Map<string, Set<string>>();
    for (const t of programme.dataset.themes ?? []) for (const p of t.members ?? []) themes.set(p, new Set([...(themes.get(p) ?? []), t.id]));
    let formed = 0;
    let explained = 0;
    full.graph.forEachEdge((_k, _a, s, t) => {
      if (known.has(tieKey(s, t))) return;
      formed++;
      const closes = train.graph.hasNode(s) && train.graph.neighbors(s).some((w) => train.graph.hasEdge(w, t));
      const shares = [...(themes.get(s) ?? [])].some((x) => themes.get(t)?.has(x));
      if (closes || shares) explained++;
    });
    expect(formed).toBeGreaterThan(20);
    expect(explained / formed).toBeGreaterThan(0.6);
  });
});

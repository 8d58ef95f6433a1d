import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csrFromEdges, type Csr } from '../../src/analytics/csr';

/**
 * The NetworkX oracle's fixtures (tests/fixtures/networkx/*.json, written by
 * scripts/networkx-oracle.py), read by the unit tests that compare src/analytics with NetworkX.
 */
export interface NetworkxFixture {
  name: string;
  networkx: string;
  nodes: string[];
  edges: [string, string, number][];
  betweenness: Record<string, number>;
  sampled: { k: number; seed: number; sources: string[]; betweenness: Record<string, number> }[];
  constraint: Record<string, number | null>;
  effectiveSize: Record<string, number | null>;
  linkPrediction: { u: string; v: string; commonNeighbours: number; adamicAdar: number; resourceAllocation: number }[];
  withTie: { u: string; v: string; weight: number; constraint: Record<string, number | null>; effectiveSize: Record<string, number | null> }[];
}

export function loadNetworkxFixtures(): NetworkxFixture[] {
  const dir = join(__dirname, '..', 'fixtures', 'networkx');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

export function csrOfFixture(fx: Pick<NetworkxFixture, 'nodes' | 'edges'>): Csr {
  const ids = [...fx.nodes].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const src = Int32Array.from(fx.edges.map((e) => index.get(e[0])!));
  const dst = Int32Array.from(fx.edges.map((e) => index.get(e[1])!));
  const w = Float64Array.from(fx.edges.map((e) => e[2]));
  return csrFromEdges(ids, index, src, dst, w);
}

export const NETWORKX_TOLERANCE = 1e-9;

/** Throws (with the value and the difference) unless both are null or they agree within 1e-9. */
export function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    if (actual !== expected) throw new Error(`${what}: expected ${expected}, got ${actual}`);
    return;
  }
  if (!(Math.abs(actual - expected) <= NETWORKX_TOLERANCE)) throw new Error(`${what}: expected ${expected}, got ${actual} (|Δ| = ${Math.abs(actual - expected)})`);
}

import type { CollaborationNetwork } from './collaborationGraph';
import type { Csr } from './csr';
import type { GroupIndex } from './groups';

/**
 * For each pair of groups (key a·G + b, a < b): the number of ties joining them and the number of
 * people belonging to both. Counted once per network and level.
 */
export interface GroupLinks {
  ties: Map<number, number>;
  shared: Map<number, number>;
}

// By ties, then groups: one group index may serve several networks (the period views of a network
// share its people's group index, groups.ts), and the links count each network's own ties.
const linksCache = new WeakMap<Csr, WeakMap<GroupIndex, GroupLinks>>();

export function groupLinksOf(network: CollaborationNetwork, gi: GroupIndex): GroupLinks {
  const csr = network.csr;
  let byGroups = linksCache.get(csr);
  if (!byGroups) linksCache.set(csr, (byGroups = new WeakMap()));
  let links = byGroups.get(gi);
  if (links) return links;
  const G = gi.ids.length;
  const ties = new Map<number, number>();
  const shared = new Map<number, number>();
  const seen = new Set<number>();
  for (let u = 0; u < csr.n; u++) {
    const gu0 = gi.offsets[u];
    const gu1 = gi.offsets[u + 1];
    if (gu0 === gu1) continue;
    for (let j = csr.offsets[u]; j < csr.offsets[u + 1]; j++) {
      const v = csr.targets[j];
      if (v < u) continue;
      const gv0 = gi.offsets[v];
      const gv1 = gi.offsets[v + 1];
      if (gu1 - gu0 === 1 && gv1 - gv0 === 1) {
        const a = gi.groups[gu0];
        const b = gi.groups[gv0];
        if (a !== b) {
          const key = a < b ? a * G + b : b * G + a;
          ties.set(key, (ties.get(key) ?? 0) + 1);
        }
        continue;
      }
      seen.clear();
      for (let p = gu0; p < gu1; p++) {
        for (let q = gv0; q < gv1; q++) {
          const a = gi.groups[p];
          const b = gi.groups[q];
          if (a === b) continue;
          const key = a < b ? a * G + b : b * G + a;
          if (!seen.has(key)) {
            seen.add(key);
            ties.set(key, (ties.get(key) ?? 0) + 1);
          }
        }
      }
    }
    for (let p = gu0; p < gu1; p++) {
      for (let q = p + 1; q < gu1; q++) {
        const key = gi.groups[p] * G + gi.groups[q];
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  byGroups.set(gi, (links = { ties, shared }));
  return links;
}

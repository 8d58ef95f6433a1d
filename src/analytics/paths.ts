import type { CareerStage } from '../domain/enums';
import { labelOfId } from '../domain/ids';
import { badInput, echo, notFound } from '../errors';
import type { CollaborationNetwork } from './collaborationGraph';
import { arcBetween, type Csr } from './csr';
import { groupIndexOf, membersOfGroup, resolveGroups } from './groups';

/**
 * Shortest collaboration paths (fewest ties) between two people, two labs, or a person and a lab.
 * A lab stands for its members: the path from lab A to lab B is the shortest path from any member
 * of A to any member of B (multi-source BFS). Among equally short paths the one found first when
 * people are visited in id order is returned, so the answer is deterministic.
 */
export const DEFAULT_MAX_HOPS = 6;
export const MAX_PATH_HOPS = 10;

export interface PathPerson {
  id: string;
  label: string;
  stage: CareerStage;
}

export interface PathStep {
  from: string;
  to: string;
  weight: number;
  visits: string[];
  papers: string[];
  labs: string[];
}

export interface CollaborationPath {
  from: string;
  to: string;
  hops: number;
  people: PathPerson[];
  steps: PathStep[];
}

export function collaborationPath(network: CollaborationNetwork, from: string, to: string, maxHops: number = DEFAULT_MAX_HOPS): CollaborationPath | null {
  checkHops(maxHops, 'maxHops', 1, MAX_PATH_HOPS);
  const csr = network.csr;
  const sources = endpointMembers(network, csr, from, 'from');
  const targets = endpointMembers(network, csr, to, 'to');
  const found = bfsPath(csr, sources, targets, maxHops);
  if (!found) return null;
  const people = found.map((i) => {
    const id = csr.ids[i];
    const a = network.people[i];
    return { id, label: a.label, stage: a.stage };
  });
  const steps: PathStep[] = [];
  for (let s = 1; s < found.length; s++) {
    const a = csr.ids[found[s - 1]];
    const b = csr.ids[found[s]];
    const t = csr.arcAttrs[arcBetween(csr, found[s - 1], found[s])];
    steps.push({ from: a, to: b, weight: t.weight, visits: t.visits, papers: t.papers, labs: t.labs });
  }
  return { from, to, hops: steps.length, people, steps };
}

/** Hop counts must be integers in [min, max]; anything else is the client's mistake. */
export function checkHops(value: number, argument: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be an integer from ${min} to ${max}`, { argumentName: argument, value, min, max });
  }
}

/**
 * CSR indices of a person, or of a group's members (sorted): a lab's members (LAB level), the
 * people of a named institution (INSTITUTION level) or of a country (COUNTRY level), with the
 * group rule of domain/groupLevel.ts — so an institution without a named lab stands in for one,
 * as at every LAB-level measure, and a placeholder institution is refused (it is not a group).
 * NOT_FOUND / BAD_USER_INPUT otherwise.
 */
export function endpointMembers(network: CollaborationNetwork, csr: Csr, id: string, argument: string): number[] {
  const label = labelOfId(id);
  if (label === 'Person') {
    const i = csr.index.get(id);
    if (i === undefined) throw notFound(`${argument}: no Person "${echo(id)}"`, { argumentName: argument, id: echo(id) });
    return [i];
  }
  const level = label === 'Lab' ? 'LAB' : label === 'Institution' ? 'INSTITUTION' : label === 'Country' ? 'COUNTRY' : null;
  if (!level) throw badInput(`${argument}: "${echo(id)}" is not a Person, Lab, Institution or Country id`, { argumentName: argument, id: echo(id) });
  const gi = groupIndexOf(network, level);
  const [g] = resolveGroups(gi, [id], argument);
  return membersOfGroup(gi, g);
}

function bfsPath(csr: Csr, sources: number[], targets: number[], maxHops: number): number[] | null {
  const isTarget = new Uint8Array(csr.n);
  for (const t of targets) isTarget[t] = 1;
  for (const s of sources) if (isTarget[s]) return [s];
  const parent = new Int32Array(csr.n).fill(-2);
  const queue = new Int32Array(csr.n);
  let head = 0;
  let tail = 0;
  for (const s of sources) {
    parent[s] = -1;
    queue[tail++] = s;
  }
  let levelEnd = tail;
  let depth = 0;
  while (head < tail && depth < maxHops) {
    for (; head < levelEnd; head++) {
      const v = queue[head];
      for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
        const w = csr.targets[j];
        if (parent[w] !== -2) continue;
        parent[w] = v;
        if (isTarget[w]) {
          const path = [w];
          for (let x = v; x !== -1; x = parent[x]) path.push(x);
          return path.reverse();
        }
        queue[tail++] = w;
      }
    }
    levelEnd = tail;
    depth++;
  }
  return null;
}

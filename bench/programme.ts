import { createRng, type Rng } from '../src/analytics/random';
import type { DatasetInput } from '../src/domain/model';
import { generateSynthetic } from './generate';

/**
 * A multi-year synthetic programme for the pairing benchmark (bench/pairings.ts): who works where
 * comes from bench/generate.ts (countries, institutions, labs with heavy-tailed sizes, people with
 * realistic career stages); its visits and papers are dropped and replaced by visits that form
 * year by year under a stated mechanism, so that "which ties form next year" has a known cause.
 *
 * Themes: `themes` research themes; each lab works on one or two (drawn uniformly), each person on
 * their lab's themes (WORKS_ON) and, with probability 0.3, on one more drawn uniformly.
 *
 * Year 0 seeds the network with `visitsPerYear` visits to uniformly drawn people in other labs. In
 * each later year, `visitsPerYear` visits are made; the visitor is early-career with probability
 * 0.65 (else anyone), and the host is drawn by one of three mechanisms:
 *   - triadic closure (probability 0.45): a contact w of the visitor (a lab-mate or anyone tied by
 *     an earlier visit), then a contact of w who is in another lab and not yet tied to the visitor;
 *   - shared theme (0.35): one of the visitor's themes, then someone in another lab who works on it;
 *   - anyone (0.20): a person drawn uniformly from the other labs;
 * falling through to the next mechanism when one finds nobody. A visit goes to the host's lab
 * (so the lab's head is tied too, by the collaboration graph's visit rule) and is ABOUT a theme the
 * two share, when they share one. Everything is a function of the options (seeded xoshiro128**).
 */
export interface ProgrammeOptions {
  people: number;
  years: number;
  seed: number;
  themes?: number;
  visitsPerYear?: number;
}

export const MECHANISM = { closure: 0.45, theme: 0.35, random: 0.2, earlyCareerVisitor: 0.65, extraTheme: 0.3 } as const;

const EARLY = new Set(['GRADUATE_STUDENT', 'POSTDOC', 'ASSISTANT_PROFESSOR', 'LECTURER']);

export interface Programme {
  /** The whole programme, every year. */
  dataset: DatasetInput;
  /** The fiscal years, first to last (the last is the one the benchmark hides). */
  years: number[];
}

export function generateProgramme(options: ProgrammeOptions): Programme {
  const rng = createRng(options.seed);
  const base = generateSynthetic({ people: options.people, seed: options.seed }).dataset;
  const people = base.people ?? [];
  const labOf = people.map((p) => (p.memberships ?? []).flatMap((m) => (m.lab ? [m.lab] : [])));
  const labsList = (base.labs ?? []).map((l) => l.id);
  const headOf = new Map((base.labs ?? []).map((l) => [l.id, l.head!]));
  const index = new Map(people.map((p, i) => [p.id, i]));
  for (const lab of base.labs ?? []) if (lab.head) labOf[index.get(lab.head)!] = [...new Set([...labOf[index.get(lab.head)!], lab.id])];
  // Only people in a lab take part (the generator leaves a few with an institution only).
  const active = people.map((_, i) => i).filter((i) => labOf[i].length > 0);
  const early = active.filter((i) => EARLY.has(people[i].careerStage));

  const nThemes = options.themes ?? 12;
  const themeIds = Array.from({ length: nThemes }, (_, t) => `theme:t${String(t).padStart(2, '0')}`);
  const labThemes = new Map(labsList.map((l) => [l, pickDistinct(nThemes, 1 + rng.int(2), rng)]));
  const themesOf = people.map((_, i) => {
    const own = new Set(labOf[i].flatMap((l) => labThemes.get(l)!));
    if (rng.next() < MECHANISM.extraTheme) own.add(rng.int(nThemes));
    return [...own].sort((a, b) => a - b);
  });
  const workers = themeIds.map((_, t) => active.filter((i) => themesOf[i].includes(t)));

  // Ties so far (lab-mates and visit pairs, with the head of the visited lab): what closure walks.
  const contacts = people.map(() => new Set<number>());
  const tie = (a: number, b: number) => {
    if (a === b) return;
    contacts[a].add(b);
    contacts[b].add(a);
  };
  const membersOf = new Map<string, number[]>();
  active.forEach((i) => labOf[i].forEach((l) => membersOf.set(l, [...(membersOf.get(l) ?? []), i])));
  for (const members of membersOf.values()) for (const a of members) for (const b of members) if (a < b) tie(a, b);
  const otherLab = (a: number, b: number) => a !== b && !labOf[a].some((l) => labOf[b].includes(l));
  const eligible = (v: number, x: number) => otherLab(v, x) && !contacts[v].has(x);

  const byClosure = (v: number): number | null => {
    const first = [...contacts[v]];
    for (let tries = 0; tries < 8 && first.length; tries++) {
      const w = first[rng.int(first.length)];
      const second = [...contacts[w]].filter((x) => eligible(v, x));
      if (second.length) return second[rng.int(second.length)];
    }
    return null;
  };
  const byTheme = (v: number): number | null => {
    if (!themesOf[v].length) return null;
    const pool = workers[themesOf[v][rng.int(themesOf[v].length)]].filter((x) => eligible(v, x));
    return pool.length ? pool[rng.int(pool.length)] : null;
  };
  const anyone = (v: number): number | null => {
    for (let tries = 0; tries < 50; tries++) {
      const x = active[rng.int(active.length)];
      if (eligible(v, x)) return x;
    }
    return null;
  };

  const firstYear = 2020;
  const years = Array.from({ length: options.years }, (_, y) => firstYear + y);
  const perYear = options.visitsPerYear ?? Math.round(options.people * 0.25);
  const visits: NonNullable<DatasetInput['visits']> = [];
  const instOfLab = new Map((base.labs ?? []).map((l) => [l.id, l.institution]));
  for (const [y, year] of years.entries()) {
    for (let k = 0; k < perYear; k++) {
      const v = rng.next() < MECHANISM.earlyCareerVisitor && early.length ? early[rng.int(early.length)] : active[rng.int(active.length)];
      let host: number | null = null;
      if (y === 0) host = anyone(v);
      else {
        const r = rng.next();
        const order = r < MECHANISM.closure ? [byClosure, byTheme, anyone] : r < MECHANISM.closure + MECHANISM.theme ? [byTheme, anyone] : [anyone];
        for (const mechanism of order) if (host === null) host = mechanism(v);
      }
      if (host === null) continue;
      const lab = labOf[host][0];
      const shared = themesOf[v].filter((t) => themesOf[host!].includes(t));
      const day = rng.int(300);
      const start = new Date(Date.UTC(year, 3, 1) + day * 86400000).toISOString().slice(0, 10);
      const end = new Date(Date.UTC(year, 3, 1) + (day + 14) * 86400000).toISOString().slice(0, 10);
      visits.push({
        id: `visit:y${year}-${String(k).padStart(5, '0')}`,
        visitor: people[v].id,
        from: instOfLab.get(labOf[v][0])!,
        to: instOfLab.get(lab)!,
        lab,
        hosts: [people[host].id],
        kind: 'SHORT_VISIT',
        status: 'COMPLETED',
        scheduleChange: 'NONE',
        start,
        end,
        purpose: 'Joint experiments (synthetic programme)',
        themes: shared.length ? [themeIds[shared[rng.int(shared.length)]]] : [],
        sources: ['source:synthetic'],
      });
      tie(v, host);
      tie(v, index.get(headOf.get(lab)!)!);
    }
  }
  const dataset: DatasetInput = {
    ...base,
    meta: { title: `Synthetic programme (${options.people} people, ${options.years} years, seed ${options.seed})` },
    themes: themeIds.map((id, t) => ({ id, name: `Theme ${t}`, members: active.filter((i) => themesOf[i].includes(t)).map((i) => people[i].id), sources: ['source:synthetic'] })),
    visits,
    papers: [],
  };
  return { dataset, years };
}

/** The programme up to (excluding) a fiscal year: what was known before it. */
export function before(dataset: DatasetInput, year: number): DatasetInput {
  const cut = `${year}-04-01`;
  return { ...dataset, visits: (dataset.visits ?? []).filter((v) => (v.start ?? '') < cut) };
}

function pickDistinct(n: number, k: number, rng: Rng): number[] {
  const out = new Set<number>();
  while (out.size < Math.min(k, n)) out.add(rng.int(n));
  return [...out].sort((a, b) => a - b);
}

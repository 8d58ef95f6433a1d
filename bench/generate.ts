import { createRng, type Rng } from '../src/analytics/random';
import { membershipPeriod } from '../src/domain/membershipPeriod';
import type { CareerStage, PaperStatus, ScheduleChange, VisitStatus } from '../src/domain/enums';
import { fiscalYearOf } from '../src/domain/fiscalYear';
import type { DatasetInput } from '../src/domain/model';
import type { CollaborationProjection, ProjectedPerson, ProjectedVisit } from '../src/store/projection';

/**
 * Synthetic collaboration data for benchmarks and property tests: countries, institutions, labs
 * (heavy-tailed sizes), people (career stages in realistic shares, a few with two labs or with an
 * institution only), visits to popular labs (Zipf: a few labs host most visitors, so their heads
 * become hubs), and papers written mostly within a lab and partly with visited labs.
 *
 * One call gives the same data twice: as a `kizuna-dataset` (what `kizuna import` and the
 * stores' `write` take) and as the `CollaborationProjection` a store would return for it, so
 * analytics can be timed without a store and stores can be timed on identical data.
 * Everything is a function of (people, seed).
 */
export interface SyntheticOptions {
  people: number;
  seed?: number;
}

export interface SyntheticData {
  dataset: DatasetInput;
  projection: CollaborationProjection;
}

const COUNTRIES = ['JP', 'DE', 'GB', 'US', 'FR', 'CN', 'KR', 'IT', 'ES', 'NL', 'CH', 'SE', 'CA', 'AU', 'IN', 'SG'];
const SOURCE = 'source:synthetic';

const STAGE_SHARES: [CareerStage, number][] = [
  ['GRADUATE_STUDENT', 0.36],
  ['POSTDOC', 0.16],
  ['ASSISTANT_PROFESSOR', 0.11],
  ['LECTURER', 0.05],
  ['ASSOCIATE_PROFESSOR', 0.08],
  ['RESEARCHER', 0.1],
  ['SENIOR_RESEARCHER', 0.05],
  ['PROFESSOR', 0.04],
  ['UNKNOWN', 0.05],
];
const EARLY: ReadonlySet<CareerStage> = new Set(['GRADUATE_STUDENT', 'POSTDOC', 'ASSISTANT_PROFESSOR', 'LECTURER']);

const VISIT_STATUS_SHARES: [VisitStatus, number][] = [
  ['COMPLETED', 0.75],
  ['IN_PROGRESS', 0.05],
  ['PLANNED', 0.15],
  ['CANCELLED', 0.05],
];
const PAPER_STATUS_SHARES: [PaperStatus, number][] = [
  ['PUBLISHED', 0.55],
  ['SUBMITTED', 0.15],
  ['IN_PREPARATION', 0.15],
  ['PLANNED', 0.15],
];

export function generateSynthetic(options: SyntheticOptions): SyntheticData {
  const n = Math.max(10, Math.floor(options.people));
  const rng = createRng(options.seed ?? 20240401);
  const pad = (i: number, width: number) => String(i).padStart(width, '0');
  const w = String(n).length;

  // Countries and institutions: Zipf-weighted countries, so a few hold most institutions.
  const countryPick = weightedPicker(COUNTRIES.map((_, i) => 1 / (i + 1)), rng);
  const nInst = Math.max(8, Math.round(n / 40));
  const institutions = Array.from({ length: nInst }, (_, i) => ({
    id: `institution:i${pad(i, w)}`,
    country: COUNTRIES[countryPick()],
  }));
  const usedCountries = [...new Set(institutions.map((i) => i.country))].sort();

  // Labs: institution by Zipf over a shuffled order; size weight from a Pareto tail.
  const nLabs = Math.max(4, Math.round(n / 3.6));
  const instPick = weightedPicker(shuffled(nInst, rng).map((_, r) => 1 / Math.pow(r + 1, 0.6)), rng);
  const labs = Array.from({ length: nLabs }, (_, i) => ({
    id: `lab:l${pad(i, w)}`,
    institution: institutions[instPick()].id,
    head: '' as string,
    members: [] as number[],
  }));
  const labSizeWeight = labs.map(() => Math.pow(1 - rng.next(), -1 / 2.6));
  const labPick = weightedPicker(labSizeWeight, rng);
  // Popularity for hosting: Zipf over a random order of labs (independent of size).
  const popularity = new Array<number>(nLabs);
  shuffled(nLabs, rng).forEach((lab, rank) => (popularity[lab] = 1 / Math.pow(rank + 1, 0.9)));
  const hostPick = weightedPicker(popularity, rng);

  // People: one head per lab first, then the rest spread over labs by size weight.
  const stagePick = weightedPicker(STAGE_SHARES.map(([, s]) => s), rng);
  interface P {
    id: string;
    stage: CareerStage;
    labs: number[];
    institution: string | null;
  }
  const people: P[] = [];
  for (let i = 0; i < n; i++) {
    const id = `person:p${pad(i, w)}`;
    if (i < nLabs) {
      const stage: CareerStage = rng.next() < 0.8 ? 'PROFESSOR' : 'ASSOCIATE_PROFESSOR';
      people.push({ id, stage, labs: [i], institution: null });
      labs[i].head = id;
      labs[i].members.push(i);
      continue;
    }
    const stage = STAGE_SHARES[stagePick()][0];
    const r = rng.next();
    if (r < 0.01) {
      people.push({ id, stage, labs: [], institution: null });
    } else if (r < 0.04) {
      people.push({ id, stage, labs: [], institution: institutions[instPick()].id });
    } else {
      const lab = labPick();
      const p: P = { id, stage, labs: [lab], institution: null };
      if (rng.next() < 0.04) {
        const second = labPick();
        if (second !== lab) p.labs.push(second);
      }
      people.push(p);
      for (const l of p.labs) labs[l].members.push(i);
    }
  }
  const early = people.map((p, i) => (EARLY.has(p.stage) ? i : -1)).filter((i) => i >= 0);
  const instOfPerson = (p: P) => (p.labs.length ? labs[p.labs[0]].institution : p.institution ?? institutions[0].id);
  const countryOf = new Map(institutions.map((i) => [i.id, i.country]));

  // Visits: 65% by early-career people; to a popular lab at another institution (mostly abroad).
  const visitStatusPick = weightedPicker(VISIT_STATUS_SHARES.map(([, s]) => s), rng);
  const nVisits = Math.round(n * 0.42);
  const visits: DatasetInput['visits'] = [];
  const visitedLabs = new Map<number, number[]>();
  const day0 = Date.UTC(2021, 3, 1);
  const spanDays = 5 * 365;
  for (let v = 0; v < nVisits; v++) {
    const visitor = rng.next() < 0.65 && early.length ? early[rng.int(early.length)] : rng.int(n);
    const vp = people[visitor];
    const from = instOfPerson(vp);
    let lab = hostPick();
    for (let tries = 0; tries < 6; tries++) {
      const inst = labs[lab].institution;
      const abroad = countryOf.get(inst) !== countryOf.get(from);
      if (inst !== from && (abroad || rng.next() < 0.3)) break;
      lab = hostPick();
    }
    const target = labs[lab];
    const hosts = [target.head];
    if (rng.next() < 0.35 && target.members.length > 1) {
      const other = people[target.members[1 + rng.int(target.members.length - 1)]].id;
      if (other !== target.head) hosts.push(other);
    }
    const startDay = rng.int(spanDays);
    const length = Math.max(3, Math.round(Math.exp(2 + rng.next() * 3.9)));
    const status = VISIT_STATUS_SHARES[visitStatusPick()][0];
    const scheduleChange: ScheduleChange = status === 'PLANNED' && rng.next() < 0.25 ? 'POSTPONED' : status === 'COMPLETED' && rng.next() < 0.05 ? 'ADVANCED' : 'NONE';
    visits.push({
      id: `visit:v${pad(v, w + 1)}`,
      visitor: vp.id,
      from,
      to: target.institution,
      lab: target.id,
      hosts: hosts.filter((h) => h !== vp.id),
      kind: length >= 30 ? 'STAY' : 'SHORT_VISIT',
      status,
      scheduleChange,
      start: isoDay(day0, startDay),
      end: isoDay(day0, startDay + length - 1),
      purpose: 'Joint experiments (synthetic)',
      sources: [SOURCE],
    });
    const list = visitedLabs.get(visitor);
    if (list) list.push(lab);
    else visitedLabs.set(visitor, [lab]);
  }

  // Papers: first author (early-career more often), co-authors from the same lab, a visited lab, or anywhere.
  const paperStatusPick = weightedPicker(PAPER_STATUS_SHARES.map(([, s]) => s), rng);
  const nPapers = Math.round(n * 0.22);
  const papers: DatasetInput['papers'] = [];
  for (let a = 0; a < nPapers; a++) {
    const first = rng.next() < 0.6 && early.length ? early[rng.int(early.length)] : rng.int(n);
    const authors = new Set<number>([first]);
    const extra = 1 + Math.min(6, Math.floor(-Math.log(1 - rng.next()) * 1.6));
    const fp = people[first];
    for (let k = 0; k < extra; k++) {
      const r = rng.next();
      let pool: number[] | null = null;
      if (r < 0.62 && fp.labs.length) pool = labs[fp.labs[0]].members;
      else if (r < 0.85 && visitedLabs.has(first)) {
        const vl = visitedLabs.get(first)!;
        pool = labs[vl[rng.int(vl.length)]].members;
      } else pool = labs[hostPick()].members;
      authors.add(pool[rng.int(pool.length)]);
    }
    const status = PAPER_STATUS_SHARES[paperStatusPick()][0];
    papers.push({
      id: `paper:a${pad(a, w)}`,
      title: `Synthetic paper ${a}`,
      status,
      year: 2021 + rng.int(5),
      authors: [...authors].map((i) => people[i].id),
      sources: [SOURCE],
    });
  }

  const dataset: DatasetInput = {
    format: 'kizuna-dataset',
    version: 1,
    meta: { title: `Synthetic collaboration network (${n} people, seed ${options.seed ?? 20240401})` },
    sources: [{ id: SOURCE, document: 'bench/generate.ts', section: 'synthetic', quote: 'generated', lang: 'en' }],
    countries: usedCountries.map((code) => ({ id: `country:${code}`, code, name: `Country ${code}`, sources: [SOURCE] })),
    institutions: institutions.map((i) => ({ id: i.id, name: `Institution ${i.id.slice(13)}`, country: i.country, kind: 'UNIVERSITY' as const, sources: [SOURCE] })),
    labs: labs.map((l) => ({ id: l.id, name: `Lab ${l.id.slice(5)}`, institution: l.institution, head: l.head, sources: [SOURCE] })),
    people: people.map((p) => ({
      id: p.id,
      name: `Person ${p.id.slice(8)}`,
      careerStage: p.stage,
      placeholder: false,
      memberships: p.labs.length ? p.labs.map((l) => ({ lab: labs[l].id })) : p.institution ? [{ institution: p.institution }] : [],
      sources: [SOURCE],
    })),
    visits,
    papers,
  };
  return { dataset, projection: projectionOfDataset(dataset) };
}

/**
 * The projection a store returns for a data set (the port's contract, spelled out in plain code):
 * used by the generator and by tests that build small data sets by hand. Visit bounds are taken
 * from full YYYY-MM-DD dates only (the generator writes nothing else).
 */
export function projectionOfDataset(ds: DatasetInput): CollaborationProjection {
  const labs = (ds.labs ?? []).map((l) => ({ id: l.id, label: l.name, institution: l.institution, head: l.head ?? null }));
  const labInst = new Map(labs.map((l) => [l.id, l.institution]));
  const heads = new Map<string, string[]>();
  for (const l of labs) if (l.head) heads.set(l.head, [...(heads.get(l.head) ?? []), l.id]);
  const people: ProjectedPerson[] = (ds.people ?? []).map((p) => {
    const memberships = p.memberships ?? [];
    const personLabs = [...new Set([...memberships.flatMap((m) => (m.lab ? [m.lab] : [])), ...(heads.get(p.id) ?? [])])].sort();
    const insts = new Set([...memberships.flatMap((m) => (m.institution ? [m.institution] : [])), ...personLabs.map((l) => labInst.get(l)!)]);
    return {
      id: p.id,
      label: p.name ?? p.nameJa ?? p.familyName ?? p.familyNameJa ?? p.cohort ?? p.id,
      careerStage: p.careerStage,
      placeholder: p.placeholder ?? false,
      labs: personLabs,
      institutions: [...insts].sort(),
      labPeriods: memberships
        .flatMap((m) => (m.lab && (m.since || m.until) ? [{ lab: m.lab, ...membershipPeriod(m.since, m.until) }] : []))
        .sort((a, b) => (a.lab < b.lab ? -1 : a.lab > b.lab ? 1 : 0)),
      affiliations: memberships
        .flatMap((m) => (m.institution ? [{ institution: m.institution, ...membershipPeriod(m.since, m.until) }] : []))
        .sort((a, b) => (a.institution < b.institution ? -1 : a.institution > b.institution ? 1 : 0)),
    };
  });
  const visits: ProjectedVisit[] = (ds.visits ?? []).map((v) => ({
    id: v.id,
    visitor: v.visitor,
    hosts: [...(v.hosts ?? [])],
    fromInstitution: v.from,
    toInstitution: v.to,
    toLab: v.lab ?? null,
    status: v.status,
    scheduleChange: v.scheduleChange ?? 'NONE',
    start: v.start && v.start.length === 10 ? v.start : null,
    startLatest: v.start && v.start.length === 10 ? v.start : null,
    end: v.end && v.end.length === 10 ? v.end : null,
    fiscalYear: v.start && v.start.length === 10 ? fiscalYearOf(v.start) : null,
  }));
  return {
    people,
    labs,
    institutions: (ds.institutions ?? []).map((i) => ({ id: i.id, label: i.name, country: i.country, placeholder: i.placeholder === true })),
    visits,
    papers: (ds.papers ?? []).map((p) => ({ id: p.id, authors: [...p.authors], status: p.status, year: p.year ?? null })),
  };
}

function isoDay(day0: number, offset: number): string {
  return new Date(day0 + offset * 86400000).toISOString().slice(0, 10);
}

function shuffled(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Draws an index with probability proportional to its weight (cumulative sums + binary search). */
function weightedPicker(weights: number[], rng: Rng): () => number {
  const cum = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cum[i] = total += w));
  return () => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

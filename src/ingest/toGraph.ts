import { personDisplayName } from '../domain/displayName';
import type { Label } from '../domain/ids';
import type { Citation, Dataset } from '../domain/model';
import { searchKeyOf } from '../domain/searchText';
import { membershipPeriod } from '../domain/membershipPeriod';
import { visitDates } from '../domain/visitDates';
import type { Graph, GraphNode, GraphRel, Props, RelType } from '../store/graph';
import { relKey } from '../store/graph';

/**
 * Turns a validated data set into the store-neutral graph. Derived properties that stores filter
 * or sort on (sortKey, searchText, visit date bounds, fiscal year) are computed here, once, so
 * that both stores see the same values and Cypher never has to re-derive them.
 */
export function datasetToGraph(ds: Dataset): Graph {
  const out = new GraphBuilder();
  for (const collection of RECORD_COLLECTIONS) {
    for (const record of ds[collection.key]) collection.add(out, record as never);
  }
  return out.build();
}

/** One record's node and the relationships it states (its "owned" relationships: write/records.ts). */
export function recordToGraph<K extends CollectionKey>(key: K, record: Dataset[K][number]): Graph {
  const out = new GraphBuilder();
  COLLECTION_BY_KEY[key].add(out, record as never);
  return out.build();
}

export type CollectionKey = 'sources' | 'countries' | 'institutions' | 'labs' | 'people' | 'themes' | 'materials' | 'events' | 'visits' | 'papers' | 'transfers';

interface Collection<K extends CollectionKey> {
  key: K;
  add(out: GraphBuilder, record: Dataset[K][number]): void;
}

/** The data set's collections in write order (a record's targets come before it), each with its node builder. */
const RECORD_COLLECTIONS: ReadonlyArray<Collection<CollectionKey>> = [
  { key: 'sources', add: addSource },
  { key: 'countries', add: addCountry },
  { key: 'institutions', add: addInstitution },
  { key: 'labs', add: addLab },
  { key: 'people', add: addPerson },
  { key: 'themes', add: addTheme },
  { key: 'materials', add: addMaterial },
  { key: 'events', add: addEvent },
  { key: 'visits', add: addVisit },
  { key: 'papers', add: addPaper },
  { key: 'transfers', add: addTransfer },
] as ReadonlyArray<Collection<CollectionKey>>;

const COLLECTION_BY_KEY = Object.fromEntries(RECORD_COLLECTIONS.map((c) => [c.key, c])) as Record<CollectionKey, Collection<CollectionKey>>;

function addSource(out: GraphBuilder, s: Dataset['sources'][number]): void {
  out.node('Source', s.id, { ...s, sortKey: s.id, searchText: null });
}

function addCountry(out: GraphBuilder, c: Dataset['countries'][number]): void {
  out.node('Country', c.id, { code: c.code, name: c.name, nameJa: c.nameJa ?? null, sortKey: c.code, searchText: searchKeyOf([c.name, c.nameJa, c.code]) });
  out.cite(c.id, c.sources);
}

function addInstitution(out: GraphBuilder, i: Dataset['institutions'][number]): void {
  out.node('Institution', i.id, {
    name: i.name, nameJa: i.nameJa ?? null, shortName: i.shortName ?? null, aliases: i.aliases,
    country: i.country, kind: i.kind, placeholder: i.placeholder,
    sortKey: i.name.toLowerCase(), searchText: searchKeyOf([i.name, i.nameJa, i.shortName, ...i.aliases]),
  });
  out.rel('LOCATED_IN', i.id, `country:${i.country}`);
  out.cite(i.id, i.sources);
}

function addLab(out: GraphBuilder, l: Dataset['labs'][number]): void {
  out.node('Lab', l.id, { name: l.name, nameJa: l.nameJa ?? null, sortKey: l.name.toLowerCase(), searchText: searchKeyOf([l.name, l.nameJa]) });
  out.rel('PART_OF', l.id, l.institution);
  if (l.head) out.rel('HEADS', l.head, l.id);
  out.cite(l.id, l.sources);
}

function addPerson(out: GraphBuilder, p: Dataset['people'][number]): void {
  const display = personDisplayName(p);
  out.node('Person', p.id, {
    name: p.name ?? null, nameJa: p.nameJa ?? null, familyName: p.familyName ?? null, familyNameJa: p.familyNameJa ?? null,
    title: p.title ?? null, careerStage: p.careerStage, programRole: p.programRole ?? null,
    placeholder: p.placeholder, cohort: p.cohort ?? null, cohortEn: p.cohortEn ?? null, headcount: p.headcount ?? null, orcid: p.orcid ?? null,
    displayName: display,
    sortKey: display.toLowerCase(), searchText: searchKeyOf([p.name, familyNameFirst(p.name, p.familyName), p.nameJa, p.familyName, p.familyNameJa, p.cohort, p.cohortEn]),
  });
  for (const m of p.memberships) {
    const props = {
      role: m.role ?? null, roleJa: m.roleJa ?? null, department: m.department ?? null, since: m.since ?? null, until: m.until ?? null,
      ...membershipPeriod(m.since, m.until),
    };
    if (m.lab) out.rel('MEMBER_OF', p.id, m.lab, props);
    else if (m.institution) out.rel('AFFILIATED_WITH', p.id, m.institution, props);
  }
  out.cite(p.id, p.sources);
}

/** "Shuji Nakanishi" is also searched as "Nakanishi Shuji", the order Japanese sources use. */
function familyNameFirst(name: string | undefined, familyName: string | undefined): string | undefined {
  if (!name || !familyName || !name.endsWith(familyName)) return undefined;
  return `${familyName} ${name.slice(0, -familyName.length).trim()}`;
}

function addTheme(out: GraphBuilder, t: Dataset['themes'][number]): void {
  out.node('Theme', t.id, { name: t.name, nameJa: t.nameJa ?? null, sortKey: t.id, searchText: searchKeyOf([t.name, t.nameJa]) });
  for (const p of t.leads) out.rel('LEADS', p, t.id);
  for (const p of t.members) out.rel('WORKS_ON', p, t.id);
  out.cite(t.id, t.sources);
}

function addMaterial(out: GraphBuilder, m: Dataset['materials'][number]): void {
  out.node('Material', m.id, { name: m.name, nameJa: m.nameJa ?? null, kind: m.kind, sortKey: m.name.toLowerCase(), searchText: searchKeyOf([m.name, m.nameJa]) });
  if (m.owner) out.rel('OWNS', m.owner, m.id);
  for (const t of m.themes) out.rel('ABOUT', m.id, t);
  out.cite(m.id, m.sources);
}

function addEvent(out: GraphBuilder, e: Dataset['events'][number]): void {
  out.node('Event', e.id, {
    name: e.name, nameJa: e.nameJa ?? null, kind: e.kind, status: e.status, place: e.place ?? null,
    start: e.start ?? null, end: e.end ?? null, sortKey: e.start ?? '9999', searchText: searchKeyOf([e.name, e.nameJa]),
  });
  if (e.country) out.rel('HELD_IN', e.id, `country:${e.country}`);
  out.cite(e.id, e.sources);
}

function addVisit(out: GraphBuilder, v: Dataset['visits'][number]): void {
  const dates = visitDates(v);
  out.node('Visit', v.id, {
    kind: v.kind, status: v.status, scheduleChange: v.scheduleChange,
    start: v.start ?? null, end: v.end ?? null, duration: v.duration ?? null, durationText: v.durationText ?? null,
    purpose: v.purpose, purposeJa: v.purposeJa ?? null, trip: v.trip ?? null,
    ...dates,
    sortKey: `${dates.startEarliest ?? '9999-99-99'}|${v.id}`, searchText: null,
  });
  out.rel('MADE', v.visitor, v.id);
  out.rel('FROM', v.id, v.from);
  out.rel('TO', v.id, v.to);
  if (v.lab) out.rel('AT', v.id, v.lab);
  for (const h of v.hosts) out.rel('HOSTED_BY', v.id, h);
  for (const t of v.themes) out.rel('ABOUT', v.id, t);
  for (const m of v.materials) out.rel('ABOUT', v.id, m);
  if (v.event) out.rel('FOR', v.id, v.event);
  out.cite(v.id, v.sources);
}

function addPaper(out: GraphBuilder, p: Dataset['papers'][number]): void {
  out.node('Paper', p.id, {
    title: p.title, titleJa: p.titleJa ?? null, status: p.status, year: p.year ?? null, doi: p.doi ?? null,
    sortKey: p.title.toLowerCase(), searchText: searchKeyOf([p.title, p.titleJa]),
  });
  p.authors.forEach((a, position) => out.rel('AUTHORED', a, p.id, { position }));
  for (const t of p.themes) out.rel('ABOUT', p.id, t);
  out.cite(p.id, p.sources);
}

function addTransfer(out: GraphBuilder, t: Dataset['transfers'][number]): void {
  out.node('Transfer', t.id, { date: t.date ?? null, status: t.status, description: t.description ?? null, sortKey: t.id, searchText: null });
  out.rel('OF', t.id, t.material);
  out.rel('FROM', t.id, t.from);
  for (const to of t.to) out.rel('TO', t.id, to);
  for (const p of t.recipients) out.rel('RECEIVED_BY', t.id, p);
  out.cite(t.id, t.sources);
}

/** Collects nodes and relationships, dropping exact repeats so that the graph is a set. */
class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly rels = new Map<string, GraphRel>();

  node(label: Label, id: string, props: Props): void {
    const { id: _omit, sources: _sources, ...rest } = props as Props & { sources?: unknown };
    this.nodes.set(id, { id, label, props: rest });
  }

  rel(type: RelType, from: string, to: string, props: Props = {}): void {
    const rel = { type, from, to, props };
    this.rels.set(relKey(rel), rel);
  }

  cite(id: string, citations: readonly Citation[]): void {
    for (const c of citations) {
      if (typeof c === 'string') this.rel('CITED_IN', id, c);
      else this.rel('CITED_IN', id, c.source, { field: c.field ?? null, reading: c.reading ?? null, canonical: c.canonical ?? null, note: c.note ?? null });
    }
  }

  build(): Graph {
    return { nodes: [...this.nodes.values()], rels: [...this.rels.values()] };
  }
}

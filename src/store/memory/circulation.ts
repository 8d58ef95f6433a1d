import {
  countedStatuses,
  groupRelation,
  normalizeFacts,
  type CirculationFacts,
  type CirculationQuery,
  type FlowFact,
  type PeopleFact,
  type PeopleRole,
  type TieFact,
  type TimelineFact,
} from '../../circulation/facts';
import { dayToIso, daysInPeriod, endsInPeriod, isInPeriod, periodDays, placeVisit, type Placement } from '../../circulation/placement';
import type { CareerStage, GroupLevel, ScheduleChange, VisitStatus } from '../../domain/enums';
import { visitEndGroup, type PlaceRef } from '../../domain/groupLevel';
import { holdsOn, type MembershipPeriod } from '../../domain/membershipPeriod';
import type { GraphNode } from '../graph';
import type { MemoryStore } from './memoryStore';

/**
 * The embedded store's circulation facts: the JavaScript twin of store/neo4j/cypher/circulation.ts,
 * and its oracle. One pass over the visits, aggregating into maps keyed like the Cypher's
 * grouping keys; the rows leave through normalizeFacts like the Neo4j ones.
 */
export function memoryCirculationFacts(store: MemoryStore, query: CirculationQuery): CirculationFacts {
  const period = periodDays(query.period);
  const counted = new Set<VisitStatus>(countedStatuses(query.includePlanned));
  const flows = new Map<string, FlowFact>();
  const peopleSeen = new Map<string, { role: PeopleRole; group: string | null; person: GraphNode }>();
  const firstEvidence = new Map<string, TieFact & { latest: string }>();
  const timeline: TimelineFact[] = [];
  let undated = 0;

  for (const visit of store.nodesWithLabel('Visit')) {
    const placement = placeVisit(visit.props);
    if (!placement) {
      undated += 1;
      continue;
    }
    const ends = endsOf(store, visit, query.groupBy, dayToIso(placement.start));
    if (!ends) continue;
    const { person, fromGroup, toGroup, fromCountry, toCountry, fromInstitution, toInstitution } = ends;
    const status = visit.props.status as VisitStatus;
    const crossBorder = fromCountry !== toCountry;

    // New ties look at all time before the period's end, not only at the period; a tie needs two
    // known groups (an unknown end is not a group a tie could join).
    if (counted.has(status) && crossBorder && fromGroup !== null && toGroup !== null && placement.start <= period.end) {
      const [a, b] = fromGroup < toGroup ? [fromGroup, toGroup] : [toGroup, fromGroup];
      const key = `${a}|${b}`;
      const seen = firstEvidence.get(key);
      const candidate = { day: dayToIso(placement.start), latest: String(visit.props.startLatest ?? visit.props.startEarliest), stated: statedStart(visit, placement.start) };
      if (!seen || compareEvidence(candidate, seen) < 0) firstEvidence.set(key, { groupA: a, groupB: b, firstEvidence: candidate.day, firstEvidenceStated: candidate.stated, latest: candidate.latest });
    }

    if (!isInPeriod(placement, period)) continue;
    const stage = careerStageOf(person);
    const scheduleChange = (visit.props.scheduleChange as ScheduleChange | undefined) ?? 'NONE';
    const uncertain = visit.props.uncertain === true;
    const flowKey = [fromGroup, toGroup, status, scheduleChange, placement.stayClass, stage].join('|');
    const flow =
      flows.get(flowKey) ??
      flows
        .set(flowKey, { fromGroup, toGroup, fromCountry, toCountry, status, scheduleChange, stayClass: placement.stayClass, careerStage: stage, stays: 0, personDays: 0, uncertain: 0 })
        .get(flowKey)!;
    flow.stays += 1;
    flow.personDays += daysInPeriod(placement, period) * weightOf(person);
    if (uncertain) flow.uncertain += 1;

    timeline.push({
      visit: visit.id, person: person.id, fromGroup, toGroup, fromCountry, toCountry, fromInstitution, toInstitution,
      start: dayToIso(placement.start), end: placement.end === null ? null : dayToIso(placement.end),
      startLatest: String(visit.props.startLatest ?? visit.props.startEarliest),
      status, scheduleChange, careerStage: stage, uncertain,
    });

    if (!counted.has(status) || groupRelation({ fromGroup, toGroup, fromCountry, toCountry }) !== 'BETWEEN') continue;
    // Per-group rows only for known groups; the overall rows (group null) count everyone.
    const roles: Array<[PeopleRole, string | null, boolean]> = [
      ['OUTBOUND', fromGroup, false],
      ['OUTBOUND', null, true],
      ['INBOUND', toGroup, false],
    ];
    if (isReturn(placement, status, crossBorder, period)) roles.push(['RETURNEE', fromGroup, false], ['RETURNEE', null, true]);
    for (const [role, group, overall] of roles) {
      if (overall || group !== null) peopleSeen.set(`${role}|${overall ? '' : group}|${person.id}`, { role, group, person });
    }
  }

  const people = new Map<string, PeopleFact>();
  for (const { role, group, person } of peopleSeen.values()) {
    const careerStage = careerStageOf(person);
    const key = `${role}|${group ?? ''}|${careerStage}`;
    const row = people.get(key) ?? people.set(key, { role, group, careerStage, people: 0 }).get(key)!;
    row.people += weightOf(person);
  }

  const inPeriodTies = [...firstEvidence.values()]
    .filter((t) => t.firstEvidence >= query.period.start && t.firstEvidence <= query.period.end)
    .map(({ latest: _latest, ...tie }) => tie);
  const ordered = normalizeFacts({ flows: [], people: [], newTies: [], undated, timeline, timelineTotal: timeline.length }).timeline;
  return normalizeFacts({
    flows: [...flows.values()],
    people: [...people.values()],
    newTies: inPeriodTies,
    undated,
    timeline: ordered.slice(0, Math.max(0, Math.floor(query.timelineLimit ?? 0))),
    timelineTotal: timeline.length,
  });
}

/** The start as stated; a placed visit always has one, but an ISO day stands in if not. */
function statedStart(visit: GraphNode, placedStart: number): string {
  return typeof visit.props.start === 'string' && visit.props.start.length > 0 ? visit.props.start : dayToIso(placedStart);
}

/** Earlier placed start first; on the same day, the more precisely known start (as the Cypher's ORDER BY s, latest, stated). */
function compareEvidence(a: { day: string; latest: string; stated: string }, b: { firstEvidence: string; latest: string; firstEvidenceStated: string }): number {
  const keys: Array<[string, string]> = [
    [a.day, b.firstEvidence],
    [a.latest, b.latest],
    [a.stated, b.firstEvidenceStated],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

/** Came back within the period: a cross-border stay, not still under way, whose placed end falls in the period. */
function isReturn(p: Placement, status: VisitStatus, crossBorder: boolean, period: ReturnType<typeof periodDays>): boolean {
  return crossBorder && status !== 'IN_PROGRESS' && endsInPeriod(p, period);
}

interface VisitEnds {
  person: GraphNode;
  fromInstitution: string;
  toInstitution: string;
  fromGroup: string | null;
  toGroup: string | null;
  fromCountry: string;
  toCountry: string;
}

/**
 * The visitor and the groups at both ends, by the one group rule (domain/groupLevel.ts): at LAB
 * level the visitor's labs at the FROM institution and the visit's AT lab, falling back to the
 * institution, and to its country for a placeholder; at INSTITUTION level a placeholder has no
 * group (null). A visit lacking its visitor, an institution or an institution's country is not
 * counted (the Cypher MATCH drops it the same way).
 */
function endsOf(store: MemoryStore, visit: GraphNode, level: GroupLevel, placedStart: string): VisitEnds | null {
  const person = first(store, visit.id, 'MADE', 'IN', 'Person');
  const from = first(store, visit.id, 'FROM', 'OUT', 'Institution');
  const to = first(store, visit.id, 'TO', 'OUT', 'Institution');
  if (!person || !from || !to) return null;
  const fromCountry = first(store, from.id, 'LOCATED_IN', 'OUT', 'Country');
  const toCountry = first(store, to.id, 'LOCATED_IN', 'OUT', 'Country');
  if (!fromCountry || !toCountry) return null;
  const codes = { fromCountry: String(fromCountry.props.code), toCountry: String(toCountry.props.code), fromInstitution: from.id, toInstitution: to.id };
  const place = (node: GraphNode, country: string): PlaceRef => ({ id: node.id, country, placeholder: node.props.placeholder === true });
  const homeLabs = level === 'LAB' ? homeLabsOf(store, person.id, from.id, placedStart) : [];
  const visitedLabs = level === 'LAB' ? labIds(store.neighboursOf(visit.id, 'AT', 'OUT').map((n) => n.node)) : [];
  return {
    person,
    fromGroup: visitEndGroup(level, place(from, codes.fromCountry), homeLabs),
    toGroup: visitEndGroup(level, place(to, codes.toCountry), visitedLabs),
    ...codes,
  };
}

/**
 * The visitor's labs at the home institution: headships, and memberships that hold on the visit's
 * placed start (domain/membershipPeriod.ts; open bounds when since/until are not stated).
 */
function homeLabsOf(store: MemoryStore, personId: string, institutionId: string, day: string): string[] {
  const memberships = store.neighboursOf(personId, 'MEMBER_OF', 'OUT').filter((n) => holdsOn(periodOf(n.rel), day));
  const labs = [...memberships, ...store.neighboursOf(personId, 'HEADS', 'OUT')].map((n) => n.node);
  return labIds(labs.filter((lab) => store.neighboursOf(lab.id, 'PART_OF', 'OUT').some((i) => i.node.id === institutionId)));
}

function periodOf(rel: Record<string, unknown>): MembershipPeriod {
  const day = (v: unknown) => (typeof v === 'string' ? v : null);
  return { sinceEarliest: day(rel.sinceEarliest), untilLatest: day(rel.untilLatest) };
}

function labIds(nodes: GraphNode[]): string[] {
  return [...new Set(nodes.filter((n) => n.label === 'Lab').map((n) => n.id))];
}

function first(store: MemoryStore, id: string, rel: 'MADE' | 'FROM' | 'TO' | 'LOCATED_IN', dir: 'IN' | 'OUT', label: GraphNode['label']): GraphNode | null {
  const nodes = store.neighboursOf(id, rel, dir).map((n) => n.node).filter((n) => n.label === label);
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return nodes[0] ?? null;
}

function careerStageOf(person: GraphNode): CareerStage {
  return (person.props.careerStage as CareerStage | undefined) ?? 'UNKNOWN';
}

/** How many people a record stands for: a placeholder's stated headcount, else 1. */
function weightOf(person: GraphNode): number {
  const headcount = person.props.headcount;
  return typeof headcount === 'number' && headcount > 0 ? headcount : 1;
}

import { int } from 'neo4j-driver';
import {
  countedStatuses,
  normalizeFacts,
  type CirculationFacts,
  type CirculationQuery,
  type FlowFact,
  type PeopleFact,
  type PeopleRole,
  type TieFact,
  type TimelineFact,
} from '../../../circulation/facts';
import { EPOCH, ONE_MONTH_DAYS, SIX_MONTHS_DAYS, dayToIso, periodDays } from '../../../circulation/placement';
import type { StayClass } from '../../../domain/duration';
import type { CareerStage, GroupLevel, ScheduleChange, VisitStatus } from '../../../domain/enums';
import type { Row } from '../executor';
import { asArray, asNullableNumber, asNullableString, asNumber, asRecord, asString } from '../rows';
import { lines, type CypherQuery } from './types';
import { label, relType } from './whitelist';

/**
 * The circulation facts as Cypher aggregations: the database places every visit in time,
 * prorates it and groups it, and only aggregated rows (bounded by the number of groups) travel
 * back. The JavaScript twin and oracle is store/memory/circulation.ts; the rule both follow is
 * circulation/placement.ts (docs/metrics.md §Circulation). All arithmetic is on integer day
 * numbers (`duration.inDays(date($epoch), date(x)).days`), so both stores agree to the day.
 *
 * The statements are meant to run in one read transaction. Flows, people and ties read the same
 * placed visits with different filters: one statement places them once and aggregates each in a
 * subquery (issue #9: as three statements, each placing every visit again, they cost three times
 * the Neo4j CPU, 0.5 s each at 100k people).
 */
export interface CirculationStatements {
  /** One row: `flows`, `people` and `ties`, each a list of the rows CirculationRows names. */
  facts: CypherQuery;
  undated: CypherQuery;
  timeline: CypherQuery | null;
}

/** Lines that end in `RETURN <columns>` when run alone; in `facts`, collected into a list of maps. */
interface Aggregation {
  body: string[];
  columns: string[];
}

export function circulationStatements(query: CirculationQuery): CirculationStatements {
  const period = periodDays(query.period);
  const params = {
    epoch: EPOCH,
    periodStart: int(period.start),
    periodEnd: int(period.end),
    periodEndText: query.period.end,
    oneMonth: ONE_MONTH_DAYS,
    sixMonths: SIX_MONTHS_DAYS,
    counted: countedStatuses(query.includePlanned),
    inProgress: 'IN_PROGRESS',
    noChange: 'NONE',
    unknownStage: 'UNKNOWN',
  };
  const base = placedVisits(query.groupBy);
  // Overlaps the period; a visit of unknown length belongs to the period its start falls in.
  const placed = '((e IS NOT NULL AND s <= $periodEnd AND e >= $periodStart) OR (e IS NULL AND s >= $periodStart AND s <= $periodEnd))';
  const inPeriod = `WHERE ${placed}`;
  const overlap = 'CASE WHEN e IS NULL THEN 0 ELSE (CASE WHEN e < $periodEnd THEN e ELSE $periodEnd END) - (CASE WHEN s > $periodStart THEN s ELSE $periodStart END) + 1 END';
  const stayClass = lines(
    'CASE',
    "  WHEN classDays IS NULL THEN 'UNKNOWN'",
    "  WHEN classDays < $oneMonth THEN 'UNDER_1_MONTH'",
    "  WHEN classDays < $sixMonths THEN 'MONTHS_1_TO_6'",
    "  ELSE 'MONTHS_6_PLUS'",
    'END',
  );

  const flows: Aggregation = {
    body: [
      inPeriod,
      'WITH p, v, weight, fromGroup, toGroup, fromCountry, toCountry, classDays,',
      `  ${overlap} AS overlap`,
    ],
    columns: [
      'fromGroup', 'toGroup', 'fromCountry', 'toCountry', 'v.status AS status',
      'coalesce(v.scheduleChange, $noChange) AS scheduleChange',
      `${stayClass} AS stayClass`,
      'coalesce(p.careerStage, $unknownStage) AS careerStage',
      'count(*) AS stays',
      'sum(overlap * weight) AS personDays',
      'sum(CASE WHEN v.uncertain = true THEN 1 ELSE 0 END) AS uncertain',
    ],
  };

  // Distinct people per (role, group): a person with two stays from one group counts once there.
  // Per-group rows only for known groups (x[2] marks the overall rows, group null).
  const people: Aggregation = {
    body: [
      `WHERE ${placed} AND v.status IN $counted AND ${BETWEEN_GROUPS}`,
      'WITH p, weight, fromGroup, toGroup,',
      '  (fromCountry <> toCountry AND e IS NOT NULL AND v.status <> $inProgress AND e >= $periodStart AND e <= $periodEnd) AS returned',
      "UNWIND [x IN [['OUTBOUND', fromGroup, false], ['OUTBOUND', null, true], ['INBOUND', toGroup, false]]",
      "  + CASE WHEN returned THEN [['RETURNEE', fromGroup, false], ['RETURNEE', null, true]] ELSE [] END",
      '  WHERE x[2] OR x[1] IS NOT NULL] AS roleGroup',
      'WITH DISTINCT p, weight, roleGroup[0] AS role, roleGroup[1] AS grp',
    ],
    columns: ['role', 'grp', 'coalesce(p.careerStage, $unknownStage) AS careerStage', 'sum(weight) AS people'],
  };

  // First evidence looks at every counted cross-border visit up to the period's end, not only at the period.
  const ties: Aggregation = {
    body: [
      'WHERE v.status IN $counted AND fromCountry <> toCountry AND fromGroup IS NOT NULL AND toGroup IS NOT NULL',
      'WITH CASE WHEN fromGroup < toGroup THEN fromGroup ELSE toGroup END AS groupA,',
      '  CASE WHEN fromGroup < toGroup THEN toGroup ELSE fromGroup END AS groupB, s,',
      '  coalesce(v.startLatest, v.startEarliest) AS latest,',
      '  coalesce(v.start, toString(date($epoch) + duration({days: s}))) AS stated',
      // The earliest placed start; on the same day the most precisely known one (memory store: compareEvidence).
      'ORDER BY s, latest, stated',
      'WITH groupA, groupB, collect({s: s, stated: stated})[0] AS first',
      'WHERE first.s >= $periodStart AND first.s <= $periodEnd',
    ],
    columns: ['groupA', 'groupB', 'first.s AS first', 'first.stated AS stated'],
  };

  const facts = lines(
    base,
    `WITH collect({${PLACED_FIELDS.map((f) => `${f}: ${f}`).join(', ')}}) AS placed`,
    collected('flows', flows),
    collected('people', people),
    collected('ties', ties),
    'RETURN flows, people, ties',
  );

  const undated = lines(`MATCH (v:${label('Visit')})`, 'WHERE v.startEarliest IS NULL', 'RETURN count(v) AS undated');

  const limit = Math.max(0, Math.floor(query.timelineLimit ?? 0));
  const timeline =
    limit > 0
      ? lines(
          base,
          inPeriod,
          'WITH p, v, fromGroup, toGroup, fromCountry, toCountry, s, e',
          'ORDER BY s, v.id',
          'WITH collect({',
          '  visit: v.id, person: p.id, fromGroup: fromGroup, toGroup: toGroup, fromCountry: fromCountry, toCountry: toCountry,',
          `  fromInstitution: COLLECT { MATCH (v)-[:${relType('FROM')}]->(i:${label('Institution')}) RETURN i.id AS id ORDER BY id LIMIT 1 }[0],`,
          `  toInstitution: COLLECT { MATCH (v)-[:${relType('TO')}]->(i:${label('Institution')}) RETURN i.id AS id ORDER BY id LIMIT 1 }[0],`,
          '  start: s, end: e, startLatest: coalesce(v.startLatest, v.startEarliest),',
          '  status: v.status, scheduleChange: coalesce(v.scheduleChange, $noChange),',
          '  careerStage: coalesce(p.careerStage, $unknownStage), uncertain: v.uncertain = true',
          '}) AS rows',
          'RETURN size(rows) AS total, rows[0..$limit] AS rows',
        )
      : null;

  return {
    facts: { cypher: facts, params },
    undated: { cypher: undated, params: {} },
    timeline: timeline ? { cypher: timeline, params: { ...params, limit: int(limit) } } : null,
  };
}

/** What placedVisits() leaves in scope for the statements' filters (its last WITH). */
const PLACED_FIELDS = ['p', 'v', 'fromGroup', 'toGroup', 'fromCountry', 'toCountry', 's', 'weight', 'e', 'classDays'] as const;

/** An aggregation over the placed visits, as a subquery returning its rows as one list of maps named `name`. */
function collected(name: string, aggregation: Aggregation): string {
  const names = aggregation.columns.map((c) => c.slice(c.lastIndexOf(' AS ') + 1).replace(/^AS /, ''));
  return lines(
    'CALL (placed) {',
    '  UNWIND placed AS x',
    `  WITH ${PLACED_FIELDS.map((f) => `x.${f} AS ${f}`).join(', ')}`,
    ...aggregation.body.map((l) => `  ${l}`),
    `  WITH ${aggregation.columns.join(', ')}`,
    `  RETURN collect({${names.map((n) => `${n}: ${n}`).join(', ')}}) AS ${name}`,
    '}',
  );
}

/**
 * Every dated visit starting on or before the period's end, with its visitor, its groups at the
 * chosen level and its placement: s (first day), e (last day, null when the length is unknown),
 * classDays (what the stay class is judged on) and weight (the visitor's headcount, 1 unless
 * stated). The trailing WHERE of each statement filters this stream.
 */
function placedVisits(level: GroupLevel): string {
  const [fromGroup, toGroup] = groupExpressions(level);
  const made = relType('MADE');
  const from = relType('FROM');
  const to = relType('TO');
  const locatedIn = relType('LOCATED_IN');
  return lines(
    `MATCH (p:${label('Person')})-[:${made}]->(v:${label('Visit')})`,
    'WHERE v.startEarliest IS NOT NULL AND v.startEarliest <= $periodEndText',
    `MATCH (v)-[:${from}]->(fi:${label('Institution')})-[:${locatedIn}]->(fc:${label('Country')})`,
    `MATCH (v)-[:${to}]->(ti:${label('Institution')})-[:${locatedIn}]->(tc:${label('Country')})`,
    'WITH p, v, fi, ti, fc, tc, fc.code AS fromCountry, tc.code AS toCountry,',
    '  date(v.startEarliest) AS earliest, date(coalesce(v.startLatest, v.startEarliest)) AS latest',
    // A start straddling two fiscal years (a bare calendar year) is placed on 1 April of the later one.
    'WITH p, v, fi, ti, fc, tc, fromCountry, toCountry, earliest,',
    '  CASE WHEN latest.month >= 4 THEN latest.year ELSE latest.year - 1 END AS laterFy,',
    '  CASE WHEN earliest.month >= 4 THEN earliest.year ELSE earliest.year - 1 END AS earlierFy',
    'WITH p, v, fi, ti, fc, tc, fromCountry, toCountry,',
    '  CASE WHEN earlierFy = laterFy THEN earliest ELSE date({year: laterFy, month: 4, day: 1}) END AS placedStart',
    // Groups after placement: a lab membership counts when it holds on the placed start.
    'WITH p, v, fromCountry, toCountry, placedStart,',
    `  ${fromGroup} AS fromGroup,`,
    `  ${toGroup} AS toGroup`,
    'WITH p, v, fromGroup, toGroup, fromCountry, toCountry, placedStart,',
    '  duration.inDays(date($epoch), placedStart).days AS s,',
    '  CASE',
    '    WHEN v.durationDays IS NOT NULL THEN toInteger(floor(v.durationDays + 0.5))',
    '    WHEN v.endLatest IS NOT NULL THEN duration.inDays(placedStart, date(v.endLatest)).days + 1',
    '  END AS rawLength',
    'WITH p, v, fromGroup, toGroup, fromCountry, toCountry, s,',
    '  CASE WHEN rawLength IS NULL THEN null WHEN rawLength < 1 THEN 1 ELSE rawLength END AS length,',
    '  CASE WHEN p.headcount IS NOT NULL AND p.headcount > 0 THEN p.headcount ELSE 1 END AS weight',
    'WITH p, v, fromGroup, toGroup, fromCountry, toCountry, s, weight,',
    '  CASE WHEN length IS NULL THEN null ELSE s + length - 1 END AS e,',
    '  coalesce(v.durationDays, toFloat(length)) AS classDays',
  );
}

/**
 * groupRelation (circulation/facts.ts) in Cypher: a stay between groups — two known groups that
 * differ, or an unknown end (null) across a border.
 */
const BETWEEN_GROUPS = '(CASE WHEN fromGroup IS NULL OR toGroup IS NULL THEN fromCountry <> toCountry ELSE fromGroup <> toGroup END)';

/**
 * Group ids at each level, from a closed switch (never from input): visitEndGroup of
 * domain/groupLevel.ts, spelled in Cypher (the contract suite checks both stores agree).
 * INSTITUTION: the institution, null for a placeholder (unknown, not a group). LAB: the visitor's
 * lab at the home institution and the visit's AT lab, smallest id when several; where no lab is
 * known the institution stands in, and for a placeholder its country. A membership counts when it
 * holds on the visit's placed start (domain/membershipPeriod.ts; HEADS has no bounds, so always).
 */
function groupExpressions(level: GroupLevel): [string, string] {
  const named = (i: string) => `CASE WHEN coalesce(${i}.placeholder, false) THEN null ELSE ${i}.id END`;
  const fallback = (i: string, c: string) => `CASE WHEN coalesce(${i}.placeholder, false) THEN ${c}.id ELSE ${i}.id END`;
  switch (level) {
    case 'COUNTRY':
      return ['fc.id', 'tc.id'];
    case 'INSTITUTION':
      return [named('fi'), named('ti')];
    case 'LAB': {
      const lab = label('Lab');
      const holds = '(m.sinceEarliest IS NULL OR date(m.sinceEarliest) <= placedStart) AND (m.untilLatest IS NULL OR date(m.untilLatest) >= placedStart)';
      const homeLab = `COLLECT { MATCH (p)-[m:${relType('MEMBER_OF')}|${relType('HEADS')}]->(l:${lab})-[:${relType('PART_OF')}]->(fi) WHERE ${holds} RETURN DISTINCT l.id AS id ORDER BY id LIMIT 1 }`;
      const visitedLab = `COLLECT { MATCH (v)-[:${relType('AT')}]->(l:${lab}) RETURN DISTINCT l.id AS id ORDER BY id LIMIT 1 }`;
      return [`coalesce(${homeLab}[0], ${fallback('fi', 'fc')})`, `coalesce(${visitedLab}[0], ${fallback('ti', 'tc')})`];
    }
  }
}

/** The rows of the statements, as run (flows, people, ties: the lists of the `facts` row; timeline null when not asked for). */
export interface CirculationRows {
  flows: Row[];
  people: Row[];
  ties: Row[];
  undated: Row[];
  timeline: Row[] | null;
}

/** The one row of `facts` → its three lists of rows. */
export function splitFactsRow(rows: readonly Row[]): Pick<CirculationRows, 'flows' | 'people' | 'ties'> {
  const row = rows[0] ?? {};
  const list = (name: 'flows' | 'people' | 'ties') => asArray(row[name] ?? [], name).map((r) => asRecord(r, `${name} row`));
  return { flows: list('flows'), people: list('people'), ties: list('ties') };
}

/** Rows → facts, shapes checked; day numbers become ISO dates; the result is in canonical order. */
export function decodeCirculationFacts(rows: CirculationRows): CirculationFacts {
  const flows: FlowFact[] = rows.flows.map((r) => ({
    fromGroup: asNullableString(r.fromGroup, 'fromGroup'),
    toGroup: asNullableString(r.toGroup, 'toGroup'),
    fromCountry: asString(r.fromCountry, 'fromCountry'),
    toCountry: asString(r.toCountry, 'toCountry'),
    status: asString(r.status, 'status') as VisitStatus,
    scheduleChange: asString(r.scheduleChange, 'scheduleChange') as ScheduleChange,
    stayClass: asString(r.stayClass, 'stayClass') as StayClass,
    careerStage: asString(r.careerStage, 'careerStage') as CareerStage,
    stays: asNumber(r.stays, 'stays'),
    personDays: asNumber(r.personDays, 'personDays'),
    uncertain: asNumber(r.uncertain, 'uncertain'),
  }));
  const people: PeopleFact[] = rows.people.map((r) => ({
    role: asString(r.role, 'role') as PeopleRole,
    group: r.grp == null ? null : asString(r.grp, 'grp'),
    careerStage: asString(r.careerStage, 'careerStage') as CareerStage,
    people: asNumber(r.people, 'people'),
  }));
  const newTies: TieFact[] = rows.ties.map((r) => ({
    groupA: asString(r.groupA, 'groupA'),
    groupB: asString(r.groupB, 'groupB'),
    firstEvidence: dayToIso(asNumber(r.first, 'first')),
    firstEvidenceStated: asString(r.stated, 'stated'),
  }));
  const timelineRow = rows.timeline?.[0];
  const timeline: TimelineFact[] = timelineRow
    ? asArray(timelineRow.rows, 'timeline.rows').map((value) => {
        const r = asRecord(value, 'timeline row');
        const end = asNullableNumber(r.end, 'timeline.end');
        return {
          visit: asString(r.visit, 'timeline.visit'),
          person: asString(r.person, 'timeline.person'),
          fromGroup: asNullableString(r.fromGroup, 'timeline.fromGroup'),
          toGroup: asNullableString(r.toGroup, 'timeline.toGroup'),
          fromCountry: asString(r.fromCountry, 'timeline.fromCountry'),
          toCountry: asString(r.toCountry, 'timeline.toCountry'),
          fromInstitution: asString(r.fromInstitution, 'timeline.fromInstitution'),
          toInstitution: asString(r.toInstitution, 'timeline.toInstitution'),
          start: dayToIso(asNumber(r.start, 'timeline.start')),
          end: end === null ? null : dayToIso(end),
          startLatest: asString(r.startLatest, 'timeline.startLatest'),
          status: asString(r.status, 'timeline.status') as VisitStatus,
          scheduleChange: asString(r.scheduleChange, 'timeline.scheduleChange') as ScheduleChange,
          careerStage: asString(r.careerStage, 'timeline.careerStage') as CareerStage,
          uncertain: r.uncertain === true,
        };
      })
    : [];
  return normalizeFacts({
    flows,
    people,
    newTies,
    undated: asNumber(rows.undated[0]?.undated ?? 0, 'undated'),
    timeline,
    timelineTotal: timelineRow ? asNumber(timelineRow.total, 'timeline.total') : countPlaced(flows),
  });
}

/** Without a timeline statement, the number of placed visits is the sum of the flow rows. */
function countPlaced(flows: readonly FlowFact[]): number {
  return flows.reduce((n, f) => n + f.stays, 0);
}

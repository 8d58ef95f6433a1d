import { fiscalYearRange, type DateRange } from '../domain/fiscalYear';
import { resolvedLevelOf } from '../domain/groupLevel';
import { personNameIn } from '../domain/displayName';
import { parsePartialDate } from '../domain/partialDate';
import type { GraphNode } from '../store/graph';
import type { GraphStore } from '../store/port';
import { buildCirculationReport, type BuildOptions, type CirculationReport, type GroupRef, type PersonRef } from './report';

/**
 * The one way to get a circulation report from a store: facts (one port call, aggregated in the
 * store), then the names of the groups and people they mention (one batched nodesByIds), then the
 * pure builder. GraphQL's `circulation` and `kizuna report` both call circulationReport.
 */
export interface CirculationRequest extends BuildOptions {
  /** Visit rows for the report's timeline; GraphQL does not ask for them. */
  timelineLimit?: number;
}

export async function circulationReport(store: GraphStore, request: CirculationRequest): Promise<CirculationReport> {
  const facts = await store.circulationFacts({
    period: request.period,
    groupBy: request.groupBy,
    includePlanned: request.includePlanned,
    timelineLimit: request.timelineLimit,
  });
  const countryOf = new Map<string, string>();
  for (const f of [...facts.flows, ...facts.timeline]) {
    if (f.fromGroup !== null) countryOf.set(f.fromGroup, f.fromCountry);
    if (f.toGroup !== null) countryOf.set(f.toGroup, f.toCountry);
  }
  const groupIds = new Set<string>(countryOf.keys());
  for (const t of facts.newTies) groupIds.add(t.groupA).add(t.groupB);
  for (const t of facts.timeline) {
    groupIds.add(t.fromInstitution).add(t.toInstitution);
    countryOf.set(t.fromInstitution, t.fromCountry);
    countryOf.set(t.toInstitution, t.toCountry);
  }
  const personIds = [...new Set(facts.timeline.map((t) => t.person))];
  const ids = [...groupIds].sort();
  const nodes = await store.nodesByIds([...ids, ...personIds]);
  const groups = new Map<string, GroupRef>();
  const people = new Map<string, PersonRef>();
  nodes.forEach((node, i) => {
    if (!node) return;
    if (i < ids.length) groups.set(node.id, groupRefOf(node, countryOf.get(node.id) ?? null));
    else people.set(node.id, personRefOf(node));
  });
  return buildCirculationReport(facts, request, { groups, people });
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function groupRefOf(node: GraphNode, countryCode: string | null): GroupRef {
  const p = node.props;
  const kind = resolvedLevelOf(node.id);
  return {
    id: node.id,
    kind,
    resolvedLevel: kind,
    name: str(p.name) ?? node.id,
    nameJa: str(p.nameJa),
    shortName: str(p.shortName),
    countryCode: kind === 'COUNTRY' ? str(p.code) : (str(p.country) ?? countryCode),
  };
}

/** A person's names for output: `name` for English, `nameJa` for Japanese (personNameIn). */
export function personRefOf(node: GraphNode): PersonRef {
  const p = node.props;
  const fields = {
    id: node.id,
    name: str(p.name) ?? undefined,
    nameJa: str(p.nameJa) ?? undefined,
    familyName: str(p.familyName) ?? undefined,
    familyNameJa: str(p.familyNameJa) ?? undefined,
    cohort: str(p.cohort) ?? undefined,
    cohortEn: str(p.cohortEn) ?? undefined,
  };
  return { id: node.id, name: personNameIn(fields, 'en'), nameJa: personNameIn(fields, 'ja') };
}

/** A mistake in the period asked for; GraphQL turns it into BAD_USER_INPUT, the CLI into an error line. */
export class PeriodInputError extends Error {
  override name = 'PeriodInputError';
  constructor(
    message: string,
    readonly argumentName: string,
  ) {
    super(message);
  }
}

export const FISCAL_YEAR_BOUNDS = { min: 1900, max: 2100 } as const;

export interface PeriodInput {
  fiscalYear?: number | null;
  from?: string | null;
  to?: string | null;
}

/** Exactly one of a fiscal year or a from/to pair of days (inclusive, from ≤ to). */
export function resolvePeriod(input: PeriodInput): { period: DateRange; fiscalYear: number | null } {
  const hasFy = input.fiscalYear != null;
  const hasRange = input.from != null || input.to != null;
  if (hasFy === hasRange) {
    throw new PeriodInputError('Give exactly one of `fiscalYear` or `from` and `to`', 'fiscalYear');
  }
  if (hasFy) {
    const fy = input.fiscalYear!;
    if (!Number.isInteger(fy) || fy < FISCAL_YEAR_BOUNDS.min || fy > FISCAL_YEAR_BOUNDS.max) {
      throw new PeriodInputError(`\`fiscalYear\` must be a year between ${FISCAL_YEAR_BOUNDS.min} and ${FISCAL_YEAR_BOUNDS.max}`, 'fiscalYear');
    }
    return { period: fiscalYearRange(fy), fiscalYear: fy };
  }
  if (input.from == null || input.to == null) throw new PeriodInputError('`from` and `to` go together: give both', input.from == null ? 'from' : 'to');
  for (const [name, value] of [
    ['from', input.from],
    ['to', input.to],
  ] as const) {
    if (parsePartialDate(value)?.precision !== 'DAY') throw new PeriodInputError(`\`${name}\` must be a day, YYYY-MM-DD`, name);
  }
  if (input.from > input.to) throw new PeriodInputError('`from` must not be after `to`', 'from');
  return { period: { start: input.from, end: input.to }, fiscalYear: null };
}

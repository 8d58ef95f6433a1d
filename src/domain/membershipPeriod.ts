import { parsePartialDate } from './partialDate';

/**
 * When a membership (MEMBER_OF, AFFILIATED_WITH) holds, from its partial `since` and `until`
 * (docs/metrics.md, "Membership in time"): from the first day `since` allows to the last day
 * `until` allows, both included; an unknown bound is open. Ingest stores the two days on the
 * relationship (`sinceEarliest`, `untilLatest`), so both stores compare the same values.
 *
 * A membership counts for a dated tie only when the tie's date falls in its period:
 *  - circulation at LAB level: the visitor's lab at the origin counts when the visit's placed
 *    start falls in the membership (else the institution stands in, as for any unnamed lab);
 *  - shared-lab ties: two members are tied by a lab only when their periods there overlap.
 * Group membership itself (bridges, brokerage, views) is not limited: those measures have no
 * period, and a person who moved between two labs does connect them.
 */
export interface MembershipPeriod {
  /** YYYY-MM-DD, or null when open. */
  sinceEarliest: string | null;
  untilLatest: string | null;
}

export function membershipPeriod(since: string | null | undefined, until: string | null | undefined): MembershipPeriod {
  return {
    sinceEarliest: since ? parsePartialDate(since)?.range.start ?? null : null,
    untilLatest: until ? parsePartialDate(until)?.range.end ?? null : null,
  };
}

/** The membership holds on this day (YYYY-MM-DD). */
export function holdsOn(period: MembershipPeriod, day: string): boolean {
  return (period.sinceEarliest === null || period.sinceEarliest <= day) && (period.untilLatest === null || day <= period.untilLatest);
}

/** Two memberships share at least one day. */
export function periodsOverlap(a: MembershipPeriod, b: MembershipPeriod): boolean {
  const startsBeforeBEnds = a.sinceEarliest === null || b.untilLatest === null || a.sinceEarliest <= b.untilLatest;
  const endsAfterBStarts = a.untilLatest === null || b.sinceEarliest === null || b.sinceEarliest <= a.untilLatest;
  return startsBeforeBEnds && endsAfterBStarts;
}

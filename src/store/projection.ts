import type { CareerStage, PaperStatus, ScheduleChange, VisitStatus } from '../domain/enums';

/**
 * The facts the collaboration analytics are computed from, as plain data that either store
 * returns in one read. Analytics (src/analytics) build their graphology graph from this, so the
 * algorithms exist once, whatever the store.
 */
export interface CollaborationProjection {
  people: ProjectedPerson[];
  labs: ProjectedLab[];
  institutions: ProjectedInstitution[];
  visits: ProjectedVisit[];
  papers: ProjectedPaper[];
}

export interface ProjectedPerson {
  id: string;
  /** Display name (Latin, else Japanese, else cohort label). */
  label: string;
  careerStage: CareerStage;
  placeholder: boolean;
  /** Labs the person is a member or head of, sorted. */
  labs: string[];
  /** Institutions: of those labs, plus direct affiliations, sorted. */
  institutions: string[];
  /**
   * Lab memberships limited in time (since or until stated; domain/membershipPeriod.ts), sorted
   * by lab; a lab not listed here holds without bounds. Absent or empty: none is limited.
   */
  labPeriods?: ProjectedLabPeriod[];
  /**
   * Direct affiliations (AFFILIATED_WITH) with their periods (null bounds: open), sorted by
   * institution. Period views (analytics/periodNetwork.ts) need them apart from lab institutions
   * to drop a lab that no longer holds without dropping an affiliation at the same institution.
   * Absent: the store did not say (then `institutions` is taken as it is, in every period).
   */
  affiliations?: ProjectedAffiliation[];
}

export interface ProjectedAffiliation {
  institution: string;
  sinceEarliest: string | null;
  untilLatest: string | null;
}

export interface ProjectedLabPeriod {
  lab: string;
  sinceEarliest: string | null;
  untilLatest: string | null;
}

export interface ProjectedLab {
  id: string;
  label: string;
  institution: string;
  head: string | null;
}

export interface ProjectedInstitution {
  id: string;
  label: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /**
   * "An institution in <country> that the source does not name": never a group, never evidence
   * of a shared place (domain/groupLevel.ts). Absent means a named institution.
   */
  placeholder?: boolean;
}

export interface ProjectedVisit {
  id: string;
  visitor: string;
  hosts: string[];
  fromInstitution: string;
  toInstitution: string;
  toLab: string | null;
  status: VisitStatus;
  scheduleChange: ScheduleChange;
  /** Earliest day the stay may have started (YYYY-MM-DD), null when unknown. */
  start: string | null;
  /**
   * Latest day the stay may have started (the stated start's last day), null when unknown. With
   * `start` it places the visit (circulation/placement.ts `placedStart`) and says whether an
   * as-of date could fall on either side of its start. Absent: taken as `start`.
   */
  startLatest?: string | null;
  /** Latest day the stay may have ended, null when unknown. */
  end: string | null;
  fiscalYear: number | null;
}

export interface ProjectedPaper {
  id: string;
  authors: string[];
  status: PaperStatus;
  year: number | null;
}

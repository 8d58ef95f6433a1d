/**
 * Closed vocabularies of the domain. They are plain string unions with their value lists so
 * that zod, GraphQL enums and Cypher whitelists are all built from one place.
 */
export const CAREER_STAGES = [
  'PROFESSOR',
  'ASSOCIATE_PROFESSOR',
  'LECTURER',
  'ASSISTANT_PROFESSOR',
  'SENIOR_RESEARCHER',
  'RESEARCHER',
  'POSTDOC',
  'GRADUATE_STUDENT',
  'UNKNOWN',
] as const;
export type CareerStage = (typeof CAREER_STAGES)[number];

/** UNKNOWN is the kind of a placeholder institution ("somewhere in Japan"): the source names only the country. */
export const INSTITUTION_KINDS = ['UNIVERSITY', 'NATIONAL_LAB', 'INSTITUTE', 'COMPANY', 'UNKNOWN'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const MATERIAL_KINDS = ['MATERIAL', 'DEVICE', 'TECHNIQUE', 'FACILITY'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const VISIT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** The legend of the report's chart: grey = postponed to next year, blue = brought forward. */
export const SCHEDULE_CHANGES = ['NONE', 'POSTPONED', 'ADVANCED'] as const;
export type ScheduleChange = (typeof SCHEDULE_CHANGES)[number];

export const PAPER_STATUSES = ['PLANNED', 'IN_PREPARATION', 'SUBMITTED', 'PUBLISHED'] as const;
export type PaperStatus = (typeof PAPER_STATUSES)[number];

export const EVENT_KINDS = ['CONFERENCE', 'WORKSHOP'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Role in the program (not a career stage): PI = 研究代表者, CO_PI = 主たる共同研究者. */
export const PROGRAM_ROLES = ['PI', 'CO_PI', 'MEMBER'] as const;
export type ProgramRole = (typeof PROGRAM_ROLES)[number];

export const VISIT_KINDS = ['STAY', 'SHORT_VISIT', 'INVITATION', 'CONFERENCE'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const GROUP_LEVELS = ['LAB', 'INSTITUTION', 'COUNTRY'] as const;
export type GroupLevel = (typeof GROUP_LEVELS)[number];

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];

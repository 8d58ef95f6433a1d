import { z } from 'zod';
import {
  CAREER_STAGES,
  EVENT_KINDS,
  INSTITUTION_KINDS,
  LANGS,
  MATERIAL_KINDS,
  PAPER_STATUSES,
  PROGRAM_ROLES,
  SCHEDULE_CHANGES,
  VISIT_KINDS,
  VISIT_STATUSES,
} from './enums';
import { DURATION_PATTERN } from './duration';
import { isIdOf, type Label } from './ids';
import { isPartialDate } from './partialDate';

/**
 * The domain records, as the data-set format states them (seed/, `kizuna import`). Each record
 * names the records it points to by id; `ingest/toGraph` turns them into nodes and relationships.
 * These schemas are the one definition of the format: docs/dataset-format.md describes them.
 */
const idOf = (label: Label) =>
  z.string().refine((id) => isIdOf(label, id), { message: `must be a ${label} id (e.g. "${label.toLowerCase()}:some-name")` });

const partialDate = z
  .string()
  .refine(isPartialDate, { message: 'must be a partial date: YYYY, YYYY-MM, YYYY-MM-DD or FYYYYY' });

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

/**
 * Provenance of one record: a bare source id, or a citation that records what that source says
 * about one field. Conflicting readings are kept side by side; `canonical` marks the one chosen.
 */
export const citationSchema = z.union([
  idOf('Source'),
  z.strictObject({
    source: idOf('Source'),
    field: z.string().min(1).optional(),
    reading: z.string().min(1).optional(),
    canonical: z.boolean().optional(),
    note: z.string().optional(),
  }),
]);
export type Citation = z.infer<typeof citationSchema>;

const cited = { sources: z.array(citationSchema).min(1, 'every record needs at least one source') };
const names = { name: z.string().min(1), nameJa: z.string().min(1).optional() };

export const sourceSchema = z.strictObject({
  id: idOf('Source'),
  document: z.string().min(1),
  section: z.string().min(1),
  quote: z.string().min(1),
  lang: z.enum(LANGS),
});

export const countrySchema = z.strictObject({ id: idOf('Country'), code: countryCode, ...names, ...cited });

export const institutionSchema = z.strictObject({
  id: idOf('Institution'),
  ...names,
  shortName: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).default([]),
  country: countryCode,
  kind: z.enum(INSTITUTION_KINDS),
  /**
   * An institution the source does not name ("来日": came to Japan, host institution unstated).
   * Visits point at the country's placeholder rather than at a guessed institution; a probable
   * institution, if any, is kept as a non-canonical citation reading.
   */
  placeholder: z.boolean().default(false),
  ...cited,
});

export const labSchema = z.strictObject({
  id: idOf('Lab'),
  ...names,
  institution: idOf('Institution'),
  head: idOf('Person').optional(),
  ...cited,
});

export const membershipSchema = z
  .strictObject({
    lab: idOf('Lab').optional(),
    institution: idOf('Institution').optional(),
    role: z.string().min(1).optional(),
    roleJa: z.string().min(1).optional(),
    department: z.string().min(1).optional(),
    since: partialDate.optional(),
    until: partialDate.optional(),
  })
  .refine((m) => Boolean(m.lab) !== Boolean(m.institution), { message: 'a membership names a lab or an institution, not both' });

export const personSchema = z.strictObject({
  id: idOf('Person'),
  /** Latin full name where the source gives it; absent when only the family name is known. */
  name: z.string().min(1).optional(),
  nameJa: z.string().min(1).optional(),
  familyName: z.string().min(1).optional(),
  familyNameJa: z.string().min(1).optional(),
  title: z.string().min(1).optional(),
  careerStage: z.enum(CAREER_STAGES),
  programRole: z.enum(PROGRAM_ROLES).optional(),
  /** An unnamed person ("an Osaka University graduate student"): kept, never merged by guess. */
  placeholder: z.boolean().default(false),
  /** What a placeholder stands for, in the source's words (Japanese for the seed). */
  cohort: z.string().min(1).optional(),
  /** The same label in English, for English output (reports, Latin display); `cohort` is kept beside it. */
  cohortEn: z.string().min(1).optional(),
  /** How many people a placeholder stands for, when the source says; absent when it does not. */
  headcount: z.number().int().positive().optional(),
  orcid: z.string().regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/).optional(),
  memberships: z.array(membershipSchema).default([]),
  ...cited,
});

export const themeSchema = z.strictObject({
  id: idOf('Theme'),
  ...names,
  leads: z.array(idOf('Person')).default([]),
  members: z.array(idOf('Person')).default([]),
  ...cited,
});

export const materialSchema = z.strictObject({
  id: idOf('Material'),
  ...names,
  kind: z.enum(MATERIAL_KINDS),
  owner: idOf('Institution').optional(),
  themes: z.array(idOf('Theme')).default([]),
  ...cited,
});

export const eventSchema = z.strictObject({
  id: idOf('Event'),
  ...names,
  kind: z.enum(EVENT_KINDS),
  status: z.enum(VISIT_STATUSES),
  place: z.string().min(1).optional(),
  country: countryCode.optional(),
  start: partialDate.optional(),
  end: partialDate.optional(),
  ...cited,
});

export const visitSchema = z.strictObject({
  id: idOf('Visit'),
  visitor: idOf('Person'),
  from: idOf('Institution'),
  to: idOf('Institution'),
  lab: idOf('Lab').optional(),
  hosts: z.array(idOf('Person')).default([]),
  kind: z.enum(VISIT_KINDS),
  status: z.enum(VISIT_STATUSES),
  scheduleChange: z.enum(SCHEDULE_CHANGES).default('NONE'),
  start: partialDate.optional(),
  end: partialDate.optional(),
  /** Length as stated, ISO 8601 of one unit: P3M, P1Y, P2W, P10D. */
  duration: z.string().regex(DURATION_PATTERN, 'must be an ISO 8601 duration of one unit, e.g. P3M').optional(),
  /** The length in the source's words when it is vague ("数ヶ月", "長期滞在"). */
  durationText: z.string().min(1).optional(),
  purpose: z.string().min(1),
  purposeJa: z.string().min(1).optional(),
  themes: z.array(idOf('Theme')).default([]),
  materials: z.array(idOf('Material')).default([]),
  event: idOf('Event').optional(),
  /** Visits made together (a group trip) share a trip key. */
  trip: z.string().min(1).optional(),
  ...cited,
});

export const paperSchema = z.strictObject({
  id: idOf('Paper'),
  title: z.string().min(1),
  titleJa: z.string().min(1).optional(),
  status: z.enum(PAPER_STATUSES),
  year: z.number().int().min(1900).max(2100).optional(),
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/).optional(),
  authors: z.array(idOf('Person')).min(1),
  themes: z.array(idOf('Theme')).default([]),
  ...cited,
});

export const transferSchema = z.strictObject({
  id: idOf('Transfer'),
  material: idOf('Material'),
  from: idOf('Institution'),
  to: z.array(idOf('Institution')).min(1),
  /** People or groups (placeholder people) who received it, when the source names them rather than an institution. */
  recipients: z.array(idOf('Person')).default([]),
  date: partialDate.optional(),
  status: z.enum(VISIT_STATUSES),
  description: z.string().min(1).optional(),
  ...cited,
});

export const datasetSchema = z.strictObject({
  format: z.literal('kizuna-dataset'),
  version: z.literal(1),
  meta: z.strictObject({
    title: z.string().min(1),
    description: z.string().optional(),
    documents: z.array(z.strictObject({ id: z.string().min(1), title: z.string().min(1), lang: z.enum(LANGS) })).default([]),
  }),
  sources: z.array(sourceSchema).default([]),
  countries: z.array(countrySchema).default([]),
  institutions: z.array(institutionSchema).default([]),
  labs: z.array(labSchema).default([]),
  people: z.array(personSchema).default([]),
  themes: z.array(themeSchema).default([]),
  materials: z.array(materialSchema).default([]),
  events: z.array(eventSchema).default([]),
  visits: z.array(visitSchema).default([]),
  papers: z.array(paperSchema).default([]),
  transfers: z.array(transferSchema).default([]),
});

export type SourceRecord = z.infer<typeof sourceSchema>;
export type CountryRecord = z.infer<typeof countrySchema>;
export type InstitutionRecord = z.infer<typeof institutionSchema>;
export type LabRecord = z.infer<typeof labSchema>;
export type MembershipRecord = z.infer<typeof membershipSchema>;
export type PersonRecord = z.infer<typeof personSchema>;
export type ThemeRecord = z.infer<typeof themeSchema>;
export type MaterialRecord = z.infer<typeof materialSchema>;
export type EventRecord = z.infer<typeof eventSchema>;
export type VisitRecord = z.infer<typeof visitSchema>;
export type PaperRecord = z.infer<typeof paperSchema>;
export type TransferRecord = z.infer<typeof transferSchema>;
export type Dataset = z.infer<typeof datasetSchema>;
/** What a data-set file may omit (defaults are filled in by parsing). */
export type DatasetInput = z.input<typeof datasetSchema>;

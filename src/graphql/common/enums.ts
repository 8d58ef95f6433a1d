import { registerEnumType } from 'type-graphql';
import {
  CAREER_STAGES,
  EVENT_KINDS,
  GROUP_LEVELS,
  INSTITUTION_KINDS,
  MATERIAL_KINDS,
  PAPER_STATUSES,
  PROGRAM_ROLES,
  SCHEDULE_CHANGES,
  VISIT_KINDS,
  VISIT_STATUSES,
} from '../../domain/enums';

/**
 * GraphQL enums made from the domain's value lists, so the schema can never drift from the
 * vocabulary the data set is validated against.
 */
function enumObject<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const CareerStageEnum = enumObject(CAREER_STAGES);
export const InstitutionKindEnum = enumObject(INSTITUTION_KINDS);
export const MaterialKindEnum = enumObject(MATERIAL_KINDS);
export const VisitStatusEnum = enumObject(VISIT_STATUSES);
export const ScheduleChangeEnum = enumObject(SCHEDULE_CHANGES);
export const PaperStatusEnum = enumObject(PAPER_STATUSES);
export const EventKindEnum = enumObject(EVENT_KINDS);
export const ProgramRoleEnum = enumObject(PROGRAM_ROLES);
export const VisitKindEnum = enumObject(VISIT_KINDS);
export const GroupLevelEnum = enumObject(GROUP_LEVELS);
export const SortDirectionEnum = enumObject(['ASC', 'DESC'] as const);

registerEnumType(CareerStageEnum, { name: 'CareerStage', description: 'Career stage as the source states it; UNKNOWN when it does not ("Dr." is a title, not a stage).' });
registerEnumType(InstitutionKindEnum, { name: 'InstitutionKind' });
registerEnumType(MaterialKindEnum, { name: 'MaterialKind', description: 'What moves between labs: a material, a device, a technique or access to a facility.' });
registerEnumType(VisitStatusEnum, { name: 'VisitStatus' });
registerEnumType(ScheduleChangeEnum, { name: 'ScheduleChange', description: 'POSTPONED to the next fiscal year (grey in the report chart) or ADVANCED into this one (blue).' });
registerEnumType(PaperStatusEnum, { name: 'PaperStatus' });
registerEnumType(EventKindEnum, { name: 'EventKind' });
registerEnumType(ProgramRoleEnum, { name: 'ProgramRole', description: 'PI = 研究代表者, CO_PI = 主たる共同研究者.' });
registerEnumType(VisitKindEnum, { name: 'VisitKind' });
registerEnumType(GroupLevelEnum, { name: 'GroupLevel', description: 'The grouping used by network and circulation measures.' });
registerEnumType(SortDirectionEnum, { name: 'SortDirection' });

import { CAREER_STAGES, type CareerStage } from './enums';

/**
 * Who counts as early-career. The program's default: graduate students, postdocs, assistant
 * professors (助教) and lecturers (講師). It is a rule object rather than scattered ifs so that a
 * funder with another definition changes one setting (KIZUNA_EARLY_CAREER_STAGES).
 */
export interface EarlyCareerRule {
  stages: ReadonlySet<CareerStage>;
}

export const DEFAULT_EARLY_CAREER_STAGES: readonly CareerStage[] = [
  'GRADUATE_STUDENT',
  'POSTDOC',
  'ASSISTANT_PROFESSOR',
  'LECTURER',
];

export const DEFAULT_EARLY_CAREER_RULE: EarlyCareerRule = { stages: new Set(DEFAULT_EARLY_CAREER_STAGES) };

/** true / false, or null when the stage is UNKNOWN: an unknown stage is never guessed either way. */
export function isEarlyCareer(stage: CareerStage, rule: EarlyCareerRule = DEFAULT_EARLY_CAREER_RULE): boolean | null {
  if (stage === 'UNKNOWN') return null;
  return rule.stages.has(stage);
}

/** Builds a rule from a comma list such as "GRADUATE_STUDENT,POSTDOC"; throws on unknown stages. */
export function parseEarlyCareerRule(list: string): EarlyCareerRule {
  const stages = list
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = stages.filter((s) => !(CAREER_STAGES as readonly string[]).includes(s) || s === 'UNKNOWN');
  if (unknown.length > 0) {
    throw new RangeError(`Unknown career stage(s) in early-career rule: ${unknown.join(', ')}`);
  }
  return { stages: new Set(stages as CareerStage[]) };
}

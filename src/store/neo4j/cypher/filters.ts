import type { CareerStage } from '../../../domain/enums';
import type { InstitutionWhere, LabWhere, MaterialWhere, NodeFilter, PaperWhere, PersonWhere, VisitWhere } from '../../port';

/**
 * WHERE conditions for `page()`, per label, on the node variable `n`. Each filter field adds one
 * condition; relationship paths are EXISTS subqueries so a node matched by two paths is still
 * counted once. Values go through `param()`, which names them and returns the placeholder.
 */
export class Conditions {
  readonly list: string[] = [];
  readonly params: Record<string, unknown> = {};

  param(name: string, value: unknown): string {
    this.params[name] = value;
    return `$${name}`;
  }

  add(condition: string): void {
    this.list.push(condition);
  }

  /** `WHERE a AND b`, or nothing when no condition was added. */
  where(): string {
    return this.list.length ? `WHERE ${this.list.map((c) => `(${c})`).join(' AND ')}` : '';
  }
}

export function filterConditions(filter: NodeFilter): Conditions {
  const c = new Conditions();
  switch (filter.label) {
    case 'Person':
      personConditions(c, filter.where ?? {});
      break;
    case 'Visit':
      visitConditions(c, filter.where ?? {});
      break;
    case 'Institution':
      institutionConditions(c, filter.where ?? {});
      break;
    case 'Lab':
      labConditions(c, filter.where ?? {});
      break;
    case 'Paper':
      paperConditions(c, filter.where ?? {});
      break;
    case 'Material':
      materialConditions(c, filter.where ?? {});
      break;
    default:
      break;
  }
  return c;
}

/**
 * The stage list of an earlyCareer filter. The caller passes the configured rule's stages; when it
 * does not, no stage counts as early-career (as in the memory store): the store never guesses a rule.
 */
function stagesOf(where: { earlyCareerStages?: CareerStage[] }): readonly CareerStage[] {
  return where.earlyCareerStages ?? [];
}

/**
 * Early career on a person variable: true → stage in the list; false → stage not in the list
 * and known (an UNKNOWN stage is never counted on either side, see domain/earlyCareer).
 */
function earlyCareerCondition(c: Conditions, person: string, early: boolean, stages: readonly CareerStage[]): string {
  const list = c.param('earlyCareerStages', stages);
  if (early) return `${person}.careerStage IN ${list}`;
  return `NOT ${person}.careerStage IN ${list} AND ${person}.careerStage <> ${c.param('unknownStage', 'UNKNOWN')}`;
}

/** A person's institutions: through a lab they are a member or head of, or a direct affiliation. */
function personInstitutionCondition(institution: string): string {
  return (
    `EXISTS { (n)-[:MEMBER_OF|HEADS]->(:Lab)-[:PART_OF]->(:Institution {id: ${institution}}) } ` +
    `OR EXISTS { (n)-[:AFFILIATED_WITH]->(:Institution {id: ${institution}}) }`
  );
}

/**
 * Country filters read the institution's own `country` code, which ingest also draws LOCATED_IN
 * from (toGraph; the write path writes records through it), so it names the same country as the
 * memory store's LOCATED_IN walk with one hop less per candidate: the FY visits page by country
 * pair went from 79k to 37k db hits and about half the time.
 */
function personCountryCondition(country: string): string {
  return (
    `EXISTS { MATCH (n)-[:MEMBER_OF|HEADS]->(:Lab)-[:PART_OF]->(i:Institution) WHERE i.country = ${country} } ` +
    `OR EXISTS { MATCH (n)-[:AFFILIATED_WITH]->(i:Institution) WHERE i.country = ${country} }`
  );
}

function personConditions(c: Conditions, w: PersonWhere): void {
  if (w.careerStages) c.add(`n.careerStage IN ${c.param('careerStages', w.careerStages)}`);
  if (w.earlyCareer != null) c.add(earlyCareerCondition(c, 'n', w.earlyCareer, stagesOf(w)));
  if (w.programRole != null) c.add(`n.programRole = ${c.param('programRole', w.programRole)}`);
  // An absent flag means "not a placeholder", as in the data-set format's default.
  if (w.placeholder != null) c.add(`coalesce(n.placeholder, false) = ${c.param('placeholder', w.placeholder)}`);
  if (w.institution != null) c.add(personInstitutionCondition(c.param('institution', w.institution)));
  if (w.lab != null) c.add(`EXISTS { (n)-[:MEMBER_OF|HEADS]->(:Lab {id: ${c.param('lab', w.lab)}}) }`);
  if (w.country != null) c.add(personCountryCondition(c.param('country', w.country)));
}

function visitConditions(c: Conditions, w: VisitWhere): void {
  if (w.status) c.add(`n.status IN ${c.param('status', w.status)}`);
  if (w.fiscalYear != null) c.add(`n.fiscalYear = ${c.param('fiscalYear', w.fiscalYear)}`);
  if (w.fromCountry != null) {
    c.add(`EXISTS { MATCH (n)-[:FROM]->(i:Institution) WHERE i.country = ${c.param('fromCountry', w.fromCountry)} }`);
  }
  if (w.toCountry != null) {
    c.add(`EXISTS { MATCH (n)-[:TO]->(i:Institution) WHERE i.country = ${c.param('toCountry', w.toCountry)} }`);
  }
  if (w.earlyCareer != null) {
    c.add(`EXISTS { MATCH (v:Person)-[:MADE]->(n) WHERE ${earlyCareerCondition(c, 'v', w.earlyCareer, stagesOf(w))} }`);
  }
  if (w.person != null) c.add(`EXISTS { (:Person {id: ${c.param('person', w.person)}})-[:MADE]->(n) }`);
}

function institutionConditions(c: Conditions, w: InstitutionWhere): void {
  // The node's own `country` code (ingest also draws LOCATED_IN from it), as the memory store reads it.
  if (w.country != null) c.add(`n.country = ${c.param('country', w.country)}`);
  if (w.kind != null) c.add(`n.kind = ${c.param('kind', w.kind)}`);
}

function labConditions(c: Conditions, w: LabWhere): void {
  if (w.institution != null) c.add(`EXISTS { (n)-[:PART_OF]->(:Institution {id: ${c.param('institution', w.institution)}}) }`);
  if (w.country != null) {
    c.add(`EXISTS { (n)-[:PART_OF]->(:Institution)-[:LOCATED_IN]->(:Country {code: ${c.param('country', w.country)}}) }`);
  }
}

function paperConditions(c: Conditions, w: PaperWhere): void {
  if (w.status) c.add(`n.status IN ${c.param('status', w.status)}`);
}

function materialConditions(c: Conditions, w: MaterialWhere): void {
  if (w.kind != null) c.add(`n.kind = ${c.param('kind', w.kind)}`);
}

import type { CareerStage, PaperStatus, VisitStatus } from '../../domain/enums';
import type { GraphNode } from '../graph';
import type { InstitutionWhere, LabWhere, MaterialWhere, NodeFilter, PaperWhere, PersonWhere, VisitWhere } from '../port';
import type { MemoryStore } from './memoryStore';

/**
 * The embedded store's filters: the JavaScript twin of the Cypher in store/neo4j/cypher/page.ts.
 * The contract suite checks that both return the same pages.
 */
export function matchesFilter(store: MemoryStore, node: GraphNode, filter: NodeFilter): boolean {
  switch (filter.label) {
    case 'Person':
      return personMatches(store, node, filter.where ?? {});
    case 'Visit':
      return visitMatches(store, node, filter.where ?? {});
    case 'Institution':
      return institutionMatches(node, filter.where ?? {});
    case 'Lab':
      return labMatches(store, node, filter.where ?? {});
    case 'Paper':
      return paperMatches(node, filter.where ?? {});
    case 'Material':
      return materialMatches(node, filter.where ?? {});
    default:
      return true;
  }
}

const ids = (store: MemoryStore, id: string, rel: Parameters<MemoryStore['neighboursOf']>[1], dir: 'OUT' | 'IN') =>
  store.neighboursOf(id, rel, dir).map((n) => n.node.id);

function institutionsOfPerson(store: MemoryStore, personId: string): string[] {
  const viaLabs = labsOfPerson(store, personId).flatMap((lab) => ids(store, lab, 'PART_OF', 'OUT'));
  return [...viaLabs, ...ids(store, personId, 'AFFILIATED_WITH', 'OUT')];
}

function labsOfPerson(store: MemoryStore, personId: string): string[] {
  return [...ids(store, personId, 'MEMBER_OF', 'OUT'), ...ids(store, personId, 'HEADS', 'OUT')];
}

function countryOfInstitution(store: MemoryStore, institutionId: string): string | undefined {
  return store.neighboursOf(institutionId, 'LOCATED_IN', 'OUT')[0]?.node.props.code as string | undefined;
}

export function earlyCareerMatches(stage: CareerStage, wanted: boolean, stages: readonly CareerStage[] = []): boolean {
  if (stage === 'UNKNOWN') return false;
  return stages.includes(stage) === wanted;
}

function personMatches(store: MemoryStore, node: GraphNode, w: PersonWhere): boolean {
  const stage = node.props.careerStage as CareerStage;
  if (w.careerStages && !w.careerStages.includes(stage)) return false;
  if (w.earlyCareer != null && !earlyCareerMatches(stage, w.earlyCareer, w.earlyCareerStages)) return false;
  if (w.programRole && node.props.programRole !== w.programRole) return false;
  if (w.placeholder != null && Boolean(node.props.placeholder) !== w.placeholder) return false;
  if (w.lab && !labsOfPerson(store, node.id).includes(w.lab)) return false;
  const institutions = w.institution || w.country ? institutionsOfPerson(store, node.id) : [];
  if (w.institution && !institutions.includes(w.institution)) return false;
  if (w.country && !institutions.some((i) => countryOfInstitution(store, i) === w.country)) return false;
  return true;
}

function visitMatches(store: MemoryStore, node: GraphNode, w: VisitWhere): boolean {
  if (w.status && !w.status.includes(node.props.status as VisitStatus)) return false;
  if (w.fiscalYear != null && node.props.fiscalYear !== w.fiscalYear) return false;
  if (w.fromCountry && !ids(store, node.id, 'FROM', 'OUT').some((i) => countryOfInstitution(store, i) === w.fromCountry)) return false;
  if (w.toCountry && !ids(store, node.id, 'TO', 'OUT').some((i) => countryOfInstitution(store, i) === w.toCountry)) return false;
  const visitor = store.neighboursOf(node.id, 'MADE', 'IN')[0]?.node;
  if (w.person && visitor?.id !== w.person) return false;
  if (w.earlyCareer != null && !(visitor && earlyCareerMatches(visitor.props.careerStage as CareerStage, w.earlyCareer, w.earlyCareerStages))) return false;
  return true;
}

function institutionMatches(node: GraphNode, w: InstitutionWhere): boolean {
  if (w.country && node.props.country !== w.country) return false;
  if (w.kind && node.props.kind !== w.kind) return false;
  return true;
}

function labMatches(store: MemoryStore, node: GraphNode, w: LabWhere): boolean {
  const institution = ids(store, node.id, 'PART_OF', 'OUT')[0];
  if (w.institution && institution !== w.institution) return false;
  if (w.country && (!institution || countryOfInstitution(store, institution) !== w.country)) return false;
  return true;
}

function paperMatches(node: GraphNode, w: PaperWhere): boolean {
  return !w.status || w.status.includes(node.props.status as PaperStatus);
}

function materialMatches(node: GraphNode, w: MaterialWhere): boolean {
  return !w.kind || node.props.kind === w.kind;
}

import type { CareerStage, PaperStatus, ScheduleChange, VisitStatus } from '../../domain/enums';
import type { CollaborationProjection, ProjectedPerson, ProjectedVisit } from '../projection';
import type { MemoryStore } from './memoryStore';

/** The embedded store's projection; every list sorted by id, as the Cypher version sorts them. */
export function buildProjection(store: MemoryStore): CollaborationProjection {
  const byId = <T extends { id: string }>(items: T[]) => items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const one = (id: string, rel: Parameters<MemoryStore['neighboursOf']>[1], dir: 'OUT' | 'IN') => store.neighboursOf(id, rel, dir).map((n) => n.node);
  const ids = (id: string, rel: Parameters<MemoryStore['neighboursOf']>[1], dir: 'OUT' | 'IN') => one(id, rel, dir).map((n) => n.id).sort();

  const people: ProjectedPerson[] = store.nodesWithLabel('Person').map((p) => {
    const labs = [...new Set([...ids(p.id, 'MEMBER_OF', 'OUT'), ...ids(p.id, 'HEADS', 'OUT')])].sort();
    const institutions = new Set([...labs.flatMap((l) => ids(l, 'PART_OF', 'OUT')), ...ids(p.id, 'AFFILIATED_WITH', 'OUT')]);
    const day = (v: unknown) => (typeof v === 'string' ? v : null);
    const labPeriods = store
      .neighboursOf(p.id, 'MEMBER_OF', 'OUT')
      .map((n) => ({ lab: n.node.id, sinceEarliest: day(n.rel.sinceEarliest), untilLatest: day(n.rel.untilLatest) }))
      .filter((m) => m.sinceEarliest !== null || m.untilLatest !== null)
      .sort((a, b) => (a.lab < b.lab ? -1 : a.lab > b.lab ? 1 : 0));
    const affiliations = store
      .neighboursOf(p.id, 'AFFILIATED_WITH', 'OUT')
      .map((n) => ({ institution: n.node.id, sinceEarliest: day(n.rel.sinceEarliest), untilLatest: day(n.rel.untilLatest) }))
      .sort((a, b) => (a.institution < b.institution ? -1 : a.institution > b.institution ? 1 : 0));
    return {
      id: p.id,
      label: String(p.props.displayName ?? p.id),
      careerStage: p.props.careerStage as CareerStage,
      placeholder: Boolean(p.props.placeholder),
      labs,
      institutions: [...institutions].sort(),
      labPeriods,
      affiliations,
    };
  });
  const labs = store.nodesWithLabel('Lab').map((l) => ({
    id: l.id,
    label: String(l.props.name),
    institution: ids(l.id, 'PART_OF', 'OUT')[0],
    head: ids(l.id, 'HEADS', 'IN')[0] ?? null,
  }));
  const institutions = store.nodesWithLabel('Institution').map((i) => ({
    id: i.id,
    label: String(i.props.name),
    country: String(i.props.country),
    placeholder: i.props.placeholder === true,
  }));
  const visits: ProjectedVisit[] = store.nodesWithLabel('Visit').map((v) => ({
    id: v.id,
    visitor: ids(v.id, 'MADE', 'IN')[0],
    hosts: ids(v.id, 'HOSTED_BY', 'OUT'),
    fromInstitution: ids(v.id, 'FROM', 'OUT')[0],
    toInstitution: ids(v.id, 'TO', 'OUT')[0],
    toLab: ids(v.id, 'AT', 'OUT')[0] ?? null,
    status: v.props.status as VisitStatus,
    scheduleChange: v.props.scheduleChange as ScheduleChange,
    start: (v.props.startEarliest as string | undefined) ?? null,
    startLatest: (v.props.startLatest as string | undefined) ?? null,
    end: (v.props.endLatest as string | undefined) ?? null,
    fiscalYear: (v.props.fiscalYear as number | undefined) ?? null,
  }));
  const papers = store.nodesWithLabel('Paper').map((p) => ({
    id: p.id,
    authors: store
      .neighboursOf(p.id, 'AUTHORED', 'IN')
      .sort((a, b) => Number(a.rel.position ?? 0) - Number(b.rel.position ?? 0))
      .map((n) => n.node.id),
    status: p.props.status as PaperStatus,
    year: (p.props.year as number | undefined) ?? null,
  }));
  return { people: byId(people), labs: byId(labs), institutions: byId(institutions), visits: byId(visits), papers: byId(papers) };
}

import { lines, type CypherQuery } from './types';

/**
 * Everything the collaboration analytics need, as five statements run in one read transaction
 * (one snapshot), each streaming one row per record. One row holding five lists of 100k maps
 * made the server build, and the driver unpack, a single huge value (13 s at 100k people);
 * rows stream and decode as they arrive. Each fact is read with a pattern comprehension on the
 * node at hand. Lists of ids come back unordered and are de-duplicated and sorted when decoded
 * (projectionRows.ts), in JS, with the memory store's comparator, so both stores' projections
 * compare equal; a single-valued fact (a visit's visitor, a lab's head) comes back as a list too
 * and the decoder takes its smallest id, so even inconsistent data projects deterministically.
 * Only paper authors keep the database's order, by AUTHORED.position.
 */
export interface ProjectionQueries {
  people: CypherQuery;
  labs: CypherQuery;
  institutions: CypherQuery;
  visits: CypherQuery;
  papers: CypherQuery;
}

const row = (...parts: string[]): CypherQuery => ({ cypher: lines(...parts), params: {} });

export function projectionQueries(): ProjectionQueries {
  return {
    people: row(
      'MATCH (p:Person)',
      'RETURN {',
      '  id: p.id, label: coalesce(p.displayName, p.id), careerStage: p.careerStage,',
      '  placeholder: coalesce(p.placeholder, false),',
      '  labs: [(p)-[:MEMBER_OF|HEADS]->(l:Lab) | l.id],',
      '  institutions: [(p)-[:MEMBER_OF|HEADS]->(:Lab)-[:PART_OF]->(i:Institution) | i.id]',
      '    + [(p)-[:AFFILIATED_WITH]->(i:Institution) | i.id],',
      '  labPeriods: [(p)-[m:MEMBER_OF]->(l:Lab) WHERE m.sinceEarliest IS NOT NULL OR m.untilLatest IS NOT NULL',
      '    | {lab: l.id, sinceEarliest: m.sinceEarliest, untilLatest: m.untilLatest}],',
      '  affiliations: [(p)-[a:AFFILIATED_WITH]->(i:Institution) | {institution: i.id, sinceEarliest: a.sinceEarliest, untilLatest: a.untilLatest}]',
      '} AS row',
    ),
    labs: row(
      'MATCH (l:Lab)',
      'RETURN {',
      '  id: l.id, label: coalesce(l.name, l.id),',
      '  institutions: [(l)-[:PART_OF]->(i:Institution) | i.id],',
      '  heads: [(h:Person)-[:HEADS]->(l) | h.id]',
      '} AS row',
    ),
    institutions: row(
      'MATCH (i:Institution)',
      'RETURN {id: i.id, label: coalesce(i.name, i.id), country: i.country, placeholder: coalesce(i.placeholder, false)} AS row',
    ),
    visits: row(
      'MATCH (v:Visit)',
      'RETURN {',
      '  id: v.id,',
      '  visitors: [(p:Person)-[:MADE]->(v) | p.id],',
      '  hosts: [(v)-[:HOSTED_BY]->(h:Person) | h.id],',
      '  fromInstitutions: [(v)-[:FROM]->(i:Institution) | i.id],',
      '  toInstitutions: [(v)-[:TO]->(i:Institution) | i.id],',
      '  toLabs: [(v)-[:AT]->(l:Lab) | l.id],',
      '  status: v.status, scheduleChange: v.scheduleChange,',
      '  start: v.startEarliest, startLatest: v.startLatest, end: v.endLatest, fiscalYear: v.fiscalYear',
      '} AS row',
    ),
    papers: row(
      'MATCH (p:Paper)',
      'RETURN {',
      '  id: p.id, status: p.status, year: p.year,',
      '  authors: COLLECT { MATCH (a:Person)-[r:AUTHORED]->(p) RETURN a.id ORDER BY r.position, a.id }',
      '} AS row',
    ),
  };
}

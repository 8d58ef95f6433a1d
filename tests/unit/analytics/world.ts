import type { CollaborationProjection, ProjectedPerson, ProjectedVisit } from '../../../src/store/projection';

/**
 * A small hand-made world for the analytics tests (ties worked out by hand in the comments):
 *
 *   institutions  kyoto (JP), osaka (JP), nott (GB), giessen (DE)
 *   labs          kyoto-a (head ka), kyoto-b (head kb), nott (head na), giessen (head ga)
 *   people        ka, ks1 (grad), ks2 (postdoc)            in kyoto-a
 *                 kb, kbs (assistant prof.)                in kyoto-b
 *                 na, nd (postdoc)                          in nott
 *                 ga, gs (grad)                             in giessen
 *                 dual (lecturer)                           in kyoto-b and nott
 *                 free (stage unknown)                      affiliated with osaka, no lab
 *                 iso (grad)                                no affiliation, no tie
 *   visits        v1 ks1 → nott lab, host nd, done          ties ks1–nd, ks1–na (head)
 *                 v2 ks1 → giessen lab, no host, done       tie ks1–ga (head)
 *                 v3 gs → kyoto-a, host ka, PLANNED         tie gs–ka only with includePlanned
 *                 v4 kbs → nott, host nd, CANCELLED         never a tie
 *                 v5 ks2 → osaka, host free, in progress    tie ks2–free (no end date)
 *                 v6 ks1 → nott lab, host nd, done          second visit on ks1–nd
 *   papers        a1 [ks1, nd, ga] published                ties ks1–nd, ks1–ga, nd–ga
 *                 a2 [kb, kbs] PLANNED                      only with includePlanned
 *                 a3 [ka, ks2] in preparation               tie ka–ks2
 */
const P = (local: string, careerStage: ProjectedPerson['careerStage'], labs: string[], institutions: string[], label?: string): ProjectedPerson => ({
  id: `person:${local}`,
  label: label ?? local.toUpperCase(),
  careerStage,
  placeholder: false,
  labs: labs.map((l) => `lab:${l}`),
  institutions: institutions.map((i) => `institution:${i}`),
});

const V = (
  local: string,
  visitor: string,
  to: string,
  toLab: string | null,
  hosts: string[],
  status: ProjectedVisit['status'],
  start: string | null,
  end: string | null,
): ProjectedVisit => ({
  id: `visit:${local}`,
  visitor: `person:${visitor}`,
  hosts: hosts.map((h) => `person:${h}`),
  fromInstitution: 'institution:kyoto',
  toInstitution: `institution:${to}`,
  toLab: toLab ? `lab:${toLab}` : null,
  status,
  scheduleChange: 'NONE',
  start,
  end,
  fiscalYear: start ? 2024 : null,
});

export function smallWorld(): CollaborationProjection {
  return {
    institutions: [
      { id: 'institution:kyoto', label: 'Kyoto University', country: 'JP' },
      { id: 'institution:osaka', label: 'Osaka University', country: 'JP' },
      { id: 'institution:nott', label: 'University of Nottingham', country: 'GB' },
      { id: 'institution:giessen', label: 'JLU Giessen', country: 'DE' },
    ],
    labs: [
      { id: 'lab:kyoto-a', label: 'Kyoto A <&> "lab"', institution: 'institution:kyoto', head: 'person:ka' },
      { id: 'lab:kyoto-b', label: 'Kyoto B', institution: 'institution:kyoto', head: 'person:kb' },
      { id: 'lab:nott', label: 'Nottingham lab', institution: 'institution:nott', head: 'person:na' },
      { id: 'lab:giessen', label: 'Giessen lab', institution: 'institution:giessen', head: 'person:ga' },
    ],
    people: [
      P('ka', 'PROFESSOR', ['kyoto-a'], ['kyoto'], '中西 周次'),
      P('ks1', 'GRADUATE_STUDENT', ['kyoto-a'], ['kyoto']),
      P('ks2', 'POSTDOC', ['kyoto-a'], ['kyoto']),
      P('kb', 'PROFESSOR', ['kyoto-b'], ['kyoto']),
      P('kbs', 'ASSISTANT_PROFESSOR', ['kyoto-b'], ['kyoto']),
      P('na', 'PROFESSOR', ['nott'], ['nott']),
      P('nd', 'POSTDOC', ['nott'], ['nott']),
      P('ga', 'PROFESSOR', ['giessen'], ['giessen']),
      P('gs', 'GRADUATE_STUDENT', ['giessen'], ['giessen']),
      P('dual', 'LECTURER', ['kyoto-b', 'nott'], ['kyoto', 'nott']),
      P('free', 'UNKNOWN', [], ['osaka']),
      P('iso', 'GRADUATE_STUDENT', [], []),
    ],
    visits: [
      V('v1', 'ks1', 'nott', 'nott', ['nd'], 'COMPLETED', '2024-09-01', '2024-11-30'),
      V('v2', 'ks1', 'giessen', 'giessen', [], 'COMPLETED', '2025-01-10', '2025-01-20'),
      V('v3', 'gs', 'kyoto', 'kyoto-a', ['ka'], 'PLANNED', '2025-06-01', '2025-06-30'),
      V('v4', 'kbs', 'nott', null, ['nd'], 'CANCELLED', '2024-10-01', '2024-10-10'),
      V('v5', 'ks2', 'osaka', null, ['free'], 'IN_PROGRESS', '2025-03-01', null),
      V('v6', 'ks1', 'nott', 'nott', ['nd'], 'COMPLETED', '2024-11-15', '2024-12-20'),
    ],
    papers: [
      { id: 'paper:a1', authors: ['person:ks1', 'person:nd', 'person:ga'], status: 'PUBLISHED', year: 2025 },
      { id: 'paper:a2', authors: ['person:kb', 'person:kbs'], status: 'PLANNED', year: null },
      { id: 'paper:a3', authors: ['person:ka', 'person:ks2'], status: 'IN_PREPARATION', year: null },
    ],
  };
}

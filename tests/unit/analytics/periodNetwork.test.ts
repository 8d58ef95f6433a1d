import { buildCollaborationNetwork, type CollaborationNetwork } from '../../../src/analytics/collaborationGraph';
import { bridges } from '../../../src/analytics/bridges';
import { brokerage } from '../../../src/analytics/brokerage';
import { PeriodIndex } from '../../../src/analytics/periodNetwork';
import { createRng } from '../../../src/analytics/random';
import { placedStart } from '../../../src/circulation/placement';
import type { CollaborationProjection, ProjectedPerson } from '../../../src/store/projection';
import { generateSynthetic } from '../../../bench/generate';

/**
 * Oracle for period views: cutting a view from the full network (PeriodIndex) must give exactly
 * what building the network from a projection filtered to the day gives (docs/metrics.md, "The
 * network as of a date"): visits whose placed start is by the day, papers whose year is placed by
 * then (1 April), memberships holding on the day. The synthetic graph is given partial dates
 * (months, calendar years, fiscal years, none) and memberships limited in time.
 */
function withPartialDates(projection: CollaborationProjection): CollaborationProjection {
  const rng = createRng(7);
  const visits = projection.visits.map((v) => {
    if (!v.start) return v;
    const r = rng.next();
    const y = v.start.slice(0, 4);
    if (r < 0.2) return { ...v, start: `${v.start.slice(0, 7)}-01`, startLatest: `${v.start.slice(0, 7)}-28` };
    if (r < 0.3) return { ...v, start: `${y}-01-01`, startLatest: `${y}-12-31` };
    if (r < 0.4) return { ...v, start: `${y}-04-01`, startLatest: `${+y + 1}-03-31` };
    if (r < 0.45) return { ...v, start: null, startLatest: null };
    return v;
  });
  const papers = projection.papers.map((p) => (rng.next() < 0.1 ? { ...p, year: null } : p));
  const people = projection.people.map((p): ProjectedPerson => {
    const r = rng.next();
    if (!p.labs.length || r > 0.3) return p;
    const lab = p.labs[0];
    const period = r < 0.1 ? { sinceEarliest: '2023-06-01', untilLatest: null } : r < 0.2 ? { sinceEarliest: null, untilLatest: '2024-01-31' } : { sinceEarliest: '2022-10-01', untilLatest: '2024-09-30' };
    const affiliations = r < 0.15 ? [{ institution: projection.institutions[0].id, sinceEarliest: '2024-01-01', untilLatest: null }] : [];
    const institutions = [...new Set([...p.institutions, ...affiliations.map((a) => a.institution)])].sort();
    return { ...p, institutions, labPeriods: [{ lab, ...period }], affiliations };
  });
  return { ...projection, visits, papers, people };
}

/** The projection as it stood on the day, by the definitions. */
function filteredTo(projection: CollaborationProjection, day: string): CollaborationProjection {
  const heads = new Map(projection.labs.map((l) => [l.id, l.head]));
  const labInstitution = new Map(projection.labs.map((l) => [l.id, l.institution]));
  const holds = (m: { sinceEarliest: string | null; untilLatest: string | null }) => (!m.sinceEarliest || m.sinceEarliest <= day) && (!m.untilLatest || day <= m.untilLatest);
  return {
    ...projection,
    visits: projection.visits.filter((v) => v.start && placedStart(v.start, v.startLatest ?? v.start) <= day),
    papers: projection.papers.filter((p) => p.year !== null && `${p.year}-04-01` <= day),
    people: projection.people.map((p) => {
      const ended = new Set((p.labPeriods ?? []).filter((m) => !holds(m) && heads.get(m.lab) !== p.id).map((m) => m.lab));
      const gone = (p.affiliations ?? []).filter((a) => !holds(a));
      if (!ended.size && !gone.length) return { ...p, labPeriods: [] };
      const labs = p.labs.filter((l) => !ended.has(l));
      const institutions = [...new Set([...labs.map((l) => labInstitution.get(l)!), ...(p.affiliations ?? []).filter(holds).map((a) => a.institution)])].sort();
      return { ...p, labs, institutions, labPeriods: [] };
    }),
  };
}

function ties(network: CollaborationNetwork): string[] {
  const out: string[] = [];
  network.graph.forEachEdge((key, a) => out.push(`${key} w${a.weight} v${a.visits.join(',')} p${a.papers.join(',')} l${a.labs.join(',')}`));
  return out.sort();
}

describe('period views (PeriodIndex)', () => {
  const projection = withPartialDates(generateSynthetic({ people: 400, seed: 11 }).projection);
  const full = buildCollaborationNetwork(projection);
  const index = new PeriodIndex(full, projection);

  it.each(['2021-03-31', '2022-01-15', '2023-04-01', '2023-12-31', '2024-02-29', '2024-09-30', '2024-10-01', '2025-06-30', '2030-01-01'])(
    'as of %s equals the network built from the projection filtered to that day',
    (day) => {
      const view = index.view({ asOf: day, fiscalYear: null });
      const oracle = buildCollaborationNetwork(filteredTo(projection, day));
      expect(ties(view)).toEqual(ties(oracle));
      expect(view.people).toEqual(oracle.people);
      expect(view.labMembers).toEqual(oracle.labMembers);
      expect([...view.visits.keys()].sort()).toEqual([...oracle.visits.keys()].sort());
      expect([...view.papers.keys()].sort()).toEqual([...oracle.papers.keys()].sort());
      expect(view.period.ties).toBe(oracle.csr.m);
      // The measures read the view as they read any network: bridges (with the group-pair counts
      // behind structural holes) and brokerage agree, after the full network filled its caches first.
      for (const level of ['LAB', 'INSTITUTION', 'COUNTRY'] as const) {
        bridges(full, { level, earlyCareerOnly: false });
        expect(bridges(view, { level, earlyCareerOnly: false })).toEqual(bridges(oracle, { level, earlyCareerOnly: false }));
        expect(brokerage(view, { level }).profiles).toEqual(brokerage(oracle, { level }).profiles);
      }
    },
  );

  it('a view whose people did not change shares their group index but not the full network’s group-pair counts', () => {
    const plain = generateSynthetic({ people: 400, seed: 11 }).projection;
    const whole = buildCollaborationNetwork(plain);
    const view = new PeriodIndex(whole, plain).view({ asOf: '2023-06-30', fiscalYear: null });
    expect(view.people).toBe(whole.people);
    const oracle = buildCollaborationNetwork(filteredTo(plain, '2023-06-30'));
    for (const level of ['LAB', 'INSTITUTION'] as const) {
      bridges(whole, { level, earlyCareerOnly: false });
      expect(bridges(view, { level, earlyCareerOnly: false })).toEqual(bridges(oracle, { level, earlyCareerOnly: false }));
    }
  });

  it('counts a tie as uncertain when none of its evidence is certain to have started by the day', () => {
    const day = '2024-06-15';
    const view = index.view({ asOf: day, fiscalYear: null });
    const visits = new Map(projection.visits.map((v) => [v.id, v]));
    const papers = new Map(projection.papers.map((p) => [p.id, p]));
    let uncertain = 0;
    view.graph.forEachEdge((_key, a) => {
      const certain =
        a.labs.length > 0 ||
        a.visits.some((id) => (visits.get(id)!.startLatest ?? visits.get(id)!.start)! <= day) ||
        a.papers.some((id) => `${papers.get(id)!.year}-12-31` <= day);
      if (!certain) uncertain++;
    });
    expect(uncertain).toBeGreaterThan(0);
    expect(view.period.uncertainTies).toBe(uncertain);
  });

  it('before any evidence only lab ties whose memberships hold remain; long after, every dated tie', () => {
    expect(index.view({ asOf: '1990-01-01', fiscalYear: null }).period.ties).toBe(ties(buildCollaborationNetwork(filteredTo(projection, '1990-01-01'))).length);
    // The fixture does exercise the membership rules: people's groups differ from the full network's on some days.
    expect(index.view({ asOf: '2021-03-31', fiscalYear: null }).people).not.toEqual(full.people);
    const late = index.view({ asOf: '2100-01-01', fiscalYear: null });
    expect(late.period.ties).toBeLessThan(full.csr.m); // undated items and ended memberships
    expect(late.period.undatedItems).toBeGreaterThan(0);
    expect(late.period.uncertainTies).toBe(0);
  });
});

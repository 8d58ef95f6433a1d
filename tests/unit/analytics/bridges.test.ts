import { generateSynthetic } from '../../../bench/generate';
import { bridges, type Bridge } from '../../../src/analytics/bridges';
import { buildCollaborationNetwork, type CollaborationNetwork, type PersonAttributes } from '../../../src/analytics/collaborationGraph';
import type { GroupLevel } from '../../../src/domain/enums';
import { smallWorld } from './world';

const net = buildCollaborationNetwork(smallWorld());
const pairsOf = (b: Bridge) => b.pairs.map((p) => `${p.a.group}|${p.b.group}|${p.structuralHole ? 'hole' : `${p.otherTies}/${p.sharedMembers}`}`);

describe('bridges (small world)', () => {
  test('LAB level: who bridges which labs, with holes', () => {
    const result = bridges(net, { level: 'LAB' });
    // gs (no tie without planned items) bridges nothing. ks2 (kyoto-a) hosted by free, who has no
    // lab but is at Osaka: the LAB level falls back to free's institution, so ks2 bridges kyoto-a–osaka.
    expect(result.map((b) => b.person)).toEqual(['person:dual', 'person:kbs', 'person:ks1', 'person:ks2', 'person:nd']);
    const ks2 = result.find((b) => b.person === 'person:ks2')!;
    expect(pairsOf(ks2)).toEqual(['institution:osaka|lab:kyoto-a|hole']);
    expect(ks2.sides.map((s) => [s.group, s.member, s.ties.map((t) => [t.person, ...t.visits, ...t.papers, ...t.labs])])).toEqual([
      ['institution:osaka', false, [['person:free', 'visit:v5']]],
      ['lab:kyoto-a', true, [['person:ka', 'paper:a3', 'lab:kyoto-a'], ['person:ks1', 'lab:kyoto-a']]],
    ]);
    const ks1 = result.find((b) => b.person === 'person:ks1')!;
    expect(ks1.stage).toBe('GRADUATE_STUDENT');
    expect(pairsOf(ks1)).toEqual([
      'lab:giessen|lab:kyoto-a|hole',
      'lab:giessen|lab:nott|1/0', // nd–ga co-authored a1 without ks1
      'lab:kyoto-a|lab:nott|hole',
    ]);
    const nott = ks1.sides.find((s) => s.group === 'lab:nott')!;
    expect(nott).toEqual({
      group: 'lab:nott',
      label: 'Nottingham lab',
      member: false,
      ties: [
        { person: 'person:na', weight: 2, visits: ['visit:v1', 'visit:v6'], papers: [], labs: [] },
        { person: 'person:nd', weight: 3, visits: ['visit:v1', 'visit:v6'], papers: ['paper:a1'], labs: [] },
      ],
    });
    expect(ks1.sides.find((s) => s.group === 'lab:kyoto-a')!.member).toBe(true);
    // The pair refers to the same side objects as the side list.
    expect(ks1.pairs[2].b).toBe(nott);
  });

  test('a person in two labs bridges them by membership alone', () => {
    const dual = bridges(net, { level: 'LAB', people: ['person:dual'] })[0];
    expect(pairsOf(dual)).toEqual(['lab:kyoto-b|lab:nott|hole']);
    expect(dual.sides.every((s) => s.member)).toBe(true);
    // kbs (kyoto-b) is tied to dual, a member of nott: kbs bridges kyoto-b–nott, but the labs are
    // linked otherwise: dual belongs to both, and dual–na, dual–nd, kb–dual join them.
    const kbs = bridges(net, { level: 'LAB', people: ['person:kbs'] })[0];
    expect(pairsOf(kbs)).toEqual(['lab:kyoto-b|lab:nott|3/1']);
  });

  test('COUNTRY level and the between filter', () => {
    const all = bridges(net, { level: 'COUNTRY' });
    const ks1 = all.find((b) => b.person === 'person:ks1')!;
    expect(pairsOf(ks1)).toEqual(['country:DE|country:GB|1/0', 'country:DE|country:JP|hole', 'country:GB|country:JP|4/1']);
    const jpGb = bridges(net, { level: 'COUNTRY', between: ['country:JP', 'country:GB'] });
    expect(jpGb.map((b) => b.person)).toEqual(['person:dual', 'person:kbs', 'person:ks1', 'person:nd']);
    expect(jpGb.every((b) => b.pairs.every((p) => p.a.group === 'country:GB' && p.b.group === 'country:JP'))).toBe(true);
    const de = bridges(net, { level: 'COUNTRY', between: ['country:DE'] });
    expect(de.flatMap((b) => b.pairs.map((p) => `${b.person}:${p.a.group}|${p.b.group}`))).toEqual([
      'person:ks1:country:DE|country:GB',
      'person:ks1:country:DE|country:JP',
      'person:nd:country:DE|country:GB', // nd co-authored with ga (DE), is in GB…
      'person:nd:country:DE|country:JP', // …and visited by ks1 (JP)
    ]);
  });

  test('earlyCareerOnly=false includes senior and unknown-stage people', () => {
    const everyone = bridges(net, { level: 'INSTITUTION', earlyCareerOnly: false }).map((b) => b.person);
    expect(everyone).toContain('person:na');
    expect(everyone).toContain('person:free');
    expect(bridges(net, { level: 'INSTITUTION' }).map((b) => b.person)).not.toContain('person:free');
  });

  test('includePlanned changes the graph the bridges are found on', () => {
    const planned = buildCollaborationNetwork(smallWorld(), { includePlanned: true });
    const gs = bridges(planned, { level: 'LAB', people: ['person:gs'] })[0];
    expect(pairsOf(gs)).toEqual(['lab:giessen|lab:kyoto-a|1/0']); // ks1–ga (visit v2) is the other tie
  });

  test('bad input: ids of the wrong kind, unknown groups and people', () => {
    expect(() => bridges(net, { level: 'LAB', between: ['person:ks1'] })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(() => bridges(net, { level: 'INSTITUTION', between: ['lab:nott'] })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(() => bridges(net, { level: 'LAB', between: ['lab:nowhere'] })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }));
    expect(() => bridges(net, { level: 'COUNTRY', between: ['JP'] })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(() => bridges(net, { level: 'LAB', people: ['person:nobody'] })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }));
  });
});

/**
 * The definition, executed literally on the graphology graph, with the group rule written out
 * again (docs/metrics.md, "Groups"): LAB = the person's labs, plus each named institution where
 * they have no lab, else the countries of their placeholder institutions; INSTITUTION = named
 * institutions; COUNTRY = countries.
 */
function bruteForceBridges(network: CollaborationNetwork, level: GroupLevel, earlyOnly: boolean): string[] {
  const g = network.graph;
  const named = (i: string) => network.institutions.get(i)?.placeholder !== true;
  const groupsOf = (p: string): string[] => {
    const a: PersonAttributes = g.getNodeAttributes(p);
    if (level === 'COUNTRY') return a.countries;
    if (level === 'INSTITUTION') return a.institutions.filter(named);
    const labInstitutions = new Set(a.labs.map((l) => network.labs.get(l)!.institution));
    const own = [...a.labs, ...a.institutions.filter((i) => named(i) && !labInstitutions.has(i))];
    if (own.length) return own;
    return [...new Set(a.institutions.map((i) => `country:${network.institutions.get(i)!.country}`))];
  };
  const lines: string[] = [];
  for (const b of g.nodes().sort()) {
    if (earlyOnly && g.getNodeAttribute(b, 'earlyCareer') !== true) continue;
    const sides = new Set(groupsOf(b));
    for (const v of g.neighbors(b)) for (const x of groupsOf(v)) sides.add(x);
    const sorted = [...sides].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [x, y] = [sorted[i], sorted[j]];
        let ties = 0;
        g.forEachEdge((_e, _a, u, v) => {
          if (u === b || v === b) return;
          const gu = groupsOf(u);
          const gv = groupsOf(v);
          if ((gu.includes(x) && gv.includes(y)) || (gu.includes(y) && gv.includes(x))) ties++;
        });
        const shared = g.filterNodes((p) => p !== b && groupsOf(p).includes(x) && groupsOf(p).includes(y)).length;
        lines.push(`${b} ${x} ${y} ${ties} ${shared}`);
      }
    }
  }
  return lines;
}

describe('bridges agree with a brute-force reading of the definition', () => {
  const synthetic = buildCollaborationNetwork(generateSynthetic({ people: 160, seed: 3 }).projection);
  test.each(['LAB', 'INSTITUTION', 'COUNTRY'] as const)('%s', (level) => {
    for (const earlyOnly of [true, false]) {
      const fast = bridges(synthetic, { level, earlyCareerOnly: earlyOnly }).flatMap((b) =>
        b.pairs.map((p) => `${b.person} ${p.a.group} ${p.b.group} ${p.otherTies} ${p.sharedMembers}`),
      );
      const slow = bruteForceBridges(synthetic, level, earlyOnly);
      expect(fast).toEqual(slow);
      expect(fast.length).toBeGreaterThan(0);
    }
  });
});

test('a group the store knows but nobody belongs to matches nothing, without changing the 1-vs-many rule', () => {
  const existing = new Set(['country:FR']);
  expect(bridges(net, { level: 'COUNTRY', between: ['country:FR'], existingGroups: existing })).toEqual([]);
  expect(bridges(net, { level: 'COUNTRY', between: ['country:FR', 'country:JP'], existingGroups: existing })).toEqual([]);
});

test('limit returns the first bridges by person id', () => {
  const all = bridges(net, { level: 'LAB' });
  expect(bridges(net, { level: 'LAB', limit: 2 })).toEqual(all.slice(0, 2));
});

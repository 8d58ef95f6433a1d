import { buildCollaborationNetwork } from '../../../src/analytics/collaborationGraph';
import { groupsAtPlace, personGroups, primaryGroup, resolvedLevelOf, visitEndGroup } from '../../../src/domain/groupLevel';
import { holdsOn, membershipPeriod, periodsOverlap } from '../../../src/domain/membershipPeriod';
import { smallWorld } from '../analytics/world';

const kyoto = { id: 'institution:kyoto', country: 'JP', placeholder: false };
const unnamedJp = { id: 'institution:unnamed-jp', country: 'JP', placeholder: true };
const nott = { id: 'institution:nott', country: 'GB', placeholder: false };

describe('groups at each level (domain/groupLevel.ts)', () => {
  it('LAB falls back to the institution, then to a placeholder’s country; INSTITUTION never groups a placeholder', () => {
    expect(groupsAtPlace('LAB', kyoto, ['lab:a', 'lab:b'])).toEqual(['lab:a', 'lab:b']);
    expect(groupsAtPlace('LAB', kyoto, [])).toEqual(['institution:kyoto']);
    expect(groupsAtPlace('LAB', unnamedJp, [])).toEqual(['country:JP']);
    expect(groupsAtPlace('INSTITUTION', unnamedJp, [])).toEqual([]);
    expect(groupsAtPlace('COUNTRY', unnamedJp, [])).toEqual(['country:JP']);
    expect(visitEndGroup('LAB', kyoto, ['lab:b', 'lab:a'])).toBe('lab:a');
    expect(visitEndGroup('INSTITUTION', unnamedJp, [])).toBeNull();
    expect(['lab:a', 'institution:kyoto', 'country:JP'].map(resolvedLevelOf)).toEqual(['LAB', 'INSTITUTION', 'COUNTRY']);
  });

  it('a person: labs where named, the institution where not; a placeholder’s country only when nothing else is known', () => {
    const labs = [{ id: 'lab:n', institution: nott }];
    expect(personGroups('LAB', labs, [kyoto, nott])).toEqual(['institution:kyoto', 'lab:n']);
    expect(personGroups('LAB', [], [kyoto, unnamedJp])).toEqual(['institution:kyoto']);
    expect(personGroups('LAB', [], [unnamedJp])).toEqual(['country:JP']);
    expect(personGroups('INSTITUTION', [], [unnamedJp])).toEqual([]);
    expect(personGroups('COUNTRY', labs, [kyoto, unnamedJp])).toEqual(['country:GB', 'country:JP']);
    expect(primaryGroup('LAB', labs, [kyoto])).toBe('lab:n');
    expect(primaryGroup('INSTITUTION', [], [unnamedJp, kyoto])).toBe('institution:kyoto');
    expect(primaryGroup('INSTITUTION', [], [unnamedJp])).toBeNull();
    expect(primaryGroup('LAB', [], [unnamedJp])).toBe('country:JP');
    expect(primaryGroup('COUNTRY', [], [])).toBeNull();
  });
});

describe('membership in time (domain/membershipPeriod.ts)', () => {
  it('partial bounds: since from its first day, until to its last; unknown bounds open', () => {
    expect(membershipPeriod('2024-07', 'FY2024')).toEqual({ sinceEarliest: '2024-07-01', untilLatest: '2025-03-31' });
    expect(membershipPeriod(undefined, null)).toEqual({ sinceEarliest: null, untilLatest: null });
    const p = membershipPeriod('2024-07', '2024-09');
    expect([holdsOn(p, '2024-06-30'), holdsOn(p, '2024-07-01'), holdsOn(p, '2024-09-30'), holdsOn(p, '2024-10-01')]).toEqual([false, true, true, false]);
    expect(holdsOn(membershipPeriod(null, null), '1900-01-01')).toBe(true);
  });

  it('overlap of two periods, open bounds included', () => {
    const until = membershipPeriod(null, '2024-06');
    const since = membershipPeriod('2024-07', null);
    expect(periodsOverlap(until, since)).toBe(false);
    expect(periodsOverlap(since, until)).toBe(false);
    expect(periodsOverlap(until, membershipPeriod('2024-06', null))).toBe(true); // share June
    expect(periodsOverlap(membershipPeriod(null, null), since)).toBe(true);
  });

  it('shared-lab ties need overlapping memberships; a head’s own lab is never limited', () => {
    const world = smallWorld();
    const person = (id: string) => world.people.find((p) => p.id === id)!;
    // ks1 left kyoto-a before ks2 joined it; ka heads kyoto-a, whatever ka's membership says.
    person('person:ks1').labPeriods = [{ lab: 'lab:kyoto-a', sinceEarliest: null, untilLatest: '2023-03-31' }];
    person('person:ks2').labPeriods = [{ lab: 'lab:kyoto-a', sinceEarliest: '2023-04-01', untilLatest: null }];
    person('person:ka').labPeriods = [{ lab: 'lab:kyoto-a', sinceEarliest: '2030-01-01', untilLatest: null }];
    const net = buildCollaborationNetwork(world);
    const labsOf = (a: string, b: string) => (net.graph.hasEdge(a, b) ? net.graph.getEdgeAttribute(a, b, 'labs') : null);
    expect(labsOf('person:ks1', 'person:ks2')).toBeNull();
    expect(labsOf('person:ka', 'person:ks1')).toEqual(['lab:kyoto-a']);
    expect(labsOf('person:ka', 'person:ks2')).toEqual(['lab:kyoto-a']);
    // Group membership is not limited: both are still in kyoto-a.
    expect(net.people[net.csr.index.get('person:ks1')!].labs).toEqual(['lab:kyoto-a']);
  });
});

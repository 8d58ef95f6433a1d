import { buildCollaborationNetwork } from '../../../src/analytics/collaborationGraph';
import { collaborationPath } from '../../../src/analytics/paths';
import { smallWorld } from './world';

const net = buildCollaborationNetwork(smallWorld());
const code = (code: string) => expect.objectContaining({ extensions: expect.objectContaining({ code }) });

describe('collaborationPath', () => {
  test('person to person: fewest ties, evidence on every hop, first path in id order', () => {
    const path = collaborationPath(net, 'person:ks1', 'person:kb')!;
    expect(path.hops).toBe(3);
    expect(path.people.map((p) => p.id)).toEqual(['person:ks1', 'person:na', 'person:dual', 'person:kb']);
    expect(path.steps).toEqual([
      { from: 'person:ks1', to: 'person:na', weight: 2, visits: ['visit:v1', 'visit:v6'], papers: [], labs: [] },
      { from: 'person:na', to: 'person:dual', weight: 1, visits: [], papers: [], labs: ['lab:nott'] },
      { from: 'person:dual', to: 'person:kb', weight: 1, visits: [], papers: [], labs: ['lab:kyoto-b'] },
    ]);
    expect(path.people[0]).toEqual({ id: 'person:ks1', label: 'KS1', stage: 'GRADUATE_STUDENT' });
  });

  test('lab to lab: from any member to any member', () => {
    const path = collaborationPath(net, 'lab:giessen', 'lab:kyoto-a')!;
    expect(path.hops).toBe(1);
    expect(path.people.map((p) => p.id)).toEqual(['person:ga', 'person:ks1']);
    expect(path.from).toBe('lab:giessen');
    expect(collaborationPath(net, 'lab:kyoto-b', 'lab:nott')!.hops).toBe(0); // dual is in both
    expect(collaborationPath(net, 'person:gs', 'lab:kyoto-b')!.people.map((p) => p.id)).toEqual(['person:gs', 'person:ga', 'person:nd', 'person:dual']);
  });

  test('an institution or a country stands for its people, as groups are read everywhere', () => {
    // ks2 → free (Osaka, no lab): Osaka as an endpoint is its people.
    const path = collaborationPath(net, 'lab:kyoto-a', 'institution:osaka')!;
    expect(path.people.map((p) => p.id)).toEqual(['person:ks2', 'person:free']);
    expect(collaborationPath(net, 'country:DE', 'country:GB')!.people.map((p) => p.id)).toEqual(['person:ga', 'person:nd']);
  });

  test('no path within maxHops, or none at all, is null', () => {
    expect(collaborationPath(net, 'person:ks1', 'person:kb', 2)).toBeNull();
    expect(collaborationPath(net, 'person:ks1', 'person:iso')).toBeNull();
    expect(collaborationPath(net, 'person:ks1', 'person:ks1')!.hops).toBe(0);
  });

  test('bad input and unknown ids', () => {
    expect(() => collaborationPath(net, 'person:ks1', 'person:kb', 0)).toThrow(code('BAD_USER_INPUT'));
    expect(() => collaborationPath(net, 'person:ks1', 'person:kb', 11)).toThrow(code('BAD_USER_INPUT'));
    expect(() => collaborationPath(net, 'person:ks1', 'person:kb', 2.5)).toThrow(code('BAD_USER_INPUT'));
    expect(() => collaborationPath(net, 'person:nobody', 'person:kb')).toThrow(code('NOT_FOUND'));
    expect(() => collaborationPath(net, 'person:ks1', 'lab:nowhere')).toThrow(code('NOT_FOUND'));
    expect(() => collaborationPath(net, 'visit:v1', 'person:kb')).toThrow(code('BAD_USER_INPUT'));
    expect(() => collaborationPath(net, 'institution:nowhere', 'person:kb')).toThrow(code('NOT_FOUND'));
    expect(() => collaborationPath(net, 'not an id', 'person:kb')).toThrow(code('BAD_USER_INPUT'));
  });
});

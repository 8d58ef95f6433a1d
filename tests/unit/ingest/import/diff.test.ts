import { diffRecord } from '../../../../src/ingest/import/diff';
import { recordToGraph } from '../../../../src/ingest/toGraph';
import type { RecordState } from '../../../../src/store/records';
import type { Dataset } from '../../../../src/domain/model';
import { RECORD_KINDS } from '../../../../src/write/records';

/** A record's state as an import session hands it over (node props and the relationships it states). */
function stateOf(collection: 'people' | 'visits', record: unknown): RecordState {
  const graph = recordToGraph(collection, record as never);
  const node = graph.nodes[0];
  return { id: node.id, label: node.label, props: node.props as RecordState['props'], rels: graph.rels } as RecordState;
}

const person = RECORD_KINDS.Person.schema.parse({
  id: 'person:sato',
  name: 'Taro Sato',
  nameJa: '佐藤 太郎',
  careerStage: 'POSTDOC',
  memberships: [{ lab: 'lab:kyoto', role: 'postdoc' }],
  sources: ['source:report'],
}) as Dataset['people'][number];

const visit = RECORD_KINDS.Visit.schema.parse({
  id: 'visit:v1',
  visitor: 'person:sato',
  from: 'institution:kyoto',
  to: 'institution:nottingham',
  hosts: ['person:b', 'person:a'],
  kind: 'STAY',
  purpose: 'joint experiments',
  start: '2024-06',
  status: 'COMPLETED',
  sources: ['source:report'],
}) as Dataset['visits'][number];

describe('diffRecord (import)', () => {
  it('names the fields that differ as the data-set format does, never derived properties or graph relationships', () => {
    const change = diffRecord(stateOf('people', person), stateOf('people', { ...person, name: 'Taro Sato Jr.', memberships: [] }));
    expect(change.kind).toBe('updated');
    expect(change.fields).toEqual([
      { name: 'name', old: 'Taro Sato', new: 'Taro Sato Jr.' },
      { name: 'memberships', old: [{ lab: 'lab:kyoto', role: 'postdoc' }], new: [] },
    ]);
    const hosts = diffRecord(stateOf('visits', visit), stateOf('visits', { ...visit, hosts: ['person:a'] }));
    expect(hosts.fields).toEqual([{ name: 'hosts', old: ['person:a', 'person:b'], new: ['person:a'] }]);
  });

  it('the stored version and derived properties alone are no change', () => {
    const before = stateOf('people', person);
    expect(diffRecord({ ...before, props: { ...before.props, version: 4 } }, stateOf('people', person))).toMatchObject({ kind: 'unchanged', fields: [] });
    expect(diffRecord({ ...before, props: { ...before.props, sortKey: 'an older rule' } }, stateOf('people', person))).toMatchObject({ kind: 'unchanged', fields: [] });
  });

  it('a created record lists what it states; a removed one what it stated, even when a reference went first', () => {
    const created = diffRecord(null, stateOf('people', person));
    expect(created.kind).toBe('created');
    expect(created.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['name', 'nameJa', 'careerStage', 'memberships', 'sources']));
    const state = stateOf('visits', visit);
    const withoutVisitor = { ...state, rels: state.rels.filter((r) => r.type !== 'MADE') };
    const deleted = diffRecord(withoutVisitor, null);
    expect(deleted.kind).toBe('deleted');
    expect(deleted.fields.find((f) => f.name === 'status')).toEqual({ name: 'status', old: 'COMPLETED', new: null });
    expect(deleted.fields.find((f) => f.name === 'visitor')).toBeUndefined();
  });
});

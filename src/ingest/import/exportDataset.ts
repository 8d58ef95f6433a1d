import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'yaml';
import { membershipSchema, type Citation, type Dataset } from '../../domain/model';
import { relKey, type GraphRel, type Props, type RelType } from '../../store/graph';
import type { GraphStore } from '../../store/port';
import type { RecordState } from '../../store/records';
import { COLLECTION_LABEL, COLLECTION_ORDER, RECORD_SCHEMA, type Collection } from './records';

const PAGE = 500;

/**
 * `kizuna export --format dataset`: the whole graph as a data set that `kizuna import` reads back
 * into the same graph (tests/contract/import/roundtrip). Records are read a page at a time and
 * written as they come, so the export does not hold the graph. Derived properties (sortKey,
 * searchText, visit date bounds) are left out: import derives them again.
 */
export async function writeDatasetExport(store: GraphStore, out: Writable, format: 'yaml' | 'json'): Promise<number> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const meta = { title: `Kizuna graph exported ${new Date().toISOString()}` };
  await write(format === 'json' ? `{"format":"kizuna-dataset","version":1,"meta":${JSON.stringify(meta)}` : stringify({ format: 'kizuna-dataset', version: 1, meta }));
  let total = 0;
  for (const collection of COLLECTION_ORDER) {
    let first = true;
    for await (const record of recordsOf(store, collection)) {
      if (first) await write(format === 'json' ? `,\n"${collection}":[\n` : `${collection}:\n`);
      else if (format === 'json') await write(',\n');
      await write(format === 'json' ? JSON.stringify(record) : stringify([record]));
      first = false;
      total += 1;
    }
    if (!first && format === 'json') await write('\n]');
  }
  if (format === 'json') await write('}\n');
  return total;
}

async function* recordsOf(store: GraphStore, collection: Collection): AsyncGenerator<Record<string, unknown>> {
  let after: string | null = null;
  for (;;) {
    const ids = await store.recordIds({ kind: 'all' }, COLLECTION_LABEL[collection], after, PAGE);
    if (!ids.length) return;
    after = ids[ids.length - 1];
    for (const state of await store.recordStates(ids)) if (state) yield stateToRecord(collection, state);
  }
}

/** The inverse of ingest/toGraph for one record: its fields from its node and the relationships it states. */
export function stateToRecord(collection: Collection, state: RecordState): Record<string, unknown> {
  const p = state.props;
  const out = (type: RelType) => sortedRels(state.rels.filter((r) => r.type === type && r.from === state.id)).map((r) => r.to);
  const into = (type: RelType) => sortedRels(state.rels.filter((r) => r.type === type && r.to === state.id)).map((r) => r.from);
  const one = (ids: string[]) => ids[0];
  const sources = citations(state);
  // The record's own fields are the props named like a field of its schema (derived props such as
  // sortKey are not fields); the rest of the record comes from its relationships.
  const fields = pick(p, Object.keys((RECORD_SCHEMA[collection] as unknown as { shape: object }).shape));
  switch (collection) {
    case 'sources':
      return { id: state.id, ...fields };
    case 'countries':
      return { id: state.id, ...fields, sources };
    case 'institutions':
      return { id: state.id, ...fields, sources };
    case 'labs':
      return { id: state.id, ...fields, institution: one(out('PART_OF')), head: one(into('HEADS')), sources };
    case 'people':
      return {
        id: state.id,
        ...fields,
        memberships: memberships(state),
        sources,
      };
    case 'themes':
      return { id: state.id, ...fields, leads: into('LEADS'), members: into('WORKS_ON'), sources };
    case 'materials':
      return { id: state.id, ...fields, owner: one(into('OWNS')), themes: out('ABOUT'), sources };
    case 'events':
      return { id: state.id, ...fields, country: one(out('HELD_IN'))?.replace(/^country:/, ''), sources };
    case 'visits': {
      const about = out('ABOUT');
      return {
        id: state.id,
        visitor: one(into('MADE')),
        from: one(out('FROM')),
        to: one(out('TO')),
        lab: one(out('AT')),
        hosts: out('HOSTED_BY'),
        ...fields,
        themes: about.filter((id) => id.startsWith('theme:')),
        materials: about.filter((id) => id.startsWith('material:')),
        event: one(out('FOR')),
        sources,
      };
    }
    case 'papers': {
      const authored = state.rels.filter((r) => r.type === 'AUTHORED').sort((a, b) => Number(a.props.position) - Number(b.props.position));
      return { id: state.id, ...fields, authors: authored.map((r) => r.from), themes: out('ABOUT'), sources };
    }
    case 'transfers':
      return {
        id: state.id,
        material: one(out('OF')),
        from: one(out('FROM')),
        to: out('TO'),
        recipients: out('RECEIVED_BY'),
        ...fields,
        sources,
      };
  }
}

function citations(state: RecordState): Citation[] {
  return sortedRels(state.rels.filter((r) => r.type === 'CITED_IN' && r.from === state.id)).map((r) => {
    const extra = pick(r.props, ['field', 'reading', 'canonical', 'note']);
    return Object.keys(extra).length ? ({ source: r.to, ...extra } as Citation) : r.to;
  });
}

function memberships(state: RecordState): Dataset['people'][number]['memberships'] {
  const fields = Object.keys(membershipSchema.shape).filter((f) => f !== 'lab' && f !== 'institution');
  return sortedRels(state.rels.filter((r) => r.from === state.id && (r.type === 'MEMBER_OF' || r.type === 'AFFILIATED_WITH'))).map((r) => ({
    ...(r.type === 'MEMBER_OF' ? { lab: r.to } : { institution: r.to }),
    ...pick(r.props, fields),
  }));
}

function sortedRels(rels: GraphRel[]): GraphRel[] {
  return [...rels].sort((a, b) => (relKey(a) < relKey(b) ? -1 : relKey(a) > relKey(b) ? 1 : 0));
}

/** The props that are set (the stores keep no nulls), in the order named. */
function pick(props: Props, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (props[f] !== undefined && props[f] !== null) out[f] = props[f];
  return out;
}

import { toDayNumber } from '../../domain/days';
import type { PaperStatus, VisitStatus } from '../../domain/enums';
import { parsePartialDate } from '../../domain/partialDate';
import type { Neighbour } from '../../store/graph';
import type { GraphStore } from '../../store/port';
import { paperCounts, visitCounts } from '../collaborationGraph';
import { paperStart, visitStart, type ItemStart } from '../period';

/**
 * What each person works on, from the data, for the "shared themes and materials" evidence of a
 * suggested pairing. The collaboration projection has no themes or materials (and is not changed
 * for this), so they are read through the port's batched `neighbours`, a fixed number of store
 * calls whatever the number of people, identical on both stores:
 *
 *   themes     LEADS and WORKS_ON a theme; ABOUT-themes of the visits a person made or hosted and
 *              of the papers they wrote; the themes of those visits' and transfers' materials;
 *   materials  ABOUT-materials of the visits a person made or hosted; materials of transfers the
 *              person received (RECEIVED_BY).
 *
 * Visits, papers and transfers count as ties do (visitCounts / paperCounts: planned ones only with
 * includePlanned, cancelled never). Each theme or material keeps the ids of the records it came
 * from (the theme itself for LEADS / WORKS_ON), so an answer can show why two people share it.
 * As of a day (`asOf`), a visit, paper or transfer counts when it had started by then, placed as
 * the network's ties are (period.ts: a visit's or transfer's stated start, a paper's year; undated
 * ones count in no period); LEADS, WORKS_ON and a material's themes have no date and always count.
 */
export interface PersonInterests {
  /** Theme id → sorted ids of the records that show it. */
  themes: Map<string, string[]>;
  materials: Map<string, string[]>;
}

export type InterestTable = ReadonlyMap<string, PersonInterests>;

const EMPTY: PersonInterests = { themes: new Map(), materials: new Map() };

export function interestsOf(table: InterestTable, person: string): PersonInterests {
  return table.get(person) ?? EMPTY;
}

class Collector {
  readonly table = new Map<string, PersonInterests>();

  add(person: string, kind: 'themes' | 'materials', id: string, evidence: string): void {
    let entry = this.table.get(person);
    if (!entry) this.table.set(person, (entry = { themes: new Map(), materials: new Map() }));
    const list = entry[kind].get(id);
    if (!list) entry[kind].set(id, [evidence]);
    else if (!list.includes(evidence)) list.push(evidence);
  }

  sorted(): InterestTable {
    for (const entry of this.table.values()) for (const map of [entry.themes, entry.materials]) for (const list of map.values()) list.sort();
    return this.table;
  }
}

/** When a visit, paper or transfer starts counting (null: undated). */
function startOf(n: Neighbour): ItemStart | null {
  if (n.node.label === 'Paper') return paperStart(typeof n.node.props.year === 'number' ? n.node.props.year : null);
  const stated = n.node.props[n.node.label === 'Transfer' ? 'date' : 'start'];
  const range = typeof stated === 'string' ? parsePartialDate(stated)?.range : undefined;
  return range ? visitStart(range.start, range.end) : null;
}

/** Reads the interests of these people (as of a day, YYYY-MM-DD, when given): nine batched store calls. */
export async function loadInterests(store: GraphStore, people: readonly string[], includePlanned: boolean, asOf: string | null = null): Promise<InterestTable> {
  const out = new Collector();
  const [leads, worksOn, made, hosted, authored, received] = await Promise.all([
    store.neighbours(people, 'LEADS', 'OUT'),
    store.neighbours(people, 'WORKS_ON', 'OUT'),
    store.neighbours(people, 'MADE', 'OUT'),
    store.neighbours(people, 'HOSTED_BY', 'IN'),
    store.neighbours(people, 'AUTHORED', 'OUT'),
    store.neighbours(people, 'RECEIVED_BY', 'IN'),
  ]);
  people.forEach((p, i) => {
    for (const n of [...leads[i], ...worksOn[i]]) out.add(p, 'themes', n.node.id, n.node.id);
  });

  // Record (visit, paper, transfer) → the people it is evidence for.
  const peopleOf = new Map<string, string[]>();
  const link = (record: string, person: string) => {
    const list = peopleOf.get(record);
    if (list) list.push(person);
    else peopleOf.set(record, [person]);
  };
  const day = asOf === null ? null : toDayNumber(asOf);
  const counts = (n: Neighbour) => {
    const status = String(n.node.props.status ?? '');
    const kept = n.node.label === 'Paper' ? paperCounts(status as PaperStatus, includePlanned) : visitCounts(status as VisitStatus, includePlanned);
    if (!kept || day === null) return kept;
    const start = startOf(n);
    return start !== null && start.from <= day;
  };
  people.forEach((p, i) => {
    for (const n of [...made[i], ...hosted[i], ...authored[i], ...received[i]]) if (counts(n)) link(n.node.id, p);
  });

  const records = [...peopleOf.keys()].sort();
  const transfers = records.filter((id) => id.startsWith('transfer:'));
  const [about, of] = await Promise.all([store.neighbours(records, 'ABOUT', 'OUT'), store.neighbours(transfers, 'OF', 'OUT')]);
  // Material → the records that used it, to give each material's themes the same evidence.
  const materialUse: Array<{ material: string; record: string }> = [];
  records.forEach((record, i) => {
    for (const n of about[i]) {
      const kind = n.node.label === 'Theme' ? 'themes' : n.node.label === 'Material' ? 'materials' : null;
      if (!kind) continue;
      for (const p of peopleOf.get(record)!) out.add(p, kind, n.node.id, record);
      if (kind === 'materials') materialUse.push({ material: n.node.id, record });
    }
  });
  transfers.forEach((record, i) => {
    for (const n of of[i]) {
      for (const p of peopleOf.get(record)!) out.add(p, 'materials', n.node.id, record);
      materialUse.push({ material: n.node.id, record });
    }
  });

  const materials = [...new Set(materialUse.map((u) => u.material))].sort();
  const materialThemes = await store.neighbours(materials, 'ABOUT', 'OUT');
  const themesOfMaterial = new Map(materials.map((m, i) => [m, materialThemes[i].filter((n) => n.node.label === 'Theme').map((n) => n.node.id)]));
  for (const { material, record } of materialUse) {
    for (const theme of themesOfMaterial.get(material) ?? []) for (const p of peopleOf.get(record)!) out.add(p, 'themes', theme, material);
  }
  return out.sorted();
}

/**
 * Keeps the interest table until the store's version moves (like CollaborationCache), one per
 * store and includePlanned; lives as long as the store.
 */
const caches = new WeakMap<GraphStore, { version: number; tables: Map<string, Promise<InterestTable>> }>();

export async function cachedInterests(store: GraphStore, people: readonly string[], includePlanned: boolean, asOf: string | null = null): Promise<InterestTable> {
  const version = await store.version();
  let entry = caches.get(store);
  if (!entry || entry.version !== version) caches.set(store, (entry = { version, tables: new Map() }));
  const key = `${includePlanned}|${asOf ?? ''}`;
  let table = entry.tables.get(key);
  if (!table) {
    const tables = entry.tables;
    table = loadInterests(store, people, includePlanned, asOf);
    tables.set(key, table);
    table.catch(() => tables.delete(key));
  }
  return table;
}

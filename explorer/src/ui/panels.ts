import type { ExplorerBridgesQuery, ExplorerPathQuery, GroupLevel } from '../gql/graphql';
import { bilingual, type Messages } from '../i18n';
import type { NodeRow } from '../model';
import { TIE_STYLE } from '../palette';
import type { Lang } from '../state';
import { h } from './dom';

export type Bridge = ExplorerBridgesQuery['bridges'][number];
export type Path = ExplorerPathQuery['collaborationPath'];

/** A bridge's group, with the level it resolved at when that is not the one asked for (a lab's institution). */
function groupName(m: Messages, g: { name: string; level: GroupLevel; resolvedLevel: GroupLevel }): string {
  return g.resolvedLevel === g.level ? g.name : `${g.name} (${m.levels[g.resolvedLevel].toLowerCase()})`;
}

/** The `bridges` answer beside the graph: each person (a button that focuses them) and the pairs of groups they connect. */
export function bridgesList(m: Messages, lang: Lang, level: GroupLevel, bridges: Bridge[] | null, selected: string | null, select: (id: string) => void): HTMLElement {
  if (!bridges) return h('p', {}, m.loading);
  if (!bridges.length) return h('p', {}, m.bridgesNone);
  return h('section', { id: 'bridges' },
    h('h2', {}, m.bridgesTitle(bridges.length, m.levels[level])),
    h('ul', { class: 'list' }, bridges.map((b) => h('li', {},
      h('button', { type: 'button', class: 'link', 'data-person': b.person.id, 'aria-current': String(selected === b.person.id), onclick: () => select(b.person.id) },
        bilingual(lang, b.person.name ?? b.person.displayName, b.person.nameJa)),
      h('span', { class: 'muted' }, ` ${m.stages[b.careerStage]}`),
      h('ul', { class: 'pairs' }, b.pairs.map((p) => h('li', {}, groupName(m, p.a.group), ' ↔ ', groupName(m, p.b.group), p.structuralHole ? h('span', { class: 'tag' }, m.structuralHole) : null)))))));
}

export interface PathPanelInput {
  people: readonly NodeRow[];
  from: string | null;
  to: string | null;
  /** undefined: not asked yet; null: no path within the hop limit. */
  path: Path | undefined;
  setEnd(end: 'from' | 'to', id: string | null): void;
  find(): void;
}

/** The path finder: two people picked by name, then `collaborationPath` hop by hop with its evidence. */
export function pathPanel(m: Messages, lang: Lang, input: PathPanelInput): HTMLElement {
  const people = input.people.slice().sort((a, b) => a.label.localeCompare(b.label));
  const options = h('datalist', { id: 'people-list' }, people.slice(0, 5000).map((p) => h('option', { value: p.label })));
  const resolve = (text: string) => people.find((p) => p.label === text || p.id === text)?.id ?? null;
  const field = (end: 'from' | 'to', label: string) => h('label', {}, label,
    h('input', { id: `path-${end}`, list: 'people-list', value: people.find((p) => p.id === input[end])?.label ?? '',
      onchange: (e: Event) => input.setEnd(end, resolve((e.target as HTMLInputElement).value)) }));
  const path = input.path;
  const result = path === undefined ? h('p', { class: 'muted' }, m.pathHint)
    : path === null ? h('p', {}, m.pathNone)
    : h('ol', { class: 'path' }, path.steps.map((step) => h('li', {},
        h('strong', {}, `${step.from.displayName} → ${step.to.displayName}`), ' ',
        step.tie.kinds.map((k) => h('span', { class: 'tag' }, m.ties[k])),
        h('ul', { class: 'evidence' },
          step.tie.visits.map((v) => h('li', {}, `${m.ties.VISIT}: ${v.start ?? '?'} → ${v.to?.shortName ?? v.to?.name ?? '?'} (${m.statuses[v.status]}) — ${lang === 'ja' && v.purposeJa ? v.purposeJa : v.purpose}`)),
          step.tie.papers.map((p) => h('li', {}, `${m.ties.COAUTHORSHIP}: ${p.title} (${p.status})`)),
          step.tie.labs.map((l) => h('li', {}, `${m.ties.SHARED_LAB}: ${l.name}`))))));
  return h('section', { id: 'path' }, h('h2', {}, m.pathTitle), options, field('from', m.pathFrom), field('to', m.pathTo),
    h('button', { type: 'button', id: 'path-find', onclick: () => input.find() }, m.pathFind),
    path ? h('p', {}, m.pathHops(path.hops)) : null, result);
}

/** What the colours, sizes and line styles mean. */
export function legend(m: Messages, colours: [string, string][]): HTMLElement[] {
  return [
    h('div', {}, m.legendNodes, ': ', colours.map(([c, col]) => h('span', { class: 'item' }, h('span', { class: 'swatch', style: `background:${col}` }), c))),
    h('div', {}, (Object.keys(TIE_STYLE) as (keyof typeof TIE_STYLE)[]).map((k) => h('span', { class: 'item' }, h('span', { class: 'line', style: `border-top: ${Math.ceil(TIE_STYLE[k].size)}px solid ${TIE_STYLE[k].colour}` }), m.ties[k])),
      h('span', { class: 'item' }, h('span', { class: 'line', style: 'border-top: 2px dashed #3b3b3b' }), m.statuses.PLANNED)),
  ];
}

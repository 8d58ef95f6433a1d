import type { ExplorerGroupQuery, ExplorerPersonQuery } from '../gql/graphql';
import { bilingual, type Messages } from '../i18n';
import type { Lang } from '../state';
import { h } from './dom';

type Person = NonNullable<ExplorerPersonQuery['person']>;
type Citation = Person['sources'][number];
type Measures = ExplorerPersonQuery['brokerage'][number] | undefined;

export interface DetailsActions {
  select(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

const fmt = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '—' : x.toFixed(digits));

/**
 * The report's own sentences behind a record: each quote once, with its section and the fields
 * (and readings) it supports; a reading that is not the canonical one says so.
 */
function provenance(m: Messages, sources: readonly Citation[]): HTMLElement {
  if (!sources.length) return h('p', { class: 'muted' }, m.none);
  const byQuote = new Map<string, Citation[]>();
  for (const c of sources) byQuote.set(c.source.id, [...(byQuote.get(c.source.id) ?? []), c]);
  return h(
    'ul',
    { class: 'quotes' },
    [...byQuote.values()].map((cs) =>
      h(
        'li',
        {},
        h('blockquote', { lang: cs[0].source.lang }, cs[0].source.quote),
        h('div', { class: 'cite' }, cs[0].source.section, ' · ',
          cs.map((c) => `${c.field ?? '—'}${c.reading ? ` = ${c.reading}` : ''}${c.canonical === false ? ' (not canonical)' : ''}`).join('; ')),
      ),
    ),
  );
}

export function personDetails(m: Messages, lang: Lang, p: Person, measures: Measures, go: DetailsActions): HTMLElement {
  const affiliations = [
    ...p.labs.map((l) => `${bilingual(lang, l.lab.name, l.lab.nameJa)}${l.lab.institution ? ` · ${l.lab.institution.shortName ?? l.lab.institution.name}` : ''}${l.role ? ` (${lang === 'ja' && l.roleJa ? l.roleJa : l.role})` : ''}`),
    ...p.affiliations.map((a) => `${bilingual(lang, a.institution.name, a.institution.nameJa)} [${a.institution.countryCode}]${a.role ? ` (${lang === 'ja' && a.roleJa ? a.roleJa : a.role})` : ''}`),
  ];
  return h(
    'article',
    { class: 'details', 'data-id': p.id },
    h('h2', {}, bilingual(lang, p.name ?? p.displayName, p.nameJa ?? p.familyNameJa)),
    h('dl', {},
      h('dt', {}, m.names), h('dd', {}, [p.name ?? p.displayName, p.nameJa ?? p.familyNameJa].filter(Boolean).join(' / ')),
      h('dt', {}, m.careerStage), h('dd', {}, m.stages[p.careerStage], p.earlyCareer ? ` · ${m.earlyCareer}` : '', p.title ? ` · ${p.title}` : ''),
      p.cohort ? [h('dt', {}, 'Cohort'), h('dd', {}, p.cohort, p.headcount ? ` ×${p.headcount}` : '')] : null,
    ),
    h('div', { class: 'row' },
      h('button', { type: 'button', onclick: () => go.pathFrom(p.id) }, m.pathFromHere),
      h('button', { type: 'button', onclick: () => go.pathTo(p.id) }, m.pathToHere),
    ),
    h('h3', {}, m.affiliations),
    affiliations.length ? h('ul', {}, affiliations.map((a) => h('li', {}, a))) : h('p', { class: 'muted' }, m.none),
    h('h3', {}, m.visits),
    p.visits.length
      ? h('ul', {}, p.visits.map((v) => h('li', {},
          h('span', { class: `status status-${v.status}` }, m.statuses[v.status]),
          v.scheduleChange !== 'NONE' ? h('span', { class: `status change-${v.scheduleChange}` }, m.scheduleChange[v.scheduleChange]) : null,
          ` ${v.start ?? '?'}${v.end ? `–${v.end}` : ''} → ${v.to ? bilingual(lang, v.to.shortName ?? v.to.name, v.to.nameJa) : '?'}`,
          v.hosts.length ? ` (${v.hosts.map((x) => x.displayName).join(', ')})` : '',
          h('div', { class: 'muted' }, lang === 'ja' && v.purposeJa ? v.purposeJa : v.purpose))))
      : h('p', { class: 'muted' }, m.none),
    h('h3', {}, m.papers),
    p.papers.length ? h('ul', {}, p.papers.map((x) => h('li', {}, lang === 'ja' && x.titleJa ? x.titleJa : x.title, ` (${x.status}${x.year ? `, ${x.year}` : ''})`))) : h('p', { class: 'muted' }, m.none),
    h('h3', {}, m.measures),
    h('dl', { class: 'measures' },
      h('dt', {}, m.betweenness), h('dd', {}, fmt(measures?.betweenness)),
      h('dt', {}, m.constraint), h('dd', {}, fmt(measures?.constraint)),
      h('dt', {}, m.effectiveSize), h('dd', {}, fmt(measures?.effectiveSize, 2)),
    ),
    h('h3', {}, m.provenance),
    provenance(m, p.sources),
  );
}

export function groupDetails(m: Messages, lang: Lang, node: NonNullable<ExplorerGroupQuery['node']>, go: DetailsActions): HTMLElement {
  const people = (list: { id: string; displayName: string }[]) =>
    list.length ? h('ul', {}, list.map((p) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => go.select(p.id) }, p.displayName)))) : h('p', { class: 'muted' }, m.none);
  if ('members' in node)
    return h('article', { class: 'details', 'data-id': node.id },
      h('h2', {}, bilingual(lang, node.name, node.nameJa)),
      node.institution ? h('p', {}, bilingual(lang, node.institution.name, node.institution.nameJa), ` [${node.institution.countryCode}]`) : null,
      h('h3', {}, m.members), people(node.members.map((x) => x.person)),
      h('h3', {}, m.provenance), provenance(m, node.sources));
  if ('affiliates' in node)
    return h('article', { class: 'details', 'data-id': node.id },
      h('h2', {}, bilingual(lang, node.name, node.nameJa)),
      h('p', {}, node.shortName ?? '', ` [${node.countryCode}]`),
      h('h3', {}, m.labs), node.labs.length ? h('ul', {}, node.labs.map((l) => h('li', {}, l.name))) : h('p', { class: 'muted' }, m.none),
      h('h3', {}, m.members), people(node.affiliates),
      h('h3', {}, m.provenance), provenance(m, node.sources));
  if ('code' in node) return h('article', { class: 'details', 'data-id': node.id }, h('h2', {}, bilingual(lang, node.name, node.nameJa)), h('p', {}, node.code));
  return h('article', { class: 'details' }, h('h2', {}, node.id));
}

import type { Citation, Dataset, InstitutionRecord, PersonRecord, SourceRecord, VisitRecord } from '../domain/model';
import { buildGazetteer, findInstitutions, matchPeople, type Gazetteer } from './gazetteer';
import { proposeMovements, type Destination, type MovementProposal, type ParagraphContext } from './movements';
import { findPeople, type PersonMention } from './people';
import { readTable, type TableRow } from './table';
import { readReport, type Sentence } from './text';
import { kuromojiTokenizer, type Tokenizer } from './tokenizer';
import { countryByCode } from './vocabulary';
import { proposeExtras } from './extras';

export interface ExtractOptions {
  /** The fiscal year the report covers (FY N = April N – March N+1). */
  fiscalYear: number;
  /** The programme's home country: 来日 and 招聘 lead there. */
  homeCountry: string;
  document: string;
  /** The graph as it stands (institutions, labs, people); the seed when nothing else is given. */
  graph: Dataset;
  tokenizer?: Tokenizer;
}

/** One thing a reviewer should look at, lowest confidence first. */
export interface ReviewItem {
  confidence: number;
  record: string;
  field: string;
  value: string;
  reason: string;
  quote: string;
}

export interface Draft {
  dataset: Dataset;
  review: ReviewItem[];
  proposals: MovementProposal[];
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'x';

/** Builds the draft: every proposed record cites its sentence; people and places resolve against the graph first. */
export async function extractDraft(reportText: string, options: ExtractOptions): Promise<Draft> {
  const tokenizer = options.tokenizer ?? kuromojiTokenizer();
  const gazetteer = buildGazetteer(options.graph);
  const report = readReport(reportText);
  const builder = new DraftBuilder(gazetteer, options);
  // The table first: it gives full names, institutions and positions that the prose only abbreviates.
  for (const row of readTable(report.tableLines, gazetteer)) {
    for (const lead of row.leads) await romanizeLead(lead, tokenizer);
    builder.tableRow(row, report.tableLines);
  }
  const context: ParagraphContext = { institutionOfPerson: (family) => builder.institutionOf(family) };
  let paragraph = '';
  const proposals: MovementProposal[] = [];
  for (const sentence of report.sentences) {
    const key = sentence.key.replace(/-\d+$/, '');
    if (key !== paragraph) {
      paragraph = key;
      context.country = undefined;
    }
    const people = await findPeople(sentence.text, gazetteer, tokenizer);
    for (const mention of findInstitutions(sentence.text, gazetteer)) builder.noteSurface(mention.id, mention.surface, sentence);
    for (const person of people) await romanizeMention(person, tokenizer);
    const movements = proposeMovements(sentence, people, gazetteer, context, options);
    proposals.push(...movements);
    const moving = new Set(movements.flatMap((m) => m.visitors));
    for (const person of people) {
      if (person.kind === 'named' || moving.has(person) || (person.kind === 'cohort' && person.institution)) builder.person(person, sentence);
    }
    for (const movement of movements) builder.addVisits(movement);
    proposeExtras(sentence, people, builder);
  }
  return { dataset: builder.dataset(), review: builder.review.sort((a, b) => a.confidence - b.confidence), proposals };
}

/** Collects records by id; every record keeps the sentences it came from. */
export class DraftBuilder {
  readonly review: ReviewItem[] = [];
  readonly sources = new Map<string, SourceRecord>();
  readonly people = new Map<string, PersonRecord>();
  readonly institutions = new Map<string, InstitutionRecord>();
  readonly visits = new Map<string, VisitRecord>();
  readonly extra: Pick<Dataset, 'themes' | 'papers' | 'events' | 'transfers' | 'materials'> = { themes: [], papers: [], events: [], transfers: [], materials: [] };
  /** Mention → person id, so a movement finds the record its visitor became. */
  readonly personOf = new Map<PersonMention, string>();
  private readonly tripCount = new Map<string, number>();
  private readonly surfaces: Array<{ id: string; surface: string; sentence: Sentence }> = [];

  constructor(
    readonly gazetteer: Gazetteer,
    readonly options: ExtractOptions,
  ) {}

  source(sentence: Sentence): string {
    const id = `source:${sentence.key}`;
    const known = this.gazetteer.dataset.sources.find((s) => s.id === id && squash(s.quote) === squash(sentence.text));
    if (known) this.sources.set(id, known);
    if (!this.sources.has(id)) {
      this.sources.set(id, { id, document: this.options.document, section: sentence.section, quote: sentence.text, lang: 'ja' });
    }
    return id;
  }

  flag(confidence: number, record: string, field: string, value: string, reason: string, quote: string): void {
    this.review.push({ confidence, record, field, value, reason, quote });
  }

  /** The institution of a person the draft already has, by family name in either script. */
  institutionOf(family: string): string | undefined {
    const person = [...this.people.values()].find((p) => !p.placeholder && (p.familyName === family || p.familyNameJa === family));
    return person?.memberships.find((m) => m.institution)?.institution;
  }

  institution(id: string): string {
    if (!this.institutions.has(id)) {
      const known = this.gazetteer.institutionById(id);
      if (known) this.institutions.set(id, structuredClone(known));
    }
    return id;
  }

  /** How a sentence wrote an institution ("BTU", "NAL", "東北大"): kept as a reading if the draft ends up citing the institution. */
  noteSurface(id: string, surface: string, sentence: Sentence): void {
    this.surfaces.push({ id, surface, sentence });
  }

  /** Readings of institutions written otherwise than their canonical name, non-canonical, once each. */
  private attachReadings(): void {
    for (const { id, surface, sentence } of this.surfaces) {
      const record = this.institutions.get(id);
      if (!record || [record.name, record.nameJa].some((n) => n && squash(n).toLowerCase() === squash(surface).toLowerCase())) continue;
      const already = record.sources.some((c) => typeof c !== 'string' && c.reading && squash(c.reading).toLowerCase() === squash(surface).toLowerCase());
      if (already) continue;
      record.sources.push({ source: this.source(sentence), field: 'name', reading: surface, canonical: false, note: 'the report writes it this way; the canonical name is the record\'s' });
    }
  }

  placeholder(country: string, sentence: Sentence): string {
    const known = this.gazetteer.placeholderOf(country);
    if (known) return this.institution(known.id);
    const id = `institution:unnamed-${country.toLowerCase()}`;
    if (!this.institutions.has(id)) {
      const c = countryByCode.get(country);
      this.institutions.set(id, {
        id,
        name: `Unnamed institution in ${c?.name ?? country}`,
        nameJa: `${c?.nameJa ?? country}の機関（名称不明）`,
        aliases: [],
        country,
        kind: 'UNKNOWN',
        placeholder: true,
        sources: [this.source(sentence)],
      });
    }
    return id;
  }

  person(mention: PersonMention, sentence: Sentence): string {
    const cached = this.personOf.get(mention);
    if (cached) return cached;
    const source = this.source(sentence);
    if (mention.kind !== 'named') return this.cohort(mention, sentence, source);
    const family = mention.familyName ?? mention.familyNameJa ?? mention.surface;
    const inGraph = matchPeople(this.gazetteer, family, mention.institution);
    const inDraft = [...this.people.values()].filter(
      (p) => !p.placeholder && [p.familyName, p.familyNameJa, p.name?.split(' ')[0]].some((n) => n && [mention.familyName, mention.familyNameJa].includes(n)),
    );
    const match = inGraph.length === 1 ? inGraph[0] : inDraft.length === 1 ? inDraft[0] : undefined;
    if (match) {
      const existing = this.people.get(match.id) ?? structuredClone(match);
      existing.sources = [...existing.sources, { source, field: 'familyName', reading: mention.surface, note: inGraph.length ? 'matched to the graph: same family name' + (mention.institution ? ' and institution' : '') : 'same person as an earlier mention: same family name' }];
      this.noteStageConflict(existing, mention, source, sentence);
      this.improve(existing, mention);
      this.people.set(match.id, existing);
      this.personOf.set(mention, match.id);
      if (inGraph.length) this.flag(0.8, match.id, 'match', match.id, `"${mention.surface}" matched to ${match.id} by family name${mention.institution ? ' and institution' : ''}`, sentence.text);
      return match.id;
    }
    const id = this.freeId(`person:${slug(mention.name ?? mention.familyName ?? `${sentence.key}-person`)}`, this.people);
    const membership = mention.institution ?? (mention.country ? this.placeholder(mention.country, sentence) : undefined);
    const record: PersonRecord = {
      id,
      ...(mention.name ? { name: mention.name } : {}),
      ...(mention.familyName ? { familyName: mention.familyName } : {}),
      ...(mention.familyNameJa ? { familyNameJa: mention.familyNameJa } : {}),
      ...(mention.titleSurface === 'Dr.' || mention.titleSurface === 'Prof.' ? { title: mention.titleSurface } : {}),
      careerStage: mention.stage,
      ...(mention.role ? { programRole: mention.role } : {}),
      placeholder: false,
      memberships: membership ? [{ institution: this.institution(membership), ...(mention.title ? { role: mention.title } : {}), ...(mention.titleSurface && /[^\x00-\x7f]/.test(mention.titleSurface) ? { roleJa: mention.titleSurface } : {}) }] : [],
      sources: [{ source, field: 'careerStage', reading: mention.titleSurface ?? mention.surface, canonical: true, note: `extracted (confidence ${mention.confidence})` }],
    };
    this.people.set(id, record);
    this.personOf.set(mention, id);
    if (mention.confidence < 0.8) this.flag(mention.confidence, id, 'name', mention.surface, 'name not in the dictionary; taken because a title follows it', sentence.text);
    if (!membership) this.flag(0.5, id, 'memberships', '', 'the sentence names no institution for this person', sentence.text);
    return id;
  }

  /** A title in the text against the stage on record (the table's, or the graph's): kept as a reading, the record's stays canonical. */
  private noteStageConflict(record: PersonRecord, mention: PersonMention, source: string, sentence: Sentence): void {
    if (mention.stage === 'UNKNOWN' || record.careerStage === 'UNKNOWN' || mention.stage === record.careerStage) return;
    record.sources = [...record.sources, { source, field: 'careerStage', reading: mention.titleSurface ?? mention.surface, canonical: false, note: `the text says ${mention.stage}; the record keeps ${record.careerStage}` }];
    this.flag(0.5, record.id, 'careerStage', mention.stage, `the text's title (${mention.titleSurface ?? mention.surface}) disagrees with the recorded ${record.careerStage}`, sentence.text);
  }

  private improve(record: PersonRecord, mention: PersonMention): void {
    if (record.careerStage === 'UNKNOWN' && mention.stage !== 'UNKNOWN') record.careerStage = mention.stage;
    if (!record.programRole && mention.role) record.programRole = mention.role;
    if (!record.name && mention.name) record.name = mention.name;
    if (!record.memberships.length && mention.institution) record.memberships = [{ institution: this.institution(mention.institution) }];
  }

  private cohort(mention: PersonMention, sentence: Sentence, source: string): string {
    const known = this.knownPlaceholder(mention, sentence);
    if (known) {
      this.people.set(known.id, structuredClone(known));
      this.personOf.set(mention, known.id);
      this.flag(0.9, known.id, 'match', known.id, `"${mention.surface}": the graph has this unnamed group, cited by the same sentence`, sentence.text);
      return known.id;
    }
    const base = `person:${slug(sentence.key)}-${mention.kind === 'companions' ? 'companions' : mention.stage === 'GRADUATE_STUDENT' ? 'grad-student' : 'group'}`;
    let id = base;
    for (let n = 2; this.people.has(id); n += 1) id = `${base}-${n}`;
    const membership = mention.institution ?? (mention.country ? this.placeholder(mention.country, sentence) : undefined);
    this.people.set(id, {
      id,
      placeholder: true,
      cohort: mention.cohortLabel ?? mention.surface,
      careerStage: mention.stage,
      ...(mention.headcount ? { headcount: mention.headcount } : {}),
      memberships: membership ? [{ institution: this.institution(membership) }] : [],
      sources: [{ source, field: 'cohort', reading: mention.surface, canonical: true, note: `unnamed: a placeholder of its own, never merged by guess (confidence ${mention.confidence})` }],
    });
    this.personOf.set(mention, id);
    this.flag(Math.min(mention.confidence, 0.7), id, 'cohort', mention.surface, 'unnamed people: check whether this is a group seen elsewhere in the report', sentence.text);
    return id;
  }

  addVisits(movement: MovementProposal): void {
    const source = this.source(movement.sentence);
    const visitorIds = movement.visitors.map((v) => this.person(v, movement.sentence));
    const legs = visitorIds.length * movement.destinations.length;
    const trip = legs > 1 ? this.tripKey(movement) : undefined;
    movement.visitors.forEach((visitor, i) => {
      for (const destination of movement.destinations) {
        for (let n = 1; n <= movement.times; n += 1) this.visit(visitorIds[i], visitor, destination, movement, source, trip, movement.times > 1 ? n : 0);
      }
    });
  }

  private tripKey(movement: MovementProposal): string {
    const base = `trip-${movement.sentence.key}`;
    const n = (this.tripCount.get(base) ?? 0) + 1;
    this.tripCount.set(base, n);
    return n > 1 ? `${base}-${n}` : base;
  }

  private visit(visitorId: string, visitor: PersonMention, destination: Destination, movement: MovementProposal, source: string, trip: string | undefined, nth: number): void {
    const to = destination.institution ? this.institution(destination.institution) : this.placeholder(destination.country ?? this.options.homeCountry, movement.sentence);
    const from = this.origin(visitorId, visitor, movement);
    const start = movement.start ?? `FY${this.options.fiscalYear}`;
    const base = `visit:${slug(visitorId.replace(/^person:/, ''))}-to-${slug(to.replace(/^institution:/, ''))}-${slug(start)}${nth ? `-${nth}` : ''}`;
    const known = this.knownVisit(visitorId, to, start);
    const id = known?.id ?? this.freeId(base, this.visits);
    if (known) this.flag(0.9, id, 'match', id, 'the graph already has this movement (same visitor, destination and start): importing updates it', movement.sentence.text);
    const sources: Citation[] = [
      { source, field: 'status', reading: movement.status.cue, canonical: true, note: `extracted (confidence ${movement.confidence}); trigger ${movement.trigger}` },
    ];
    if (destination.probable) sources.push({ source, field: 'to', reading: destination.probable, canonical: false, note: 'probable: the sentence links this institution to the trip without saying it was visited' });
    if (!movement.start) sources.push({ source, field: 'start', reading: `FY${this.options.fiscalYear}`, note: 'no date in the sentence: dated to the fiscal year the report covers' });
    if (movement.relative) sources.push({ source, field: 'start', reading: 'その後', note: 'relative time: after the previous movement' });
    this.visits.set(id, {
      id,
      visitor: visitorId,
      from,
      to,
      ...(destination.lab ? { lab: destination.lab } : {}),
      hosts: [],
      kind: movement.trigger.includes('招') ? 'INVITATION' : 'STAY',
      status: movement.status.status,
      scheduleChange: movement.status.scheduleChange,
      start,
      ...(movement.duration ? { duration: movement.duration } : {}),
      ...(movement.durationText ? { durationText: movement.durationText } : {}),
      purpose: `Movement stated in ${movement.sentence.key}`,
      purposeJa: movement.sentence.text,
      themes: [],
      materials: [],
      ...(trip ? { trip } : {}),
      sources,
    });
    if (movement.relative) this.flag(0.6, id, 'start', start, 'relative time (その後): dated after the previous movement', movement.sentence.text);
    if (!destination.institution) this.flag(0.7, id, 'to', to, `only the country is stated (${destination.surface})${destination.probable ? `; probable: ${destination.probable}` : ''}`, movement.sentence.text);
    if (from.includes('unnamed')) this.flag(0.6, id, 'from', from, 'the sentence does not say where the visitor came from', movement.sentence.text);
  }

  /**
   * An unnamed group the graph already holds is the same group only when it cites this very sentence
   * with the same stage: that is a record of the same words, not a merge by guess.
   */
  private knownPlaceholder(mention: PersonMention, sentence: Sentence): PersonRecord | undefined {
    const quotes = new Map(this.gazetteer.dataset.sources.map((s) => [s.id, squash(s.quote)]));
    const here = squash(sentence.text);
    const citing = this.gazetteer.people.filter(
      (p) => p.placeholder && p.careerStage === mention.stage && !this.people.has(p.id) && p.sources.some((c) => quotes.get(typeof c === 'string' ? c : c.source) === here),
    );
    return citing.length === 1 ? citing[0] : undefined;
  }

  /**
   * A record of this kind that the graph already has from the same sentence (its first citation):
   * importing the draft then updates it instead of adding a twin.
   */
  knownFrom<T extends { id: string; sources: Citation[] }>(records: T[], sentence: Sentence): T | undefined {
    const quotes = new Map(this.gazetteer.dataset.sources.map((s) => [s.id, squash(s.quote)]));
    const here = squash(sentence.text);
    const first = (r: T) => r.sources.map((c) => (typeof c === 'string' ? c : c.source))[0];
    return records.find((r) => quotes.get(first(r)) === here);
  }

  /** A movement the graph already holds, so that importing the draft updates it instead of adding a twin. */
  private knownVisit(visitor: string, to: string, start: string): VisitRecord | undefined {
    return this.gazetteer.dataset.visits.find((v) => v.visitor === visitor && v.to === to && v.start === start && !this.visits.has(v.id));
  }

  private origin(visitorId: string, visitor: PersonMention, movement: MovementProposal): string {
    if (visitor.institution) return this.institution(visitor.institution);
    const record = this.people.get(visitorId);
    const member = record?.memberships.find((m) => m.institution)?.institution;
    if (member) return this.institution(member);
    if (visitor.country) return this.placeholder(visitor.country, movement.sentence);
    const companion = movement.visitors.find((v) => v !== visitor && v.kind === 'named');
    if (companion?.country) return this.placeholder(companion.country, movement.sentence);
    const companionHome = companion?.institution ?? (companion ? this.people.get(this.personOf.get(companion) ?? '')?.memberships[0]?.institution : undefined);
    const country = companionHome && (this.gazetteer.institutionById(companionHome) ?? this.institutions.get(companionHome))?.country;
    if (country) return this.placeholder(country, movement.sentence);
    return this.placeholder(this.options.homeCountry, movement.sentence);
  }

  tableRow(row: TableRow, lines: string[]): void {
    const source = `source:s2-r${row.index}`;
    if (!this.sources.has(source)) {
      this.sources.set(source, { id: source, document: this.options.document, section: '2. 研究実施体制', quote: row.quote || lines.join(' '), lang: 'ja' });
    }
    const leads: string[] = [];
    for (const lead of row.leads) {
      const id = this.tableLead(lead, source);
      leads.push(id);
    }
    const known = this.gazetteer.dataset.themes.find((t) => t.nameJa && squash(t.nameJa) === squash(row.theme));
    if (known) return void this.extra.themes.push(structuredClone(known));
    this.extra.themes.push({ id: `theme:${slug(row.themeEn ?? row.theme)}-${row.index}`, name: row.themeEn ?? row.theme, nameJa: row.theme, leads, members: [], sources: [source] });
  }

  private tableLead(lead: TableRow['leads'][number], source: string): string {
    const family = lead.familyName ?? lead.familyNameJa ?? lead.name;
    const inGraph = matchPeople(this.gazetteer, family, lead.institution);
    const inDraft = [...this.people.values()].find((p) => !p.placeholder && (p.familyNameJa === family || p.familyName === family || (p.name && p.name === lead.name)));
    const existing = inDraft ?? (inGraph.length === 1 ? structuredClone(inGraph[0]) : undefined);
    if (existing) {
      if (existing.careerStage === 'UNKNOWN' && lead.stage !== 'UNKNOWN') existing.careerStage = lead.stage;
      if (!existing.memberships.length && lead.institution) existing.memberships = [{ institution: this.institution(lead.institution) }];
      if (lead.nameJa && !existing.nameJa) existing.nameJa = lead.nameJa;
      existing.sources = [...existing.sources, { source, field: 'careerStage', ...(lead.position ? { reading: lead.position } : {}), note: 'from 研究実施体制' }];
      this.people.set(existing.id, existing);
      return existing.id;
    }
    const latin = /[A-Za-z]/.test(lead.name);
    const id = this.freeId(`person:${slug(latin ? lead.name : lead.romanized ?? `${source.replace(/^source:/, '')}-lead`)}`, this.people);
    this.people.set(id, {
      id,
      ...(latin ? { name: lead.name, familyName: lead.familyName } : { nameJa: lead.name, familyNameJa: lead.familyNameJa, ...(lead.romanized ? { name: lead.romanized, familyName: lead.romanizedFamily } : {}) }),
      careerStage: lead.stage,
      placeholder: false,
      memberships: lead.institution ? [{ institution: this.institution(lead.institution) }] : [],
      sources: [{ source, field: 'careerStage', ...(lead.position ? { reading: lead.position } : {}), canonical: true, note: 'from 研究実施体制' + (lead.romanized ? '; romanization ours (dictionary reading)' : '') }],
    });
    return id;
  }

  freeId<T>(base: string, taken: Map<string, T>): string {
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    return id;
  }

  dataset(): Dataset {
    this.attachReadings();
    const labs = structuredClone(
      this.gazetteer.dataset.labs.filter(
        (l) => [...this.visits.values()].some((v) => v.lab === l.id) || [...this.people.values()].some((p) => p.memberships.some((m) => m.lab === l.id)),
      ),
    );
    for (const lab of labs) {
      this.institution(lab.institution);
      if (lab.head && !this.people.has(lab.head)) delete lab.head;
    }
    const institutions = [...this.institutions.values()];
    const countries = [...new Set(institutions.map((i) => i.country))].map((code) => {
      const known = this.gazetteer.dataset.countries.find((c) => c.code === code);
      const c = countryByCode.get(code);
      return known ?? { id: `country:${code}`, code, name: c?.name ?? code, ...(c ? { nameJa: c.nameJa } : {}), sources: [[...this.sources.keys()][0]] };
    });
    const usedSources = new Set<string>();
    const dataset: Dataset = {
      format: 'kizuna-dataset',
      version: 1,
      meta: { title: `Draft extracted from ${this.options.document}`, description: 'Proposed by kizuna extract for review; every record cites its sentence.', documents: [] },
      sources: [],
      countries,
      institutions,
      labs,
      people: [...this.people.values()],
      themes: this.extra.themes,
      materials: this.extra.materials,
      events: this.extra.events,
      visits: [...this.visits.values()],
      papers: this.extra.papers,
      transfers: this.extra.transfers,
    };
    // Records copied from the graph cite the graph's sources: keep every source any record cites.
    const graphSources = new Map(this.gazetteer.dataset.sources.map((s) => [s.id, s]));
    const cite = (c: Citation) => usedSources.add(typeof c === 'string' ? c : c.source);
    for (const list of [dataset.countries, dataset.institutions, dataset.labs, dataset.people, dataset.themes, dataset.materials, dataset.events, dataset.visits, dataset.papers, dataset.transfers]) {
      for (const record of list as Array<{ sources: Citation[] }>) record.sources.forEach(cite);
    }
    dataset.sources = [...usedSources].map((id) => this.sources.get(id) ?? graphSources.get(id)).filter((s): s is SourceRecord => Boolean(s));
    return dataset;
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A name known only in kanji gets the dictionary's reading as its Latin form, marked as ours in the citation. */
async function romanizeMention(mention: PersonMention, tokenizer: Tokenizer): Promise<void> {
  if (mention.kind !== 'named' || mention.familyName || !mention.familyNameJa) return;
  const reading = await tokenizer.romanize(mention.familyNameJa);
  if (reading) mention.familyName = capitalize(reading);
}

async function romanizeLead(lead: TableRow['leads'][number], tokenizer: Tokenizer): Promise<void> {
  if (!lead.nameJa) return;
  const [family, given] = lead.nameJa.split(/\s+/);
  const f = await tokenizer.romanize(family);
  const g = given ? await tokenizer.romanize(given) : undefined;
  if (f) lead.romanizedFamily = capitalize(f);
  if (f && g) lead.romanized = `${capitalize(g)} ${capitalize(f)}`;
}

/** Quotes compare without the spacing the PDF left. */
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

import type { DraftBuilder } from './draft';
import { findInstitutions } from './gazetteer';
import type { PersonMention } from './people';
import type { Sentence } from './text';
import { COUNTRIES, PLANNED_ENDINGS } from './vocabulary';
import { findDates } from './when';

/** Papers, meetings and material transfers a sentence states, beside its movements. */
export function proposeExtras(sentence: Sentence, people: PersonMention[], builder: DraftBuilder): void {
  paper(sentence, people, builder);
  event(sentence, builder);
  transfer(sentence, people, builder);
}

const PAPER = /(学術論文|論文)\S{0,4}?(執筆|投稿|発表|出版|掲載|準備)/;

function paper(sentence: Sentence, people: PersonMention[], builder: DraftBuilder): void {
  const m = PAPER.exec(sentence.text);
  if (!m) return;
  const tail = sentence.text.slice(m.index);
  const status = PLANNED_ENDINGS.test(tail) ? 'PLANNED' : /(執筆中|準備中)/.test(tail) ? 'IN_PREPARATION' : m[2] === '投稿' ? 'SUBMITTED' : m[2] === '執筆' || m[2] === '準備' ? 'IN_PREPARATION' : 'PUBLISHED';
  const authors = people.map((p) => builder.personOf.get(p)).filter((id): id is string => Boolean(id));
  if (!authors.length) return;
  const known = builder.knownFrom(builder.gazetteer.dataset.papers, sentence);
  if (known) return void builder.extra.papers.push(structuredClone(known));
  const source = builder.source(sentence);
  builder.extra.papers.push({ id: `paper:${sentence.key}`, title: `Paper stated in ${sentence.key}`, titleJa: m[0], status, authors: [...new Set(authors)], themes: [], sources: [source] });
  builder.flag(0.6, `paper:${sentence.key}`, 'title', m[0], 'the report gives no title', sentence.text);
}

const EVENT = /(国際会議|国際学会|ワークショップ|シンポジウム)/;

function event(sentence: Sentence, builder: DraftBuilder): void {
  const m = EVENT.exec(sentence.text);
  if (!m || /タイミング/.test(sentence.text)) return;
  const known = builder.knownFrom(builder.gazetteer.dataset.events, sentence);
  if (known) return void builder.extra.events.push(structuredClone(known));
  const country = COUNTRIES.find((c) => c.words.some((w) => sentence.text.includes(`${w}の${m[1]}`) || sentence.text.includes(`${w}で`)));
  const date = findDates(sentence.text)[0];
  const status = PLANNED_ENDINGS.test(sentence.text) ? 'PLANNED' : 'COMPLETED';
  const id = `event:${sentence.key}`;
  builder.extra.events.push({
    id,
    name: `${m[1] === 'ワークショップ' ? 'Workshop' : 'International conference'} (${sentence.key})`,
    nameJa: m[1],
    kind: m[1] === 'ワークショップ' ? 'WORKSHOP' : 'CONFERENCE',
    status,
    ...(country ? { country: country.code } : {}),
    ...(date?.value ? { start: date.value } : {}),
    sources: [builder.source(sentence)],
  });
}

// "東北大が所有する正極を英国グループに提供", "試料を KAIST に提供": the owner is the first institution before the object.
const TRANSFER = /([^、。\s]+?)を\s*([^、。]+?)に\s*提供/;

function transfer(sentence: Sentence, people: PersonMention[], builder: DraftBuilder): void {
  const m = TRANSFER.exec(sentence.text);
  if (!m) return;
  const owner = findInstitutions(sentence.text.slice(0, (m.index ?? 0) + m[1].length), builder.gazetteer)[0];
  const thing = m[1].replace(/^.*(所有する|保有する|が有する|の)/, '');
  const to = m[2];
  if (!owner) return;
  const known = builder.knownFrom(builder.gazetteer.dataset.transfers, sentence);
  if (known) {
    builder.extra.transfers.push(structuredClone(known));
    const material = builder.gazetteer.dataset.materials.find((x) => x.id === known.material);
    if (material) builder.extra.materials.push(structuredClone(material));
    known.to.forEach((id) => builder.institution(id));
    for (const id of known.recipients) {
      const recipient = builder.gazetteer.people.find((x) => x.id === id);
      if (recipient && !builder.people.has(id)) builder.people.set(id, structuredClone(recipient));
    }
    builder.institution(known.from);
    return;
  }
  const source = builder.source(sentence);
  const material = `material:${sentence.key}`;
  builder.extra.materials.push({ id: material, name: thing, nameJa: thing, kind: 'MATERIAL', owner: builder.institution(owner.id), themes: [], sources: [source] });
  const group = people.find((p) => p.kind === 'cohort' && to.includes(p.surface.replace(/\s/g, '')));
  const recipient = group ? builder.person(group, sentence) : undefined;
  const country = group?.country ?? COUNTRIES.find((c) => c.words.some((w) => to.includes(w)))?.code;
  const receiver = findInstitutions(to, builder.gazetteer)[0]?.id ?? (country ? builder.placeholder(country, sentence) : undefined);
  if (!receiver) return;
  builder.extra.transfers.push({ id: `transfer:${sentence.key}`, material, from: owner.id, to: [builder.institution(receiver)], recipients: recipient ? [recipient] : [], status: 'COMPLETED', sources: [source] });
}

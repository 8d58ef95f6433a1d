import { LABELS, labelOfId, type Label } from '../../../domain/ids';
import { isRelType, type RelType } from '../../graph';
export { isAllowedEndpointPair } from '../../graph';

/**
 * The only doors through which a name enters Cypher text. Labels and relationship types cannot
 * be parameters, so they are interpolated — but only after being checked against LABELS and
 * REL_SCHEMA. Anything else throws before a query is built (a programming error, never user input).
 */

/**
 * Labels the adapter uses for its own bookkeeping; never part of the domain and never returned.
 * KizunaMeta holds the store version and counters; KizunaTestMarker marks a database the test
 * tiers own (see testMarkerStateQuery in cypher/meta.ts): the contract setup clears only a database
 * that has it; KizunaImport (one while an import runs) and KizunaUndo (a staged import's undo
 * entries) are bulk import's bookkeeping (neo4j/importSession.ts). clear() keeps all four.
 * Change (an entry) and ChangeSet (what the entries of one append share) are the change log
 * (store/changes.ts, cypher/changes.ts), cleared by clear() with the data they describe.
 */
export const BOOKKEEPING_LABELS = ['KizunaMeta', 'KizunaTestMarker', 'KizunaImport', 'KizunaUndo'] as const;
export const CHANGE_LOG_LABELS = ['Change', 'ChangeSet'] as const;
export const INTERNAL_LABELS = [...BOOKKEEPING_LABELS, ...CHANGE_LOG_LABELS] as const;
export type InternalLabel = (typeof INTERNAL_LABELS)[number];

export function isDomainLabel(value: string): value is Label {
  return (LABELS as readonly string[]).includes(value);
}

function isInternalLabel(value: string): value is InternalLabel {
  return (INTERNAL_LABELS as readonly string[]).includes(value);
}

/** A label, checked, ready to follow a colon in a pattern: `(n:${label('Person')})`. */
export function label(value: string): Label | InternalLabel {
  if (isDomainLabel(value) || isInternalLabel(value)) return value;
  throw new TypeError(`Not a whitelisted label: ${JSON.stringify(value)}`);
}

/** A relationship type, checked against REL_SCHEMA: `-[r:${relType('MADE')}]->`. */
export function relType(value: string): RelType {
  if (isRelType(value)) return value;
  throw new TypeError(`Not a whitelisted relationship type: ${JSON.stringify(value)}`);
}

/** The domain label among a node's labels (a node carries exactly one), or null. */
export function domainLabelOf(labels: readonly string[]): Label | null {
  return labels.find(isDomainLabel) ?? null;
}

/**
 * Groups ids by the label their prefix names, keeping first-seen order and dropping duplicates
 * and malformed ids (those can match nothing). Lets a batch query MATCH `(n:Label {id: id})`
 * with a static label, so the unique-constraint index is used.
 */
export function idsByLabel(ids: readonly string[]): Map<Label, string[]> {
  const groups = new Map<Label, string[]>();
  const seen = new Set<string>();
  for (const id of ids) {
    const l = labelOfId(id);
    if (!l || seen.has(id)) continue;
    seen.add(id);
    const group = groups.get(l);
    if (group) group.push(id);
    else groups.set(l, [id]);
  }
  return groups;
}

import type { z } from 'zod';
import { datasetSchema, type Citation, type Dataset } from '../domain/model';

/** One thing wrong with a data set, with the path to it ("visits[3].visitor"). */
export interface Problem {
  path: string;
  message: string;
}

export type Validation = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/**
 * Validates a parsed data-set document: the schema first (types, enums, id and date formats),
 * then what a schema cannot say — unique ids and references that resolve. Every problem is
 * reported, not just the first, so a data editor fixes a file in one pass.
 */
export function validateDataset(input: unknown): Validation {
  const parsed = datasetSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(issueToProblem) };
  const problems = [...duplicateIds(parsed.data), ...danglingReferences(parsed.data)];
  return problems.length ? { ok: false, problems } : { ok: true, dataset: parsed.data };
}

function issueToProblem(issue: z.core.$ZodIssue): Problem {
  return { path: formatPath(issue.path), message: issue.message };
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

const COLLECTIONS = ['sources', 'countries', 'institutions', 'labs', 'people', 'themes', 'materials', 'events', 'visits', 'papers', 'transfers'] as const;

function duplicateIds(ds: Dataset): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const collection of COLLECTIONS) {
    ds[collection].forEach((record, i) => {
      const path = `${collection}[${i}].id`;
      const first = seen.get(record.id);
      if (first) problems.push({ path, message: `duplicate id "${record.id}" (first at ${first})` });
      else seen.set(record.id, path);
    });
  }
  return problems;
}

/** Every (path, id) a record points to. */
export function* referencesOf(ds: Dataset): Generator<[string, string]> {
  const cites = function* (path: string, citations: readonly Citation[]): Generator<[string, string]> {
    for (const [j, c] of citations.entries()) yield [`${path}.sources[${j}]`, typeof c === 'string' ? c : c.source];
  };
  const many = function* (path: string, ids: readonly string[]): Generator<[string, string]> {
    for (const [j, id] of ids.entries()) yield [`${path}[${j}]`, id];
  };
  for (const [i, c] of ds.countries.entries()) yield* cites(`countries[${i}]`, c.sources);
  for (const [i, r] of ds.institutions.entries()) {
    yield [`institutions[${i}].country`, `country:${r.country}`];
    yield* cites(`institutions[${i}]`, r.sources);
  }
  for (const [i, r] of ds.labs.entries()) {
    yield [`labs[${i}].institution`, r.institution];
    if (r.head) yield [`labs[${i}].head`, r.head];
    yield* cites(`labs[${i}]`, r.sources);
  }
  for (const [i, r] of ds.people.entries()) {
    for (const [j, m] of r.memberships.entries()) {
      const target = m.lab ?? m.institution;
      if (target) yield [`people[${i}].memberships[${j}].${m.lab ? 'lab' : 'institution'}`, target];
    }
    yield* cites(`people[${i}]`, r.sources);
  }
  for (const [i, r] of ds.themes.entries()) {
    yield* many(`themes[${i}].leads`, r.leads);
    yield* many(`themes[${i}].members`, r.members);
    yield* cites(`themes[${i}]`, r.sources);
  }
  for (const [i, r] of ds.materials.entries()) {
    if (r.owner) yield [`materials[${i}].owner`, r.owner];
    yield* many(`materials[${i}].themes`, r.themes);
    yield* cites(`materials[${i}]`, r.sources);
  }
  for (const [i, r] of ds.events.entries()) {
    if (r.country) yield [`events[${i}].country`, `country:${r.country}`];
    yield* cites(`events[${i}]`, r.sources);
  }
  for (const [i, r] of ds.visits.entries()) {
    for (const key of ['visitor', 'from', 'to', 'lab', 'event'] as const) {
      const id = r[key];
      if (id) yield [`visits[${i}].${key}`, id];
    }
    yield* many(`visits[${i}].hosts`, r.hosts);
    yield* many(`visits[${i}].themes`, r.themes);
    yield* many(`visits[${i}].materials`, r.materials);
    yield* cites(`visits[${i}]`, r.sources);
  }
  for (const [i, r] of ds.papers.entries()) {
    yield* many(`papers[${i}].authors`, r.authors);
    yield* many(`papers[${i}].themes`, r.themes);
    yield* cites(`papers[${i}]`, r.sources);
  }
  for (const [i, r] of ds.transfers.entries()) {
    yield [`transfers[${i}].material`, r.material];
    yield [`transfers[${i}].from`, r.from];
    yield* many(`transfers[${i}].to`, r.to);
    yield* many(`transfers[${i}].recipients`, r.recipients);
    yield* cites(`transfers[${i}]`, r.sources);
  }
}

function danglingReferences(ds: Dataset): Problem[] {
  const ids = new Set<string>(COLLECTIONS.flatMap((c) => ds[c].map((r) => r.id)));
  const problems: Problem[] = [];
  for (const [path, id] of referencesOf(ds)) {
    if (!ids.has(id)) problems.push({ path, message: `refers to "${id}", which the data set does not define` });
  }
  return problems;
}

import { datasetSchema, type Dataset } from '../domain/model';

/** One thing wrong with a data set: where ("visits[3].visitor", as keys too), what, and in which record. */
export interface Problem {
  path: string;
  /** The same path as keys, to find the value in the file (load.ts adds line and column). */
  at: ReadonlyArray<string | number>;
  message: string;
  /** The id of the record the problem is in, when it has one. */
  record?: string;
  /** 1-based position of the value in the file, when the problem came from a file. */
  line?: number;
  column?: number;
}

export type Validation = { ok: true; dataset: Dataset } | { ok: false; problems: Problem[] };

/**
 * Validates a parsed data-set document: the schema (types, enums, id and date formats), unique ids
 * and references that resolve. Every problem is reported, not just the first, and not just the
 * first kind: ids and references are checked even when the schema fails, on whatever records have
 * a usable shape, so a data editor fixes a file in one pass.
 */
export function validateDataset(input: unknown): Validation {
  const parsed = datasetSchema.safeParse(input);
  const schemaProblems = parsed.success ? [] : parsed.error.issues.map((issue) => problemAt(issue.path, issue.message));
  // A value the schema already rejected is not reported a second time as a dangling reference.
  const rejected = new Set(schemaProblems.map((p) => p.path));
  const document = parsed.success ? parsed.data : input;
  const problems = [
    ...schemaProblems,
    ...duplicateIds(document),
    ...danglingReferences(document).filter((p) => !rejected.has(p.path)),
  ].map((p) => withRecord(input, p));
  if (parsed.success && !problems.length) return { ok: true, dataset: parsed.data };
  return { ok: false, problems };
}

export function problemAt(at: ReadonlyArray<PropertyKey>, message: string): Problem {
  const keys = at.filter((k): k is string | number => typeof k !== 'symbol');
  return { path: formatPath(keys), at: keys, message };
}

export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** Adds the id of the record (collection[i]) the problem lies in, when it has a string id. */
function withRecord(input: unknown, problem: Problem): Problem {
  const [collection, index] = problem.at;
  if (typeof collection !== 'string' || typeof index !== 'number') return problem;
  const id = recordsOf(asObject(input), collection)[index]?.id;
  return typeof id === 'string' ? { ...problem, record: id } : problem;
}

const COLLECTIONS = ['sources', 'countries', 'institutions', 'labs', 'people', 'themes', 'materials', 'events', 'visits', 'papers', 'transfers'] as const;

/*
 * The checks below read the document loosely (a record is any object, a reference any string),
 * because they also run on a document the schema rejected; on a valid one they see exactly the
 * parsed data set.
 */
type Loose = Record<string, unknown>;

function asObject(value: unknown): Loose {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {};
}

function recordsOf(document: Loose, collection: string): Loose[] {
  const value = document[collection];
  return Array.isArray(value) ? value.map(asObject) : [];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function duplicateIds(input: unknown): Problem[] {
  const document = asObject(input);
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const collection of COLLECTIONS) {
    recordsOf(document, collection).forEach((record, i) => {
      const id = text(record.id);
      if (id === undefined) return;
      const at = [collection, i, 'id'];
      const first = seen.get(id);
      if (first) problems.push({ path: formatPath(at), at, message: `duplicate id "${id}" (first at ${first})` });
      else seen.set(id, formatPath(at));
    });
  }
  return problems;
}

export type Path = Array<string | number>;

/** Every (path, id) a record points to (the write path also asks this of single records). */
export function* referencesOf(input: unknown): Generator<[Path, string]> {
  const document = asObject(input);
  const one = function* (path: Path, value: unknown, prefix = ''): Generator<[Path, string]> {
    const id = text(value);
    if (id !== undefined) yield [path, prefix + id];
  };
  const many = function* (path: Path, values: unknown): Generator<[Path, string]> {
    for (const [j, value] of list(values).entries()) yield* one([...path, j], value);
  };
  const cites = function* (path: Path, record: Loose): Generator<[Path, string]> {
    for (const [j, c] of list(record.sources).entries()) yield* one([...path, 'sources', j], typeof c === 'string' ? c : asObject(c).source);
  };
  const each = (collection: string) => recordsOf(document, collection).map((r, i) => [r, [collection, i] as Path] as const);

  for (const [r, at] of each('countries')) yield* cites(at, r);
  for (const [r, at] of each('institutions')) {
    yield* one([...at, 'country'], r.country, 'country:');
    yield* cites(at, r);
  }
  for (const [r, at] of each('labs')) {
    yield* one([...at, 'institution'], r.institution);
    yield* one([...at, 'head'], r.head);
    yield* cites(at, r);
  }
  for (const [r, at] of each('people')) {
    for (const [j, m] of list(r.memberships).map(asObject).entries()) {
      if (m.lab !== undefined && m.lab !== null) yield* one([...at, 'memberships', j, 'lab'], m.lab);
      else yield* one([...at, 'memberships', j, 'institution'], m.institution);
    }
    yield* cites(at, r);
  }
  for (const [r, at] of each('themes')) {
    yield* many([...at, 'leads'], r.leads);
    yield* many([...at, 'members'], r.members);
    yield* cites(at, r);
  }
  for (const [r, at] of each('materials')) {
    yield* one([...at, 'owner'], r.owner);
    yield* many([...at, 'themes'], r.themes);
    yield* cites(at, r);
  }
  for (const [r, at] of each('events')) {
    yield* one([...at, 'country'], r.country, 'country:');
    yield* cites(at, r);
  }
  for (const [r, at] of each('visits')) {
    for (const key of ['visitor', 'from', 'to', 'lab', 'event'] as const) yield* one([...at, key], r[key]);
    yield* many([...at, 'hosts'], r.hosts);
    yield* many([...at, 'themes'], r.themes);
    yield* many([...at, 'materials'], r.materials);
    yield* cites(at, r);
  }
  for (const [r, at] of each('papers')) {
    yield* many([...at, 'authors'], r.authors);
    yield* many([...at, 'themes'], r.themes);
    yield* cites(at, r);
  }
  for (const [r, at] of each('transfers')) {
    yield* one([...at, 'material'], r.material);
    yield* one([...at, 'from'], r.from);
    yield* many([...at, 'to'], r.to);
    yield* many([...at, 'recipients'], r.recipients);
    yield* cites(at, r);
  }
}

function danglingReferences(input: unknown): Problem[] {
  const document = asObject(input);
  const ids = new Set(COLLECTIONS.flatMap((c) => recordsOf(document, c).map((r) => text(r.id))));
  const problems: Problem[] = [];
  for (const [at, id] of referencesOf(document)) {
    if (!ids.has(id)) problems.push({ path: formatPath(at), at, message: `refers to "${id}", which the data set does not define` });
  }
  return problems;
}

import { stringify } from 'yaml';
import { DatasetError, formatProblem, parseDatasetText } from '../../../src/ingest/load';
import { syntheticDataset } from '../../fixtures/syntheticDataset';

/** Problems in a file come with the line and column of the value, in YAML and in JSON alike. */
function brokenDataset() {
  const ds = structuredClone(syntheticDataset(3)) as any;
  ds.people[1].careerStage = 'WIZARD'; // wrong type (not one of the enum)
  ds.visits[0].visitor = 'person:ghost'; // dangling reference
  ds.people.push({ ...ds.people[0], name: 'Second Person Zero' }); // duplicate id
  return ds;
}

function problemsOf(file: string, text: string) {
  try {
    parseDatasetText(file, text);
  } catch (error) {
    if (error instanceof DatasetError) return error.problems;
    throw error;
  }
  throw new Error('expected a DatasetError');
}

/** 1-based line and column of the first occurrence of `needle` at or after line `fromLine`. */
function positionOf(text: string, needle: string, fromLine = 1): { line: number; column: number } {
  const lines = text.split('\n');
  for (let i = fromLine - 1; i < lines.length; i += 1) {
    const col = lines[i].indexOf(needle);
    if (col >= 0) return { line: i + 1, column: col + 1 };
  }
  throw new Error(`${needle} not in text`);
}

describe.each([
  ['data.yaml', (ds: unknown) => stringify(ds), (value: string) => value],
  ['data.json', (ds: unknown) => JSON.stringify(ds, null, 2), (value: string) => JSON.stringify(value)],
])('%s', (file, serialise, token) => {
  const ds = brokenDataset();
  const text = serialise(ds);

  it('reports all three problems, each with its record id and the line:column of the value', () => {
    const problems = problemsOf(file, text);
    const person0 = ds.people[0].id;
    // The repeated id is the first occurrence of person 0's id in the copy, a few lines above its name.
    const copy = positionOf(text, 'Second Person Zero').line - 6;
    expect(problems.map(({ path, record, line, column }) => ({ path, record, line, column }))).toEqual([
      { path: 'people[1].careerStage', record: ds.people[1].id, ...positionOf(text, token('WIZARD')) },
      { path: 'people[3].id', record: person0, ...positionOf(text, token(person0), copy) },
      { path: 'visits[0].visitor', record: ds.visits[0].id, ...positionOf(text, token('person:ghost')) },
    ]);
  });

  it('formats each problem as file:line:column  path (record): message', () => {
    const [first] = problemsOf(file, text);
    expect(formatProblem(file, first)).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+  people\\[1\\]\\.careerStage \\(${ds.people[1].id}\\): `));
  });
});

it('places a missing field at its record', () => {
  const ds = structuredClone(syntheticDataset(2)) as any;
  delete ds.visits[0].status;
  const text = stringify(ds);
  const [problem] = problemsOf('x.yaml', text);
  expect(problem.path).toBe('visits[0].status');
  expect(problem.line).toBe(positionOf(text, `id: ${ds.visits[0].id}`).line);
});

it('gives the line of a YAML syntax error', () => {
  const [problem] = problemsOf('bad.yaml', 'format: kizuna-dataset\npeople: [\n  - a\n');
  expect(problem.message).toMatch(/^not valid YAML/);
  expect(problem.line).toBeGreaterThan(1);
});

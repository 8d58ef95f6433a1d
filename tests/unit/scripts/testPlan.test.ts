/** scripts/test-plan.js: what `npm test` does about Neo4j, decided before anything starts. */
type Plan =
  | { kind: 'none' }
  | { kind: 'given'; uri: string }
  | { kind: 'skip'; reason: string }
  | { kind: 'provision'; instance: string; port: number; uri: string; password: string };
interface TestPlanModule {
  selectedTiers(args: string[]): string[];
  neo4jPlan(args: string[], env: NodeJS.ProcessEnv): Plan;
  jestEnv(env: NodeJS.ProcessEnv, plan: Plan): NodeJS.ProcessEnv;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node without a build
const { selectedTiers, neo4jPlan, jestEnv } = require('../../../scripts/test-plan') as TestPlanModule;

describe('selectedTiers', () => {
  it('reads --selectProjects in both forms, several values included', () => {
    expect(selectedTiers(['--selectProjects', 'unit'])).toEqual(['unit']);
    expect(selectedTiers(['--selectProjects', 'unit', 'e2e', '--silent'])).toEqual(['unit', 'e2e']);
    expect(selectedTiers(['--selectProjects=contract'])).toEqual(['contract']);
    expect(selectedTiers(['--selectProjects=unit,browser'])).toEqual(['unit', 'browser']);
  });

  it('narrows to the tiers whose folders the path patterns name', () => {
    expect(selectedTiers(['tests/unit/config.test.ts'])).toEqual(['unit']);
    expect(selectedTiers(['tests/e2e', 'tests/unit/ingest'])).toEqual(['unit', 'e2e']);
  });

  it('keeps every tier for no arguments or a pattern that may match any tier', () => {
    expect(selectedTiers([])).toEqual(['unit', 'contract', 'e2e', 'browser']);
    expect(selectedTiers(['seed'])).toEqual(['unit', 'contract', 'e2e', 'browser']);
    expect(selectedTiers(['--silent'])).toEqual(['unit', 'contract', 'e2e', 'browser']);
  });
});

describe('neo4jPlan', () => {
  const developerShell = { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'kizuna-dev-password' };

  it('starts nothing for tiers that need no Neo4j (the README’s `npm test -- --selectProjects unit`)', () => {
    expect(neo4jPlan(['--selectProjects', 'unit'], {})).toEqual({ kind: 'none' });
    expect(neo4jPlan(['--selectProjects', 'unit', 'e2e', 'browser'], {})).toEqual({ kind: 'none' });
    expect(neo4jPlan(['tests/e2e/cli.test.ts'], developerShell)).toEqual({ kind: 'none' });
  });

  it('provisions the project’s test instance on 7688 for the contract tier, whatever NEO4J_URI says', () => {
    const expected = { kind: 'provision', instance: 'test', port: 7688, uri: 'bolt://127.0.0.1:7688', password: 'kizuna-dev-password' };
    expect(neo4jPlan([], {})).toEqual(expected);
    expect(neo4jPlan([], developerShell)).toEqual(expected);
    expect(neo4jPlan(['--selectProjects', 'contract'], developerShell)).toEqual(expected);
  });

  it('takes another port from KIZUNA_TEST_NEO4J_PORT and refuses the developer’s or a bad one', () => {
    expect(neo4jPlan([], { KIZUNA_TEST_NEO4J_PORT: '7711' })).toMatchObject({ kind: 'provision', port: 7711, uri: 'bolt://127.0.0.1:7711' });
    expect(() => neo4jPlan([], { KIZUNA_TEST_NEO4J_PORT: '7687' })).toThrow(/developer/);
    expect(() => neo4jPlan([], { KIZUNA_TEST_NEO4J_PORT: 'seven' })).toThrow(/not a port/);
    expect(() => neo4jPlan([], { KIZUNA_TEST_NEO4J_PORT: '70000' })).toThrow(/not a port/);
  });

  it('uses KIZUNA_TEST_NEO4J_URI as given, and skips on KIZUNA_SKIP_NEO4J=1', () => {
    expect(neo4jPlan([], { ...developerShell, KIZUNA_TEST_NEO4J_URI: 'bolt://10.0.0.5:7687' })).toEqual({ kind: 'given', uri: 'bolt://10.0.0.5:7687' });
    expect(neo4jPlan([], { KIZUNA_SKIP_NEO4J: '1' })).toEqual({ kind: 'skip', reason: 'KIZUNA_SKIP_NEO4J=1' });
  });
});

describe('jestEnv', () => {
  it('hands jest the test database and never the app’s NEO4J_*', () => {
    const env = { PATH: '/bin', NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'x', NEO4J_DATABASE: 'neo4j' };
    const plan = neo4jPlan([], env);
    expect(jestEnv(env, plan)).toEqual({ PATH: '/bin', KIZUNA_TEST_NEO4J_URI: 'bolt://127.0.0.1:7688', KIZUNA_TEST_NEO4J_PASSWORD: 'kizuna-dev-password' });
    expect(jestEnv({ KIZUNA_TEST_NEO4J_URI: 'bolt://h:1' }, { kind: 'given', uri: 'bolt://h:1' })).toEqual({ KIZUNA_TEST_NEO4J_URI: 'bolt://h:1' });
    expect(jestEnv({ KIZUNA_TEST_NEO4J_URI: 'bolt://h:1' }, { kind: 'skip', reason: 'x' })).toEqual({});
  });
});

import { isolateEnv } from '../../../support/isolate-env';
import { NEO4J_SKIP_REASON, neo4jTestConfig } from '../../../support/neo4j';
import { NotATestDatabaseError, ownershipOf } from '../../../support/testDatabase';

describe('neo4jTestConfig (which Neo4j the test tiers use)', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('reads KIZUNA_TEST_NEO4J_*, with the local defaults', () => {
    expect(neo4jTestConfig({ KIZUNA_TEST_NEO4J_URI: 'bolt://127.0.0.1:7688' })).toEqual({ uri: 'bolt://127.0.0.1:7688', user: 'neo4j', password: 'kizuna-dev-password', database: 'neo4j' });
    expect(
      neo4jTestConfig({ KIZUNA_TEST_NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', KIZUNA_TEST_NEO4J_USER: 'u', KIZUNA_TEST_NEO4J_PASSWORD: 'p', KIZUNA_TEST_NEO4J_DATABASE: 'd' }),
    ).toEqual({ uri: 'neo4j+s://x.databases.neo4j.io', user: 'u', password: 'p', database: 'd' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('never uses the app’s NEO4J_URI (a developer’s shell may export it for npm start)', () => {
    const env = { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_USER: 'dev', NEO4J_PASSWORD: 'devpw', NEO4J_DATABASE: 'dev' };
    expect(neo4jTestConfig(env)).toBeNull();
    expect(neo4jTestConfig({ ...env, KIZUNA_TEST_NEO4J_URI: 'bolt://127.0.0.1:7688' })).toEqual({ uri: 'bolt://127.0.0.1:7688', user: 'neo4j', password: 'kizuna-dev-password', database: 'neo4j' });
  });

  it('skips loudly, in one line, without KIZUNA_TEST_NEO4J_URI', () => {
    expect(neo4jTestConfig({})).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(NEO4J_SKIP_REASON);
    expect(NEO4J_SKIP_REASON).toMatch(/^Neo4j tier SKIPPED: KIZUNA_TEST_NEO4J_URI not set/);
  });

  it('fails instead when KIZUNA_REQUIRE_NEO4J=1 (CI)', () => {
    expect(() => neo4jTestConfig({ KIZUNA_REQUIRE_NEO4J: '1', NEO4J_URI: 'bolt://127.0.0.1:7687' })).toThrow(/KIZUNA_REQUIRE_NEO4J=1 but KIZUNA_TEST_NEO4J_URI/);
  });

  it('runs tests with the app’s NEO4J_* variables removed (tests/support/isolate-env.ts), the test ones kept', () => {
    const env: NodeJS.ProcessEnv = { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'devpw', KIZUNA_TEST_NEO4J_URI: 'bolt://127.0.0.1:7688', PATH: '/bin' };
    isolateEnv(env);
    expect(env).toEqual({ KIZUNA_TEST_NEO4J_URI: 'bolt://127.0.0.1:7688', PATH: '/bin' });
    expect(process.env.NEO4J_URI).toBeUndefined();
  });
});

describe('ownershipOf (may the tests clear this database?)', () => {
  it('clears a marked database, marks an empty one, refuses one with data and no marker', () => {
    expect(ownershipOf({ marked: true, hasData: true })).toBe('owned');
    expect(ownershipOf({ marked: true, hasData: false })).toBe('owned');
    expect(ownershipOf({ marked: false, hasData: false })).toBe('claim');
    expect(ownershipOf({ marked: false, hasData: true })).toBe('refuse');
  });

  it('names the database and the way out in its refusal', () => {
    const message = new NotATestDatabaseError({ uri: 'bolt://127.0.0.1:7687', database: 'neo4j' }).message;
    expect(message).toContain('bolt://127.0.0.1:7687');
    expect(message).toContain('KIZUNA_TEST_NEO4J_URI');
  });
});

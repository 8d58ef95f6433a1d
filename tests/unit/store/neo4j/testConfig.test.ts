import { NEO4J_SKIP_REASON, neo4jTestConfig } from '../../../support/neo4j';

describe('neo4jTestConfig (which Neo4j the test tiers use)', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('reads the app’s variables, with the local defaults', () => {
    expect(neo4jTestConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' })).toEqual({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: 'kizuna-dev-password', database: 'neo4j' });
    expect(neo4jTestConfig({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'd' })).toEqual({
      uri: 'neo4j+s://x.databases.neo4j.io',
      user: 'u',
      password: 'p',
      database: 'd',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips loudly, in one line, without NEO4J_URI', () => {
    expect(neo4jTestConfig({})).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(NEO4J_SKIP_REASON);
    expect(NEO4J_SKIP_REASON).toMatch(/^Neo4j tier SKIPPED: NEO4J_URI not set/);
  });

  it('fails instead when KIZUNA_REQUIRE_NEO4J=1 (CI)', () => {
    expect(() => neo4jTestConfig({ KIZUNA_REQUIRE_NEO4J: '1' })).toThrow(/KIZUNA_REQUIRE_NEO4J=1/);
  });
});

import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('runs out of the box on the embedded store', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', neo4j: null, maxPageSize: 100, seedFile: null });
    expect([...config.earlyCareer.stages].sort()).toEqual(['ASSISTANT_PROFESSOR', 'GRADUATE_STUDENT', 'LECTURER', 'POSTDOC']);
  });

  it('uses Neo4j when NEO4J_URI is set, Aura-style routing URIs included', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'p' }).neo4j).toEqual({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'neo4j',
      password: 'p',
      database: 'neo4j',
      transactionTimeoutMs: 20_000,
    });
  });

  it('reads the hardening settings, with safe defaults', () => {
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      production: false,
      limits: { maxTokens: 2000, maxDepth: 15, maxAliases: 50, maxFields: 1000, maxCost: 250_000 },
      execution: { storeConcurrency: 4, maxStoreCalls: 500, operationTimeoutMs: 30_000 },
      http: { allowedHosts: [], corsOrigins: [], rateLimitPerMinute: 0, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 },
    });
    const set = loadConfig({
      NODE_ENV: 'production',
      KIZUNA_MAX_ALIASES: '5',
      KIZUNA_CORS_ORIGINS: 'https://viz.example.org, http://localhost:5173',
      KIZUNA_ALLOWED_HOSTS: 'kizuna.example.org',
      KIZUNA_RATE_LIMIT_PER_MINUTE: '600',
    });
    expect(set).toMatchObject({
      production: true,
      limits: { maxAliases: 5 },
      http: { corsOrigins: ['https://viz.example.org', 'http://localhost:5173'], allowedHosts: ['kizuna.example.org'], rateLimitPerMinute: 600 },
    });
    expect(() => loadConfig({ KIZUNA_CORS_ORIGINS: 'https://viz.example.org/path' })).toThrow(/KIZUNA_CORS_ORIGINS/);
    expect(() => loadConfig({ KIZUNA_STORE_CONCURRENCY: '100' })).toThrow(/KIZUNA_STORE_CONCURRENCY/);
  });

  it('names every bad setting at start-up', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474' })).toThrow(/PORT[\s\S]*NEO4J_URI/);
  });

  it('takes a configured early-career rule and rejects unknown stages', () => {
    expect([...loadConfig({ KIZUNA_EARLY_CAREER_STAGES: 'graduate_student, POSTDOC' }).earlyCareer.stages]).toEqual(['GRADUATE_STUDENT', 'POSTDOC']);
    expect(() => loadConfig({ KIZUNA_EARLY_CAREER_STAGES: 'POSTDOC,WIZARD' })).toThrow(/WIZARD/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' })).toMatchObject({ neo4j: null, port: 4000 });
  });
});

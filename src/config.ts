import { z } from 'zod';
import { DEFAULT_EARLY_CAREER_RULE, parseEarlyCareerRule, type EarlyCareerRule } from './domain/earlyCareer';
import { DEFAULT_EXECUTION_LIMITS, type ExecutionLimits } from './graphql/requestStore';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './server/limits/settings';

/** How long Neo4j lets one transaction run before it stops it (db.transaction.timeout per transaction). */
export const DEFAULT_CYPHER_TIMEOUT_MS = 20_000;

/** A whole number ≥ min with a default. */
function count(fallback: number, min = 1) {
  return z.coerce.number().int().min(min).default(fallback);
}

/** A comma-separated list (empty entries dropped). */
function list() {
  return z
    .string()
    .default('')
    .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean));
}

/** Where `kizuna keys add` writes and the server looks for keys, relative to the working directory. */
export const DEFAULT_KEYS_FILE = 'kizuna-keys.json';

/**
 * Settings from the environment, validated once at start-up (.env.example lists them all).
 * A bad value stops the process with the setting's name rather than failing on first use.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must be a bolt:// or neo4j:// URI').optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default('kizuna-dev-password'),
  NEO4J_DATABASE: z.string().default('neo4j'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KIZUNA_EARLY_CAREER_STAGES: z.string().optional(),
  KIZUNA_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  KIZUNA_SEED_FILE: z.string().optional(),
  /** Hashed API keys, comma-separated `name:ROLE:id:salt:hash` lines (`kizuna keys add` prints one). */
  KIZUNA_API_KEYS: z.string().optional(),
  /** The keys file `kizuna keys add` writes and the server reads (hashes only). */
  KIZUNA_KEYS_FILE: z.string().default(DEFAULT_KEYS_FILE),
  /** Who may read: everyone (public, the default) or holders of a key of role READER or higher. */
  KIZUNA_READS: z.enum(['public', 'reader']).default('public'),
  /** Bulk import: records per UNWIND statement, and the largest import Neo4j runs as one transaction (larger ones are staged). */
  KIZUNA_IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
  KIZUNA_IMPORT_TRANSACTION_LIMIT: z.coerce.number().int().min(0).default(20_000),
  /** Staged imports: node batches in flight at once (docs/benchmarks.md measured 1–3 on two cores). */
  KIZUNA_IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(3),
  /** importDataset: bytes of file content one request may carry (bigger files: `kizuna import`). */
  KIZUNA_GRAPHQL_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(64 * 2 ** 20).default(4 * 2 ** 20),
  NODE_ENV: z.string().optional(),
  // Query limits (src/server/limits/settings.ts) and what one operation may ask of the store.
  KIZUNA_MAX_TOKENS: count(DEFAULT_QUERY_LIMITS.maxTokens),
  KIZUNA_MAX_DEPTH: count(DEFAULT_QUERY_LIMITS.maxDepth),
  KIZUNA_MAX_ALIASES: count(DEFAULT_QUERY_LIMITS.maxAliases, 0),
  KIZUNA_MAX_FIELDS: count(DEFAULT_QUERY_LIMITS.maxFields),
  KIZUNA_MAX_COST: count(DEFAULT_QUERY_LIMITS.maxCost),
  KIZUNA_STORE_CONCURRENCY: count(DEFAULT_EXECUTION_LIMITS.storeConcurrency).pipe(z.number().max(50, 'must stay well below the Neo4j pool size (100)')),
  KIZUNA_MAX_STORE_CALLS: count(DEFAULT_EXECUTION_LIMITS.maxStoreCalls),
  KIZUNA_OPERATION_TIMEOUT_MS: count(DEFAULT_EXECUTION_LIMITS.operationTimeoutMs),
  KIZUNA_CYPHER_TIMEOUT_MS: count(DEFAULT_CYPHER_TIMEOUT_MS),
  // HTTP hardening (src/server/guards.ts).
  KIZUNA_ALLOWED_HOSTS: list(),
  KIZUNA_CORS_ORIGINS: list().pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'each origin is scheme://host[:port], no path'))),
  KIZUNA_RATE_LIMIT_PER_MINUTE: count(0, 0),
  KIZUNA_HEADERS_TIMEOUT_MS: count(10_000),
  KIZUNA_REQUEST_TIMEOUT_MS: count(30_000),
});

export interface AuthConfig {
  envKeys: string | null;
  keysFile: string;
  reads: 'public' | 'reader';
}

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Neo4j stops a transaction that runs longer (TIMEOUT to the client); DEFAULT_CYPHER_TIMEOUT_MS when unset. */
  transactionTimeoutMs?: number;
}

/** The HTTP layer's defences (src/server/guards.ts, src/server/serve.ts). */
export interface HttpSettings {
  /** Host header values accepted besides localhost, 127.0.0.1 and [::1] (DNS rebinding); '*' accepts any. */
  allowedHosts: string[];
  /** Origins allowed to call the API from a browser (CORS); empty: no CORS headers at all. */
  corsOrigins: string[];
  /** Requests per minute per client address on /graphql and /export; 0: no limit. */
  rateLimitPerMinute: number;
  /** Time allowed to receive a request's headers / the whole request (slow clients are cut off). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export const DEFAULT_HTTP_SETTINGS: HttpSettings = {
  allowedHosts: [],
  corsOrigins: [],
  rateLimitPerMinute: 0,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

export interface Config {
  port: number;
  host: string;
  neo4j: Neo4jConfig | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  earlyCareer: EarlyCareerRule;
  maxPageSize: number;
  seedFile: string | null;
  auth: AuthConfig;
  importBatchSize: number;
  importTransactionLimit: number;
  /** Staged imports into Neo4j: node batches written at once. */
  importConcurrency: number;
  /** importDataset's cap on the content of one request, in bytes. */
  graphqlImportMaxBytes: number;
  /** NODE_ENV=production: no "did you mean" suggestions, no introspection. */
  production: boolean;
  limits: QueryLimits;
  execution: ExecutionLimits;
  http: HttpSettings;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE, transactionTimeoutMs: e.KIZUNA_CYPHER_TIMEOUT_MS }
      : null,
    logLevel: e.LOG_LEVEL,
    earlyCareer: e.KIZUNA_EARLY_CAREER_STAGES ? parseEarlyCareerRule(e.KIZUNA_EARLY_CAREER_STAGES) : DEFAULT_EARLY_CAREER_RULE,
    maxPageSize: e.KIZUNA_MAX_PAGE_SIZE,
    seedFile: e.KIZUNA_SEED_FILE ?? null,
    auth: { envKeys: e.KIZUNA_API_KEYS ?? null, keysFile: e.KIZUNA_KEYS_FILE, reads: e.KIZUNA_READS },
    importBatchSize: e.KIZUNA_IMPORT_BATCH_SIZE,
    importTransactionLimit: e.KIZUNA_IMPORT_TRANSACTION_LIMIT,
    importConcurrency: e.KIZUNA_IMPORT_CONCURRENCY,
    graphqlImportMaxBytes: e.KIZUNA_GRAPHQL_IMPORT_MAX_BYTES,
    production: e.NODE_ENV === 'production',
    limits: {
      maxTokens: e.KIZUNA_MAX_TOKENS,
      maxDepth: e.KIZUNA_MAX_DEPTH,
      maxAliases: e.KIZUNA_MAX_ALIASES,
      maxFields: e.KIZUNA_MAX_FIELDS,
      maxCost: e.KIZUNA_MAX_COST,
    },
    execution: {
      storeConcurrency: e.KIZUNA_STORE_CONCURRENCY,
      maxStoreCalls: e.KIZUNA_MAX_STORE_CALLS,
      operationTimeoutMs: e.KIZUNA_OPERATION_TIMEOUT_MS,
    },
    http: {
      allowedHosts: e.KIZUNA_ALLOWED_HOSTS,
      corsOrigins: e.KIZUNA_CORS_ORIGINS,
      rateLimitPerMinute: e.KIZUNA_RATE_LIMIT_PER_MINUTE,
      headersTimeoutMs: e.KIZUNA_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.KIZUNA_REQUEST_TIMEOUT_MS,
    },
  };
}

/** An empty variable (FOO=) means unset, as in most twelve-factor tools. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

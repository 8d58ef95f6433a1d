import { z } from 'zod';
import { DEFAULT_EARLY_CAREER_RULE, parseEarlyCareerRule, type EarlyCareerRule } from './domain/earlyCareer';

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
  /** Bulk import: records per UNWIND statement, and the largest import Neo4j runs as one transaction (larger ones are staged). */
  KIZUNA_IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1000),
  KIZUNA_IMPORT_TRANSACTION_LIMIT: z.coerce.number().int().min(0).default(20_000),
});

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface Config {
  port: number;
  host: string;
  neo4j: Neo4jConfig | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  earlyCareer: EarlyCareerRule;
  maxPageSize: number;
  seedFile: string | null;
  importBatchSize: number;
  importTransactionLimit: number;
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
    neo4j: e.NEO4J_URI ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE } : null,
    logLevel: e.LOG_LEVEL,
    earlyCareer: e.KIZUNA_EARLY_CAREER_STAGES ? parseEarlyCareerRule(e.KIZUNA_EARLY_CAREER_STAGES) : DEFAULT_EARLY_CAREER_RULE,
    maxPageSize: e.KIZUNA_MAX_PAGE_SIZE,
    seedFile: e.KIZUNA_SEED_FILE ?? null,
    importBatchSize: e.KIZUNA_IMPORT_BATCH_SIZE,
    importTransactionLimit: e.KIZUNA_IMPORT_TRANSACTION_LIMIT,
  };
}

/** An empty variable (FOO=) means unset, as in most twelve-factor tools. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

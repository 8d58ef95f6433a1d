import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Context } from '../graphql/context';
import { buildKizunaSchema } from '../graphql/schema';
import type { Logger } from '../logger';
import { createFormatError } from './formatError';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from './limits';
import { directExecutionPlugin } from './directExecution';
import { requestLogPlugin } from './requestLog';

export interface ApolloOptions {
  limits?: QueryLimits;
  /**
   * Answer fully compiled queries without graphql-js's per-field execution (default true);
   * false executes every operation through graphql-js (used to compare the two).
   */
  directExecution?: boolean;
  /** Production hides schema details from errors ("did you mean …" suggestions) and, by Apollo's default, introspection. */
  production?: boolean;
}

/**
 * The Apollo server, without HTTP: `server.executeOperation` uses it directly in schema-level
 * tests, and server/app.ts mounts it on /graphql.
 */
export function createApolloServer(logger: Logger, options: ApolloOptions = {}): ApolloServer<Context> {
  const schema = buildKizunaSchema();
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  return new ApolloServer<Context>({
    schema,
    // Apollo's own messages go to the same pino logger (not to the console).
    logger,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production ?? process.env.NODE_ENV === 'production',
    // graphql-js stops lexing here too (the HTTP route already refused longer documents before parsing).
    parseOptions: { maxTokens: limits.maxTokens },
    // The hosted Sandbox landing page needs the internet; the API must work fully offline.
    // No cache hints are declared, so the cache-control plugin would only wrap every field resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(schema, limits),
      requestLogPlugin(logger),
      ...(options.directExecution === false ? [] : [directExecutionPlugin(schema)]),
    ],
  });
}

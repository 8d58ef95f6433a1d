import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Context } from '../graphql/context';
import { buildKizunaSchema } from '../graphql/schema';
import type { Logger } from '../logger';
import { createFormatError } from './formatError';
import { queryLimitsPlugin } from './limits';
import { requestLogPlugin } from './requestLog';

/**
 * The Apollo server, without HTTP: `server.executeOperation` uses it directly in schema-level
 * tests, and server/app.ts mounts it on /graphql.
 */
export function createApolloServer(logger: Logger): ApolloServer<Context> {
  const schema = buildKizunaSchema();
  return new ApolloServer<Context>({
    schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // The hosted Sandbox landing page needs the internet; the API must work fully offline.
    // No cache hints are declared, so the cache-control plugin would only wrap every field resolver.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), queryLimitsPlugin(schema), requestLogPlugin(logger)],
  });
}

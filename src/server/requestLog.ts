import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import type { Logger } from '../logger';

/** One log line per operation: request id, name, duration and error codes (never variables or the query: they may hold personal data). */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      // At a level that drops the line, nothing is timed or built.
      if (!logger.isLevelEnabled('info')) return {};
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, contextValue }) {
          logger.info(
            {
              requestId: contextValue.requestId ?? null,
              operation: operationName ?? null,
              ms: Math.round(performance.now() - started),
              errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql',
          );
        },
      };
    },
  };
}

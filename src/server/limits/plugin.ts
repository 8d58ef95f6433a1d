import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { limitExceeded, refused } from '../../errors';
import type { Context } from '../../graphql/context';
import { queryCost, selectsAnalytics } from './cost';
import { cachedQueryCost } from './costCache';
import { checkShape, checkSource, operationShape } from './queryShape';
import type { QueryLimits } from './settings';
import { storeSizes } from './storeSizes';

/**
 * Refuses, before any resolver runs, an operation this schema cannot run or that is over a
 * limit (settings.ts gives the order). Fails closed: a query that cannot be costed is refused.
 * Every refusal is an HTTP 400 whose code says why (QUERY_TOO_COMPLEX with `limit`, `max`, `actual`).
 */
export function queryLimitsPlugin(schema: GraphQLSchema, limits: QueryLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, source, contextValue }) {
          if (!operation) return;
          if (!schema.getRootType(operation.operation)) {
            throw refused('OPERATION_NOT_SUPPORTED', `This API does not support ${operation.operation} operations.`, { operation: operation.operation });
          }
          // The HTTP route checked the text before parsing (server/app.ts); this covers executeOperation.
          if (source) checkSource(source, limits);
          checkShape(operationShape(document, operation), limits);
          const variables = request.variables ?? {};
          const sizes = selectsAnalytics(operation, document) ? await storeSizes(contextValue.baseStore) : null;
          let cost: number;
          try {
            cost = sizes ? queryCost(schema, document, operation, variables, sizes) : cachedQueryCost(schema, document, operation, variables);
          } catch (error) {
            // Variables that do not coerce are the client's mistake, said as such; anything else
            // that stops costing must not let the query through unchecked.
            if (error instanceof GraphQLError) throw refused('BAD_USER_INPUT', error.message);
            throw refused('QUERY_TOO_COMPLEX', 'Query cannot be costed, so it is refused.', { limit: 'COST' });
          }
          if (cost > limits.maxCost) throw limitExceeded('COST', cost, limits.maxCost, 'Ask for smaller pages, fewer nested lists or fewer analytics fields.');
        },
      };
    },
  };
}

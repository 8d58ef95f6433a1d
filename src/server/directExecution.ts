import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { executeCompiled } from '../graphql/compile/direct';
import type { Context } from '../graphql/context';

/**
 * Answers a query whose root fields are all compiled without graphql-js's field-by-field execution
 * (graphql/compile/direct.ts). Runs in `responseForOperation`, i.e. after parsing, validation and
 * every `didResolveOperation` hook (the query limits and cost), and after the context was made
 * (the caller's key checked): only execution itself is replaced. Anything it does not answer
 * (null) is executed by Apollo as usual.
 */
export function directExecutionPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ document, request, operationName, contextValue, source }) {
          const data = await executeCompiled({
            schema,
            document,
            operationName,
            variables: request.variables,
            context: contextValue,
            // Cheap and safe: a document without '@' has no @skip/@include, so its plan depends on its shape only.
            cacheable: !source.includes('@'),
          });
          return data ? { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } } : null;
        },
      };
    },
  };
}

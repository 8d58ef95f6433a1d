import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLList, GraphQLNonNull, type GraphQLOutputType, type GraphQLSchema, separateOperations } from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { badInput } from '../errors';
import { DEFAULT_PAGE_SIZE } from '../graphql/common/pagination';

/**
 * Cost limits, checked before execution so that one expensive query cannot starve the others.
 * A paged field costs `first` times its children; an unpaged list (person.visits) is assumed to
 * fan out by LIST_FAN_OUT. The bound is generous for real questions (a 100-person page with
 * three nested lists costs ~10^5) and stops accidental explosions (nesting lists six deep).
 */
export const MAX_COMPLEXITY = 250_000;
const LIST_FAN_OUT = 10;

/** A field with a `first` argument returns up to `first` children (DEFAULT_PAGE_SIZE when omitted). */
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + first * Math.max(1, childComplexity);
};

function isList(type: GraphQLOutputType): boolean {
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  return inner instanceof GraphQLList;
}

const listEstimator: ComplexityEstimator = ({ field, childComplexity }) =>
  isList(field.type) ? 1 + LIST_FAN_OUT * Math.max(1, childComplexity) : undefined;

export function queryComplexity(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown>): number {
  return getComplexity({ schema, query, variables, estimators: [pagedEstimator, listEstimator, simpleEstimator({ defaultComplexity: 1 })] });
}

export function queryLimitsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName }) {
          const operation = operationName ? separateOperations(document)[operationName] ?? document : document;
          let cost: number;
          try {
            cost = queryComplexity(schema, operation, request.variables ?? {});
          } catch {
            // Variables that do not coerce (an unknown enum value…) cannot be costed; execution
            // rejects them next with Apollo's own BAD_USER_INPUT, before any resolver runs.
            return;
          }
          if (cost > MAX_COMPLEXITY) {
            throw badInput(`Query is too expensive: cost ${cost} exceeds ${MAX_COMPLEXITY}. Ask for smaller pages or fewer nested lists.`, {
              cost,
              maxCost: MAX_COMPLEXITY,
            });
          }
        },
      };
    },
  };
}

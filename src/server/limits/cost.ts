import {
  type DocumentNode,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLOutputType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import type { GroupLevel } from '../../domain/enums';
import { DEFAULT_PAGE_SIZE } from '../../graphql/common/pagination';
import type { StoreSizes } from './storeSizes';

/**
 * The cost of a query, estimated before it runs. A paged field costs `first` times its children;
 * an unpaged list (person.visits) is assumed to fan out by LIST_FAN_OUT. Analytics root fields
 * cost their real work, read from the store's sizes: one unit per person plus one per 100
 * visits and papers for the collaboration measures (they walk every tie), one per group plus one
 * per 100 visits for circulation (it aggregates visits per group pair). The bound is generous for
 * real questions (a 100-person page with three nested lists costs ~10^5).
 */
const LIST_FAN_OUT = 10;
const PER_HUNDRED = 100;

/** Root fields whose work grows with the store, not with what they return. */
export const ANALYTICS_FIELDS = new Set(['bridges', 'brokerage', 'collaborationPath', 'neighborhood', 'graph', 'circulation', 'networkPeriod', 'networkChange', 'suggestPairings']);

function networkWork(s: StoreSizes): number {
  return s.people + Math.ceil((s.visits + s.papers) / PER_HUNDRED);
}

function analyticsWork(field: string, args: Record<string, unknown>, sizes: StoreSizes): number {
  if (field === 'circulation') {
    const level = (typeof args.groupBy === 'string' ? args.groupBy : 'COUNTRY') as GroupLevel;
    return (sizes.groups[level] ?? 0) + Math.ceil(sizes.visits / PER_HUNDRED);
  }
  // Two period views, each with its measures.
  if (field === 'networkChange') return 2 * networkWork(sizes);
  return networkWork(sizes);
}

function isList(type: GraphQLOutputType): boolean {
  const inner = type instanceof GraphQLNonNull ? type.ofType : type;
  return inner instanceof GraphQLList;
}

/** What a field's children cost in total: `first` pages, LIST_FAN_OUT for other lists, once otherwise. */
function childrenCost(field: { args: readonly { name: string }[]; type: GraphQLOutputType }, args: Record<string, unknown>, childComplexity: number): number {
  const child = Math.max(1, childComplexity);
  if (field.args.some((a) => a.name === 'first')) return (typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE) * child;
  return isList(field.type) ? LIST_FAN_OUT * child : childComplexity;
}

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  sizes: StoreSizes | null,
): number {
  const queryType = schema.getQueryType();
  const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    const work = sizes && type === queryType && ANALYTICS_FIELDS.has(field.name) ? analyticsWork(field.name, args, sizes) : 0;
    return 1 + work + childrenCost(field, args, childComplexity);
  };
  const query: DocumentNode = {
    ...document,
    definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation),
  };
  return getComplexity({ schema, query, variables, operationName: operation.name?.value, estimators: [estimator] });
}

/** Whether the operation selects an analytics field at its root (then its cost needs the store's sizes). */
export function selectsAnalytics(operation: OperationDefinitionNode, document: DocumentNode): boolean {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return ANALYTICS_FIELDS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(s.selectionSet);
      const spread = fragments.get(s.name.value);
      if (!spread || seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return walk(spread);
    });
  return walk(operation.selectionSet);
}

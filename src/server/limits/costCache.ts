import {
  type DocumentNode,
  getVariableValues,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
  visit,
} from 'graphql';
import { queryCost } from './cost';

/**
 * The cost of a non-analytics operation is a function of its document and of the variables it
 * reads: `first` arguments (a page costs `first` times its children) and @skip/@include (what is
 * costed at all). Every other variable only matters by whether it is present and null (a null for
 * a non-null argument stops costing with BAD_USER_INPUT). Costing walks the whole document with
 * graphql-js's TypeInfo (~70–90 µs for a small query, the largest fixed cost of a request), so its
 * answer is kept per parsed document under that key.
 *
 * The document is the one Apollo's document store hands back for the same text (same object), so an
 * entry lives as long as Apollo keeps the parsed document; a server without a document store parses
 * every request anew and simply never hits. Analytics operations are not cached here: their cost
 * also reads the store's sizes, which change.
 */
interface DocumentCosts {
  /** Variables whose values the cost reads (in `first` arguments or in directives). */
  readonly costVariables: ReadonlySet<string>;
  readonly costs: Map<string, number>;
}

/** Costs kept per document: distinct `first` values × operations; past this the map starts over (a client varying `first` cannot grow it). */
const MAX_COSTS_PER_DOCUMENT = 64;

/** Per schema (one per server), then per parsed document. */
const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, DocumentCosts>>();

export function cachedQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  /** The costing itself (a parameter so tests can count the walks). */
  compute: typeof queryCost = queryCost,
): number {
  let byDocument = bySchema.get(schema);
  if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
  let entry = byDocument.get(document);
  if (!entry) byDocument.set(document, (entry = { costVariables: costVariables(document), costs: new Map() }));
  const key = costKey(schema, operation, variables, entry.costVariables);
  // Variables that do not coerce: costing reports them (BAD_USER_INPUT) exactly as before.
  if (key === null) return compute(schema, document, operation, variables, null);
  const known = entry.costs.get(key);
  if (known !== undefined) return known;
  const cost = compute(schema, document, operation, variables, null);
  if (entry.costs.size >= MAX_COSTS_PER_DOCUMENT) entry.costs.clear();
  entry.costs.set(key, cost);
  return cost;
}

/**
 * What the cost of this operation depends on besides its document: the coerced values of the
 * cost variables, and for every other variable whether it is absent, null or given. Null when
 * the variables do not coerce.
 */
export function costKey(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>, costVars: ReadonlySet<string>): string | null {
  const definitions = operation.variableDefinitions ?? [];
  const coerced = getVariableValues(schema, definitions, variables, { maxErrors: 1 });
  if (coerced.errors) return null;
  const values = coerced.coerced;
  const parts: unknown[] = [operation.name?.value ?? null];
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    if (!Object.prototype.hasOwnProperty.call(values, name)) parts.push('absent');
    else if (costVars.has(name)) parts.push(values[name]);
    else parts.push(values[name] === null ? 'null' : 'given');
  }
  return JSON.stringify(parts);
}

/** Variables used as a `first` argument or anywhere inside a directive, in any operation or fragment of the document. */
export function costVariables(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  const collect = (value: ValueNode) =>
    visit(value, {
      Variable(node) {
        names.add(node.name.value);
      },
    });
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first') collect(node.value);
    },
    Directive(node) {
      for (const argument of node.arguments ?? []) collect(argument.value);
    },
    VariableDefinition() {
      // A variable's default value is not a use of it.
      return false;
    },
  });
  return names;
}

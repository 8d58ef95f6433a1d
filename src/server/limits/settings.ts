/**
 * The query limits, checked in this order before anything runs (each one bounds the work of the
 * next): tokens and nesting on the raw text (before graphql-js parses it recursively), then
 * aliases, fields and depth of the operation with fragments expanded (counted, not unrolled),
 * then the cost. Execution adds a store-call budget, a per-request store concurrency bound and a
 * deadline (src/graphql/requestStore.ts). Defaults suit real questions with room to spare; each is
 * a setting (src/config.ts).
 */
export interface QueryLimits {
  /** Lexical tokens in the document. */
  maxTokens: number;
  /** Nesting of { [ ( in the text, and of selections with fragments expanded. */
  maxDepth: number;
  /** Aliased fields in the operation, fragments expanded (each alias of a root field is its own store work). */
  maxAliases: number;
  /** Field selections in the operation, fragments expanded (bounds what costing has to visit). */
  maxFields: number;
  /** Estimated cost (src/server/limits/cost.ts). */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxTokens: 2000,
  maxDepth: 15,
  maxAliases: 50,
  maxFields: 1000,
  maxCost: 250_000,
};

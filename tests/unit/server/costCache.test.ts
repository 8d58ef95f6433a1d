import { getOperationAST, GraphQLError, parse } from 'graphql';
import { buildKizunaSchema } from '../../../src/graphql/schema';
import * as cost from '../../../src/server/limits/cost';
import { cachedQueryCost, costVariables } from '../../../src/server/limits/costCache';

/**
 * The cost kept per parsed document (src/server/limits/costCache.ts) must always equal what
 * costing the request afresh gives: it may only skip the walk, never change the answer.
 */
const schema = buildKizunaSchema();

const QUERY = `query q($n: Int, $m: Int, $id: ID = "person:x", $deep: Boolean!, $name: String = "a") {
  people(first: $n) { edges { node { id name visits { id } ...more @include(if: $deep) } } }
  visits(first: $m) { edges { node { id } } }
  person(id: $id) { id }
  search(text: $name) { __typename }
}
fragment more on Person { labs { lab { members(first: 3) { edges { node { id } } } } } }`;

const setUp = (query = QUERY) => {
  const document = parse(query);
  return { document, operation: getOperationAST(document)! };
};

describe('cachedQueryCost', () => {
  it('equals the uncached cost for every variation of what the cost reads', () => {
    const { document, operation } = setUp();
    const variations = [
      { n: 10, m: 5, deep: false, name: 'a' },
      { n: 100, m: 5, deep: false, name: 'a' },
      { n: 10, m: 50, deep: false, name: 'a' },
      { n: 10, m: 5, deep: true, name: 'a' },
      { n: null, m: 5, deep: true, name: 'b' },
      { m: 5, deep: true },
    ];
    // Twice over: the second pass answers from the cache.
    for (let pass = 0; pass < 2; pass++) {
      for (const variables of variations) {
        expect(cachedQueryCost(schema, document, operation, variables)).toBe(cost.queryCost(schema, document, operation, variables, null));
      }
    }
    const costs = variations.map((v) => cachedQueryCost(schema, document, operation, v));
    expect(new Set(costs).size).toBe(5); // the last two differ only by `first` null vs absent: the default page either way
  });

  it('costs a document once per value of its cost variables, whatever its other variables hold', () => {
    const { document, operation } = setUp();
    const walk = jest.fn(cost.queryCost);
    expect(cachedQueryCost(schema, document, operation, { n: 10, m: 5, deep: false, name: 'a' }, walk)).toBeGreaterThan(0);
    cachedQueryCost(schema, document, operation, { n: 10, m: 5, deep: false, name: 'other text', id: 'person:y' }, walk);
    expect(walk).toHaveBeenCalledTimes(1);
    cachedQueryCost(schema, document, operation, { n: 11, m: 5, deep: false, name: 'a' }, walk);
    expect(walk).toHaveBeenCalledTimes(2);
    // The same text parsed again is another document (Apollo's document store hands back one object per text).
    const again = setUp();
    cachedQueryCost(schema, again.document, again.operation, { n: 10, m: 5, deep: false, name: 'a' }, walk);
    expect(walk).toHaveBeenCalledTimes(3);
  });

  it('still refuses what costing refuses: variables that do not coerce, a null for a non-null argument', () => {
    const { document, operation } = setUp();
    const valid = { n: 10, m: 5, deep: false, name: 'a' };
    cachedQueryCost(schema, document, operation, valid);
    expect(() => cachedQueryCost(schema, document, operation, { ...valid, n: 'ten' })).toThrow(GraphQLError);
    expect(() => cachedQueryCost(schema, document, operation, { ...valid, deep: undefined })).toThrow(GraphQLError);
    // $id has a default, so null is its own value and reaches person(id: ID!): costing stops there.
    expect(() => cost.queryCost(schema, document, operation, { ...valid, id: null }, null)).toThrow(GraphQLError);
    expect(() => cachedQueryCost(schema, document, operation, { ...valid, id: null })).toThrow(GraphQLError);
    expect(() => cachedQueryCost(schema, document, operation, { ...valid, id: null })).toThrow(GraphQLError);
  });

  it('keeps its memory bounded when a client varies `first`', () => {
    const { document, operation } = setUp();
    for (let n = 1; n <= 500; n++) expect(cachedQueryCost(schema, document, operation, { n, m: 1, deep: false })).toBe(cost.queryCost(schema, document, operation, { n, m: 1, deep: false }, null));
  });
});

describe('costVariables', () => {
  it('names the variables of `first` arguments and directives anywhere in the document, not the others', () => {
    expect([...costVariables(parse(QUERY))].sort()).toEqual(['deep', 'm', 'n']);
    expect([...costVariables(parse('query($a: Int = 3, $s: Boolean!) { people(first: $a) { totalCount @skip(if: $s) } }'))].sort()).toEqual(['a', 's']);
  });
});

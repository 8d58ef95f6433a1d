import type { ApolloServer } from '@apollo/server';
import { DEFAULT_EARLY_CAREER_RULE } from '../../src/domain/earlyCareer';
import { createContext, type Context, type ContextDeps } from '../../src/graphql/context';
import { createLogger } from '../../src/logger';
import { createApolloServer } from '../../src/server/apollo';
import type { GraphStore } from '../../src/store/port';
import type { Principal } from '../../src/auth/keys';

export interface GraphQLResult<T = Record<string, any>> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown>; path?: ReadonlyArray<string | number> }>;
}

/** Schema-level test client: runs operations through Apollo (formatError, limits) without HTTP. */
export class TestApi {
  private readonly server: ApolloServer<Context>;

  /** `principal`: the caller as a verified API key would make it (null: anonymous). */
  /** `options.directExecution: false`: every operation through graphql-js (the compiled-read executor off). */
  constructor(
    private readonly store: GraphStore,
    private readonly principal: Principal | null = null,
    private readonly options: { directExecution?: boolean } = {},
    /** Settings of the context (e.g. importDataset's content cap) beyond the defaults. */
    private readonly deps: Partial<ContextDeps> = {},
  ) {
    this.server = createApolloServer(createLogger('silent'), options);
  }

  /** The same store, called with another key's identity. */
  as(principal: Principal | null): TestApi {
    return new TestApi(this.store, principal, this.options, this.deps);
  }

  async query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const contextValue = createContext({ store: this.store, earlyCareer: DEFAULT_EARLY_CAREER_RULE, maxPageSize: 100, ...this.deps }, null, this.principal);
    const response = await this.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult as GraphQLResult<T>;
  }

  /** Like query, but fails the test on any GraphQL error. */
  async data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.query<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  }
}

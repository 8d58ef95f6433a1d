import { ArgsType, Field, Int } from 'type-graphql';
import { badInput } from '../../errors';
import type { GraphNode } from '../../store/graph';
import type { GraphStore, NodeFilter, PageAfter, SortDirection } from '../../store/port';
import { SortDirectionEnum } from './enums';
import type { ConnectionShape } from './connection';
import { decodeCursor, encodeCursor } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;

  @Field(() => SortDirectionEnum, { nullable: true, description: 'By name (people, labs, institutions…) or start date (visits).' })
  direction?: SortDirection | null;
}

export interface PageRequest {
  first: number;
  after?: PageAfter;
  direction: SortDirection;
}

/** Validates paging arguments; out-of-range sizes are the client's mistake, not silently clamped. */
export function pageRequest(args: PageArgs, maxPageSize: number): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badInput(`\`first\` must be between 1 and ${maxPageSize}`, { argumentName: 'first' });
  }
  return { first, after: args.after ? decodeCursor(args.after) : undefined, direction: args.direction ?? 'ASC' };
}

/** Reads one page from the store (one store call) and shapes it as a Relay connection. */
export async function connectionFrom<T>(
  store: GraphStore,
  filter: NodeFilter,
  request: PageRequest,
  toItem: (node: GraphNode) => T,
  countTotal = true,
): Promise<ConnectionShape<T>> {
  const page = await store.page({ filter, ...request, countTotal });
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(node), node: toItem(node) }));
  return {
    edges,
    // Null only when countTotal was false, i.e. when the selection does not read it.
    totalCount: page.totalCount as number,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

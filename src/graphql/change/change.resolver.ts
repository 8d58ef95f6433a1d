import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { isLabel, LABELS, labelOfId, type Label } from '../../domain/ids';
import { badInput } from '../../errors';
import { normaliseInstant, type ChangeOp, type ChangePage, type ChangeQuery } from '../../store/changes';
import { fiscalYearRange } from '../../domain/fiscalYear';
import type { ConnectionShape } from '../common/connection';
import { DEFAULT_PAGE_SIZE } from '../common/pagination';
import type { Context } from '../context';
import { toEntity } from '../node/mappers';
import { Entity, Node } from '../node/node.type';
import { Change, ChangeConnection, ChangeOpEnum, toChange } from './change.type';

@ArgsType()
class ChangePageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}

@ArgsType()
class ChangesArgs extends ChangePageArgs {
  @Field(() => String, { nullable: true, description: 'Changes at or after this instant: ISO 8601, a date (midnight UTC), or a fiscal year "FY2025" (its 1 April).' })
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes before this instant (same forms as `since`).' })
  until?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes of this record.' })
  record?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes an import of this file made.' })
  importFile?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes of records of this type ("Visit", "Person", …).' })
  type?: string | null;

  @Field(() => ChangeOpEnum, { nullable: true })
  op?: ChangeOp | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only changes made after the (last) import of this file: "what changed since that report was loaded". BAD_USER_INPUT when the log has no import of it.',
  })
  afterImport?: string | null;
}

/** The change log: `changes(...)` at the root, `history` and `version` on every record type. */
@Resolver(() => Change)
export class ChangeResolver {
  @Query(() => ChangeConnection, { description: 'The change log, oldest first: every record written by a mutation or an import, with the fields that changed.' })
  async changes(@Args() args: ChangesArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Change>> {
    if (args.record != null && !labelOfId(args.record)) throw badInput('`record` must be a record id such as "person:…"', { argumentName: 'record' });
    if (args.afterImport != null && (await ctx.store.changes({ importFile: args.afterImport, first: 1 })).totalCount === 0) {
      throw badInput(`The change log has no import of "${args.afterImport}"`, { argumentName: 'afterImport' });
    }
    if (args.type != null && !isLabel(args.type)) throw badInput(`\`type\` must be one of ${LABELS.join(', ')}`, { argumentName: 'type' });
    return changeConnection(ctx, {
      afterImportFile: args.afterImport ?? undefined,
      label: (args.type as Label | null) ?? undefined,
      op: args.op ?? undefined,
      since: instantArg(args.since, 'since'),
      until: instantArg(args.until, 'until'),
      recordId: args.record ?? undefined,
      importFile: args.importFile ?? undefined,
      ...pageArgs(args, ctx.maxPageSize),
    });
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The record as it is now; null once deleted.' })
  async record(@Root() change: Change, @Ctx() ctx: Context): Promise<Entity | null> {
    const node = await ctx.loaders.node.load(change.recordId);
    return node ? toEntity(node) : null;
  }
}

/**
 * `version` and `history` on one record type; one small class per type, like `sources`
 * (type-graphql needs a resolver class per object type).
 */
export function recordMetaResolverFor(Type: new () => Entity): Function {
  @Resolver(() => Type)
  class RecordMetaResolver {
    @FieldResolver(() => Int, { description: 'Bumped by every write; send it back as `expectedVersion` to update only what you read.' })
    version(@Root() entity: Entity): number {
      const version = (entity as unknown as { version?: unknown }).version;
      return typeof version === 'number' ? version : 1;
    }

    @FieldResolver(() => ChangeConnection, { description: 'This record’s entries in the change log, oldest first.' })
    async history(@Root() entity: Entity, @Args() args: ChangePageArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Change>> {
      const page = pageArgs(args, ctx.maxPageSize);
      // First pages are batched over the parents (one store call for a list); later pages are one call each.
      if (page.afterSeq === undefined) return toConnection(await ctx.loaders.history(page.first).load(entity.id));
      return changeConnection(ctx, { recordId: entity.id, ...page });
    }
  }
  Object.defineProperty(RecordMetaResolver, 'name', { value: `${Type.name}RecordMetaResolver` });
  return RecordMetaResolver;
}

async function changeConnection(ctx: Context, query: ChangeQuery): Promise<ConnectionShape<Change>> {
  return toConnection(await ctx.store.changes(query));
}

function toConnection(page: ChangePage): ConnectionShape<Change> {
  const edges = page.changes.map((c) => ({ cursor: encodeChangeCursor(c.seq), node: toChange(c) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function pageArgs(args: ChangePageArgs, maxPageSize: number): { first: number; afterSeq?: number } {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) throw badInput(`\`first\` must be between 1 and ${maxPageSize}`, { argumentName: 'first' });
  return { first, afterSeq: args.after ? decodeChangeCursor(args.after) : undefined };
}

/** Change cursors are the entry's seq, opaque to clients (base64url of "change:<seq>"). */
export function encodeChangeCursor(seq: number): string {
  return Buffer.from(`change:${seq}`, 'utf8').toString('base64url');
}

function decodeChangeCursor(cursor: string): number {
  const match = /^change:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('`after` is not a cursor this API issued', { argumentName: 'after' });
  return Number(match[1]);
}

function instantArg(value: string | null | undefined, argumentName: string): string | undefined {
  if (value == null) return undefined;
  const fiscal = /^FY(\d{4})$/.exec(value);
  const instant = fiscal ? normaliseInstant(fiscalYearRange(Number(fiscal[1])).start) : normaliseInstant(value);
  if (!instant) throw badInput(`\`${argumentName}\` must be an ISO 8601 instant, a date (YYYY-MM-DD) or a fiscal year (FY2025)`, { argumentName });
  return instant;
}

import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { LABELS, labelOfId, type Label } from '../../domain/ids';
import type { Citation, PersonRecord, VisitRecord } from '../../domain/model';
import type { ScheduleChange, VisitStatus } from '../../domain/enums';
import { badInput } from '../../errors';
import { WriteService, type WriteOptions } from '../../write/service';
import { RECORD_KINDS } from '../../write/records';
import { addMembership, changeVisitStatus, endMembership } from '../../write/verbs';
import { ScheduleChangeEnum, VisitStatusEnum } from '../common/enums';
import type { Context } from '../context';
import { createLoaders } from '../loaders';
import { Change, toChange } from '../change/change.type';
import { TYPE_OF_LABEL } from '../node/mappers';
import type { Entity } from '../node/node.type';
import { Person } from '../person/person.type';
import { Visit } from '../visit/visit.type';
import { hydrate } from '../node/node.type';
import { inputTypeOf, plainInput } from './inputs';
import { citationSchema } from '../../domain/model';

/**
 * Mutations: an upsert per record type of the data-set format, delete, and the domain verbs.
 * Resolvers only pick the caller and delegate to the write service (src/write), which validates
 * with the format's zod schemas, checks references and versions, and logs every change.
 * Every mutation needs an EDITOR key; deleting needs ADMIN (graphql/auth.ts).
 */
const CitationInput = inputTypeOf('CitationInput', (citationSchema as unknown as { def: { options: never[] } }).def.options[1]);

/**
 * The write service over the request's store (its call budget and deadline apply). The request's
 * DataLoaders are replaced too, so what the mutation's selection reads is the written state, also
 * when an earlier field of the same operation loaded the same records.
 */
function writer(ctx: Context): WriteService {
  ctx.loaders = createLoaders(ctx.store);
  return new WriteService(ctx.store);
}

function options(ctx: Context, expectedVersion: number | null | undefined): WriteOptions {
  // @Authorized has run: a principal is present.
  return { actor: ctx.principal!, expectedVersion };
}

/** `upsert<Type>(input: <Type>Input!, expectedVersion: Int): <Type>!` for one label. */
function upsertResolverFor(label: Label): Function {
  const Type = TYPE_OF_LABEL[label];
  const Input = inputTypeOf(`${Type.name}Input`, RECORD_KINDS[label].schema, `A ${Type.name} record as the data-set format states it (docs/dataset-format.md).`);
  @Resolver()
  class UpsertResolver {
    @Authorized('EDITOR')
    @Mutation(() => Type, {
      name: `upsert${Type.name}`,
      description: `Creates or replaces a ${Type.name} (matched by id) with its references and citations. With expectedVersion, fails with CONFLICT unless the stored record is at that version.`,
    })
    async upsert(
      @Arg('input', () => Input) input: object,
      @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
      @Ctx() ctx: Context,
    ): Promise<Entity> {
      const { node } = await writer(ctx).upsert(label, plainInput(input), options(ctx, expectedVersion));
      return hydrate(Type, node);
    }
  }
  Object.defineProperty(UpsertResolver, 'name', { value: `Upsert${Type.name}Resolver` });
  return UpsertResolver;
}

@ObjectType({ description: 'What a delete removed and which records lost a reference to it.' })
class DeletePayload {
  @Field(() => [ID])
  deletedIds!: string[];

  @Field(() => [ID], { description: 'Records that referred to a deleted record and were updated (cascade only).' })
  updatedIds!: string[];

  @Field(() => [Change])
  changes!: Change[];
}

@Resolver()
export class MutationResolver {
  @Authorized('ADMIN')
  @Mutation(() => DeletePayload, {
    description: 'Deletes a record. Refuses with CONFLICT, naming each reference, while other records refer to it, unless cascade: true (they lose the reference; those left invalid are deleted too).',
  })
  async deleteRecord(
    @Arg('id', () => ID) id: string,
    @Arg('cascade', () => Boolean, { defaultValue: false }) cascade: boolean,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<DeletePayload> {
    if (!labelOfId(id)) throw badInput('`id` must be a record id such as "visit:…"', { argumentName: 'id' });
    const result = await writer(ctx).delete(id, cascade, options(ctx, expectedVersion));
    return { deletedIds: result.deleted, updatedIds: result.updated, changes: result.changes.map(toChange) };
  }

  @Authorized('EDITOR')
  @Mutation(() => Visit, { description: 'Records a new visit. Recording the same visit again changes nothing; another visit under an existing id is a CONFLICT (use upsertVisit or updateVisitStatus).' })
  async recordVisit(@Arg('input', () => inputTypeOf('VisitInput', RECORD_KINDS.Visit.schema)) input: object, @Ctx() ctx: Context): Promise<Visit> {
    const { node } = await writer(ctx).create('Visit', plainInput(input), options(ctx, null));
    return hydrate(Visit, node);
  }

  @Authorized('EDITOR')
  @Mutation(() => Visit, {
    description: 'Sets a visit’s status (COMPLETED, IN_PROGRESS, CANCELLED, …) and, for a schedule change (POSTPONED 繰越 / ADVANCED 前倒し), its new dates, with the citations that say so.',
  })
  async updateVisitStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => VisitStatusEnum) status: VisitStatus,
    @Arg('scheduleChange', () => ScheduleChangeEnum, { nullable: true }) scheduleChange: ScheduleChange | null,
    @Arg('start', () => String, { nullable: true, description: 'New start, a partial date.' }) start: string | null,
    @Arg('end', () => String, { nullable: true, description: 'New end, a partial date.' }) end: string | null,
    @Arg('duration', () => String, { nullable: true, description: 'New length, ISO 8601 of one unit (P3M).' }) duration: string | null,
    @Arg('sources', () => [CitationInput], { nullable: true }) sources: object[] | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Visit> {
    const edit = changeVisitStatus({ status, scheduleChange, start, end, duration, sources: citations(sources) });
    const { node } = await writer(ctx).edit('Visit', id, (r) => edit(r as VisitRecord), options(ctx, expectedVersion));
    return hydrate(Visit, node);
  }

  @Authorized('EDITOR')
  @Mutation(() => Person, { description: 'Adds a membership of a lab (or of an institution where no lab is known) to a person.' })
  async addMembership(
    @Arg('person', () => ID) person: string,
    @Arg('lab', () => ID, { nullable: true }) lab: string | null,
    @Arg('institution', () => ID, { nullable: true }) institution: string | null,
    @Arg('role', () => String, { nullable: true }) role: string | null,
    @Arg('roleJa', () => String, { nullable: true }) roleJa: string | null,
    @Arg('department', () => String, { nullable: true }) department: string | null,
    @Arg('since', () => String, { nullable: true, description: 'A partial date.' }) since: string | null,
    @Arg('sources', () => [CitationInput], { nullable: true }) sources: object[] | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Person> {
    const edit = addMembership({ lab, institution, role, roleJa, department, since, sources: citations(sources) });
    const { node } = await writer(ctx).edit('Person', person, (r) => edit(r as PersonRecord), options(ctx, expectedVersion));
    return hydrate(Person, node);
  }

  @Authorized('EDITOR')
  @Mutation(() => Person, { description: 'Ends a person’s open membership of a lab or institution (sets `until`).' })
  async endMembership(
    @Arg('person', () => ID) person: string,
    @Arg('lab', () => ID, { nullable: true }) lab: string | null,
    @Arg('institution', () => ID, { nullable: true }) institution: string | null,
    @Arg('until', () => String, { description: 'A partial date.' }) until: string,
    @Arg('sources', () => [CitationInput], { nullable: true }) sources: object[] | null,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Person> {
    const edit = endMembership({ lab, institution, until, sources: citations(sources) });
    const { node } = await writer(ctx).edit('Person', person, (r) => edit(r as PersonRecord), options(ctx, expectedVersion));
    return hydrate(Person, node);
  }
}

function citations(sources: object[] | null): Citation[] | null {
  return sources ? (plainInput(sources) as Citation[]) : null;
}

export const MUTATION_RESOLVERS: Function[] = [MutationResolver, ...LABELS.map(upsertResolverFor)];

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root, Info } from 'type-graphql';
import { entityById, optionalIdOf, requireCountryCode } from '../common/args';
import { Connection } from '../common/connection';
import { PageArgs, pageRequest } from '../common/pagination';
import { connectionOf } from '../compile/resolvers';
import { neighboursOf, related, relatedOne } from '../common/related';
import type { Context } from '../context';
import { Institution } from '../institution/institution.type';
import { hydrate } from '../node/node.type';
import { toEntityOf } from '../node/mappers';
import { MembershipFields, Person } from '../person/person.type';
import { Visit } from '../visit/visit.type';
import { Lab } from './lab.type';

const LabConnection = Connection(Lab, 'Lab');

@InputType()
class LabFilter {
  @Field(() => ID, { nullable: true })
  institution?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country?: string | null;
}

@ArgsType()
class LabsArgs extends PageArgs {
  @Field(() => LabFilter, { nullable: true })
  filter?: LabFilter | null;
}

@ObjectType()
class LabMember extends MembershipFields {
  @Field(() => Person)
  person!: Person;
}

@Resolver(() => Lab)
export class LabResolver {
  @Query(() => Lab, { nullable: true })
  lab(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Lab | null> {
    return entityById(ctx, 'Lab', id, Lab, info);
  }

  @Query(() => LabConnection)
  labs(@Args() args: LabsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = {
      institution: optionalIdOf('Institution', args.filter?.institution, 'filter.institution'),
      country: requireCountryCode(args.filter?.country, 'filter.country'),
    };
    return connectionOf(ctx, info, { label: 'Lab', where }, pageRequest(args, ctx.maxPageSize), toEntityOf(Lab));
  }

  @FieldResolver(() => Institution, { nullable: true })
  institution(@Root() lab: Lab, @Ctx() ctx: Context): Promise<Institution | null> {
    return relatedOne(ctx, lab.id, 'PART_OF', 'OUT', Institution);
  }

  @FieldResolver(() => Person, { nullable: true })
  head(@Root() lab: Lab, @Ctx() ctx: Context): Promise<Person | null> {
    return relatedOne(ctx, lab.id, 'HEADS', 'IN', Person);
  }

  @FieldResolver(() => [LabMember])
  async members(@Root() lab: Lab, @Ctx() ctx: Context): Promise<LabMember[]> {
    const found = await neighboursOf(ctx, lab.id, 'MEMBER_OF', 'IN');
    return found.map((n) => Object.assign(new LabMember(), n.rel, { person: hydrate(Person, n.node) }));
  }

  @FieldResolver(() => [Visit], { description: 'Visits hosted in this lab.' })
  visits(@Root() lab: Lab, @Ctx() ctx: Context): Promise<Visit[]> {
    return related(ctx, lab.id, 'AT', 'IN', Visit);
  }
}

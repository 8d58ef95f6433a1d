import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root, Field, Info } from 'type-graphql';
import { isEarlyCareer } from '../../domain/earlyCareer';
import type { PersonWhere } from '../../store/port';
import { entityById, optionalIdOf, requireCountryCode } from '../common/args';
import { Connection } from '../common/connection';
import { pageRequest } from '../common/pagination';
import { connectionOf } from '../compile/resolvers';
import { neighboursOf, related } from '../common/related';
import type { Context } from '../context';
import { Institution } from '../institution/institution.type';
import { Lab } from '../lab/lab.type';
import { hydrate } from '../node/node.type';
import { toEntityOf } from '../node/mappers';
import { Paper } from '../paper/paper.type';
import { Theme } from '../theme/theme.type';
import { Visit } from '../visit/visit.type';
import { PeopleArgs, type PersonFilter } from './person.args';
import { MembershipFields, Person } from './person.type';

const PersonConnection = Connection(Person, 'Person');

@ObjectType()
class LabMembership extends MembershipFields {
  @Field(() => Lab)
  lab!: Lab;
}

@ObjectType()
class Affiliation extends MembershipFields {
  @Field(() => Institution)
  institution!: Institution;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Person | null> {
    return entityById(ctx, 'Person', id, Person, info);
  }

  @Query(() => PersonConnection)
  people(@Args() args: PeopleArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const where = personWhere(args.filter ?? {}, ctx);
    return connectionOf(ctx, info, { label: 'Person', where }, pageRequest(args, ctx.maxPageSize), toEntityOf(Person));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Under the configured early-career rule; null when the stage is UNKNOWN.' })
  earlyCareer(@Root() person: Person, @Ctx() ctx: Context): boolean | null {
    return isEarlyCareer(person.careerStage, ctx.earlyCareer);
  }

  @FieldResolver(() => [LabMembership])
  async labs(@Root() person: Person, @Ctx() ctx: Context): Promise<LabMembership[]> {
    const found = await neighboursOf(ctx, person.id, 'MEMBER_OF', 'OUT');
    return found.map((n) => Object.assign(new LabMembership(), n.rel, { lab: hydrate(Lab, n.node) }));
  }

  @FieldResolver(() => [Affiliation], { description: 'Institutions the person belongs to where no lab is known.' })
  async affiliations(@Root() person: Person, @Ctx() ctx: Context): Promise<Affiliation[]> {
    const found = await neighboursOf(ctx, person.id, 'AFFILIATED_WITH', 'OUT');
    return found.map((n) => Object.assign(new Affiliation(), n.rel, { institution: hydrate(Institution, n.node) }));
  }

  @FieldResolver(() => [Lab])
  headOf(@Root() person: Person, @Ctx() ctx: Context): Promise<Lab[]> {
    return related(ctx, person.id, 'HEADS', 'OUT', Lab);
  }

  @FieldResolver(() => [Visit], { description: 'Visits this person made.' })
  visits(@Root() person: Person, @Ctx() ctx: Context): Promise<Visit[]> {
    return related(ctx, person.id, 'MADE', 'OUT', Visit);
  }

  @FieldResolver(() => [Visit], { description: 'Visits this person hosted.' })
  hosted(@Root() person: Person, @Ctx() ctx: Context): Promise<Visit[]> {
    return related(ctx, person.id, 'HOSTED_BY', 'IN', Visit);
  }

  @FieldResolver(() => [Theme], { description: 'Themes this person leads (研究実施体制).' })
  leads(@Root() person: Person, @Ctx() ctx: Context): Promise<Theme[]> {
    return related(ctx, person.id, 'LEADS', 'OUT', Theme);
  }

  @FieldResolver(() => [Theme])
  worksOn(@Root() person: Person, @Ctx() ctx: Context): Promise<Theme[]> {
    return related(ctx, person.id, 'WORKS_ON', 'OUT', Theme);
  }

  @FieldResolver(() => [Paper])
  papers(@Root() person: Person, @Ctx() ctx: Context): Promise<Paper[]> {
    return related(ctx, person.id, 'AUTHORED', 'OUT', Paper);
  }
}

function personWhere(filter: PersonFilter, ctx: Context): PersonWhere {
  return {
    careerStages: filter.careerStage ?? undefined,
    earlyCareer: filter.earlyCareer ?? undefined,
    earlyCareerStages: [...ctx.earlyCareer.stages],
    programRole: filter.programRole ?? undefined,
    placeholder: filter.placeholder ?? undefined,
    institution: optionalIdOf('Institution', filter.institution, 'filter.institution'),
    lab: optionalIdOf('Lab', filter.lab, 'filter.lab'),
    country: requireCountryCode(filter.country, 'filter.country'),
  };
}

import { ArgsType, Field, ID, InputType } from 'type-graphql';
import type { CareerStage, ProgramRole } from '../../domain/enums';
import { CareerStageEnum, ProgramRoleEnum } from '../common/enums';
import { PageArgs } from '../common/pagination';

@InputType({ description: 'Every field is optional; fields combine with AND.' })
export class PersonFilter {
  @Field(() => [CareerStageEnum], { nullable: true })
  careerStage?: CareerStage[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Early-career under the configured rule; people of UNKNOWN stage match neither true nor false.' })
  earlyCareer?: boolean | null;

  @Field(() => ProgramRoleEnum, { nullable: true })
  programRole?: ProgramRole | null;

  @Field(() => Boolean, { nullable: true })
  placeholder?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Members of this institution (through a lab or directly).' })
  institution?: string | null;

  @Field(() => ID, { nullable: true, description: 'Members or head of this lab.' })
  lab?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO code of an institution’s country.' })
  country?: string | null;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => PersonFilter, { nullable: true })
  filter?: PersonFilter | null;
}

import { Field, Int, ObjectType } from 'type-graphql';
import type { CareerStage, ProgramRole } from '../../domain/enums';
import { CareerStageEnum, ProgramRoleEnum } from '../common/enums';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A researcher, or a placeholder for people the source mentions without naming.' })
export class Person extends Entity {
  @Field(() => String, { nullable: true, description: 'Full name in Latin script, where the source gives it.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Full name in Japanese script.' })
  nameJa?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string | null;

  @Field(() => String, { nullable: true })
  familyNameJa?: string | null;

  @Field(() => String, { description: 'Latin name, else Japanese, else family name, else the cohort label.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Title as written ("Dr."): not a career stage.' })
  title?: string | null;

  @Field(() => CareerStageEnum)
  careerStage!: CareerStage;

  @Field(() => ProgramRoleEnum, { nullable: true })
  programRole?: ProgramRole | null;

  @Field(() => Boolean, { description: 'True for an unnamed person the source mentions ("an Osaka University graduate student").' })
  placeholder!: boolean;

  @Field(() => String, { nullable: true, description: 'What a placeholder stands for.' })
  cohort?: string | null;

  @Field(() => String, { nullable: true, description: 'The cohort label in English, where the data set gives one (the `cohort` is in the source\'s words).' })
  cohortEn?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many people a placeholder stands for, when the source says.' })
  headcount?: number | null;

  @Field(() => String, { nullable: true })
  orcid?: string | null;
}

@ObjectType({ description: 'A person’s membership of a lab or affiliation with an institution.' })
export class MembershipFields {
  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  roleJa?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'Partial date.' })
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Partial date.' })
  until?: string | null;
}

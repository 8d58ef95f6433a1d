import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { VisitStatus } from '../../domain/enums';
import { VisitStatusEnum } from '../common/enums';
import { PageArgs } from '../common/pagination';

@InputType({ description: 'Every field is optional; fields combine with AND.' })
export class VisitFilter {
  @Field(() => [VisitStatusEnum], { nullable: true })
  status?: VisitStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'Japanese fiscal year of the start (FY2024 = April 2024 – March 2025).' })
  fiscalYear?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO code of the country visited from.' })
  fromCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO code of the country visited.' })
  toCountry?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the visitor is early-career (configured rule).' })
  earlyCareer?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The visitor.' })
  person?: string | null;
}

@ArgsType()
export class VisitsArgs extends PageArgs {
  @Field(() => VisitFilter, { nullable: true })
  filter?: VisitFilter | null;
}

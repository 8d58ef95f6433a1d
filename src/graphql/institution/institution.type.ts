import { Field, ObjectType } from 'type-graphql';
import type { InstitutionKind } from '../../domain/enums';
import { InstitutionKindEnum } from '../common/enums';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node })
export class Institution extends Entity {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameJa?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. JLU, JHIM, NIMS.' })
  shortName?: string | null;

  @Field(() => [String], { description: 'Other names and abbreviations the sources use.' })
  aliases!: string[];

  /** The stored ISO code; exposed as `countryCode` (the `country` field resolves the Country). */
  country!: string;

  @Field(() => InstitutionKindEnum)
  kind!: InstitutionKind;

  @Field(() => Boolean, { description: 'True for "an institution in <country>" where the source names none.' })
  placeholder!: boolean;
}

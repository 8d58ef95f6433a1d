import { Field, ObjectType } from 'type-graphql';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node })
export class Country extends Entity {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameJa?: string | null;
}

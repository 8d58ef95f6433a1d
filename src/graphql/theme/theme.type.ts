import { Field, ObjectType } from 'type-graphql';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A research theme of the program (研究テーマ).' })
export class Theme extends Entity {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameJa?: string | null;
}

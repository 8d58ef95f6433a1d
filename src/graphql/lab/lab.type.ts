import { Field, ObjectType } from 'type-graphql';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A research group; the "labs" of network questions.' })
export class Lab extends Entity {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameJa?: string | null;
}

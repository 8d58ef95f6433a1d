import { Field, ObjectType } from 'type-graphql';
import type { MaterialKind } from '../../domain/enums';
import { MaterialKindEnum } from '../common/enums';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A material, device, technique or facility that moves between labs.' })
export class Material extends Entity {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameJa?: string | null;

  @Field(() => MaterialKindEnum)
  kind!: MaterialKind;
}

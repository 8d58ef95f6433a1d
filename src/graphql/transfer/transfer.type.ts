import { Field, ObjectType } from 'type-graphql';
import type { VisitStatus } from '../../domain/enums';
import { VisitStatusEnum } from '../common/enums';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A material, device or technique provided by one institution to others.' })
export class Transfer extends Entity {
  @Field(() => String, { nullable: true, description: 'Partial date.' })
  date?: string | null;

  @Field(() => VisitStatusEnum)
  status!: VisitStatus;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

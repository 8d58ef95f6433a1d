import { Field, ObjectType } from 'type-graphql';
import type { EventKind, VisitStatus } from '../../domain/enums';
import { EventKindEnum, VisitStatusEnum } from '../common/enums';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node, description: 'A conference or workshop.' })
export class Event extends Entity {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  nameJa?: string | null;

  @Field(() => EventKindEnum)
  kind!: EventKind;

  @Field(() => VisitStatusEnum)
  status!: VisitStatus;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Partial date.' })
  start?: string | null;

  @Field(() => String, { nullable: true, description: 'Partial date.' })
  end?: string | null;
}

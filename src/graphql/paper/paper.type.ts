import { Field, Int, ObjectType } from 'type-graphql';
import type { PaperStatus } from '../../domain/enums';
import { PaperStatusEnum } from '../common/enums';
import { Entity, Node } from '../node/node.type';

@ObjectType({ implements: Node })
export class Paper extends Entity {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  titleJa?: string | null;

  @Field(() => PaperStatusEnum)
  status!: PaperStatus;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  doi?: string | null;
}

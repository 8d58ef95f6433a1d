import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { related, relatedOne } from '../common/related';
import type { Context } from '../context';
import { Institution } from '../institution/institution.type';
import { Material } from '../material/material.type';
import { Person } from '../person/person.type';
import { Transfer } from './transfer.type';

@Resolver(() => Transfer)
export class TransferResolver {
  @FieldResolver(() => Material, { nullable: true })
  material(@Root() transfer: Transfer, @Ctx() ctx: Context): Promise<Material | null> {
    return relatedOne(ctx, transfer.id, 'OF', 'OUT', Material);
  }

  @FieldResolver(() => Institution, { nullable: true })
  from(@Root() transfer: Transfer, @Ctx() ctx: Context): Promise<Institution | null> {
    return relatedOne(ctx, transfer.id, 'FROM', 'OUT', Institution);
  }

  @FieldResolver(() => [Person], { description: 'People or groups who received it, where the source names them.' })
  recipients(@Root() transfer: Transfer, @Ctx() ctx: Context): Promise<Person[]> {
    return related(ctx, transfer.id, 'RECEIVED_BY', 'OUT', Person);
  }

  @FieldResolver(() => [Institution])
  to(@Root() transfer: Transfer, @Ctx() ctx: Context): Promise<Institution[]> {
    return related(ctx, transfer.id, 'TO', 'OUT', Institution);
  }
}

import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { allOf } from '../common/list';
import { related, relatedOne } from '../common/related';
import type { Context } from '../context';
import { Country } from '../country/country.type';
import { hydrate } from '../node/node.type';
import { Visit } from '../visit/visit.type';
import { Event } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => [Event], { description: 'Conferences and workshops, by date.' })
  async events(@Ctx() ctx: Context): Promise<Event[]> {
    return (await allOf(ctx, 'Event')).map((n) => hydrate(Event, n));
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() event: Event, @Ctx() ctx: Context): Promise<Country | null> {
    return relatedOne(ctx, event.id, 'HELD_IN', 'OUT', Country);
  }

  @FieldResolver(() => [Visit])
  visits(@Root() event: Event, @Ctx() ctx: Context): Promise<Visit[]> {
    return related(ctx, event.id, 'FOR', 'IN', Visit);
  }
}

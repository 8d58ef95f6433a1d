import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { allOf } from '../common/list';
import { related } from '../common/related';
import { Event } from '../event/event.type';
import { Institution } from '../institution/institution.type';
import { hydrate } from '../node/node.type';
import { Country } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { description: 'All countries, by code.' })
  async countries(@Ctx() ctx: Context): Promise<Country[]> {
    return (await allOf(ctx, 'Country')).map((n) => hydrate(Country, n));
  }

  @FieldResolver(() => [Institution])
  institutions(@Root() country: Country, @Ctx() ctx: Context): Promise<Institution[]> {
    return related(ctx, country.id, 'LOCATED_IN', 'IN', Institution);
  }

  @FieldResolver(() => [Event])
  events(@Root() country: Country, @Ctx() ctx: Context): Promise<Event[]> {
    return related(ctx, country.id, 'HELD_IN', 'IN', Event);
  }
}

import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { allOf } from '../common/list';
import { related } from '../common/related';
import type { Context } from '../context';
import { Material } from '../material/material.type';
import { hydrate } from '../node/node.type';
import { Paper } from '../paper/paper.type';
import { Person } from '../person/person.type';
import { Visit } from '../visit/visit.type';
import { Theme } from './theme.type';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme], { description: 'The program’s research themes.' })
  async themes(@Ctx() ctx: Context): Promise<Theme[]> {
    return (await allOf(ctx, 'Theme')).map((n) => hydrate(Theme, n));
  }

  @FieldResolver(() => [Person], { description: 'Leading researchers (中心となる研究者).' })
  leads(@Root() theme: Theme, @Ctx() ctx: Context): Promise<Person[]> {
    return related(ctx, theme.id, 'LEADS', 'IN', Person);
  }

  @FieldResolver(() => [Person])
  members(@Root() theme: Theme, @Ctx() ctx: Context): Promise<Person[]> {
    return related(ctx, theme.id, 'WORKS_ON', 'IN', Person);
  }

  @FieldResolver(() => [Visit])
  visits(@Root() theme: Theme, @Ctx() ctx: Context): Promise<Visit[]> {
    return related(ctx, theme.id, 'ABOUT', 'IN', Visit);
  }

  @FieldResolver(() => [Material])
  materials(@Root() theme: Theme, @Ctx() ctx: Context): Promise<Material[]> {
    return related(ctx, theme.id, 'ABOUT', 'IN', Material);
  }

  @FieldResolver(() => [Paper])
  papers(@Root() theme: Theme, @Ctx() ctx: Context): Promise<Paper[]> {
    return related(ctx, theme.id, 'ABOUT', 'IN', Paper);
  }
}

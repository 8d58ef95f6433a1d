import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Props } from '../../store/graph';
import { neighboursOf } from '../common/related';
import type { Context } from '../context';
import { toEntity } from '../node/mappers';
import { Entity, hydrate, Node } from '../node/node.type';
import { Citation, Source } from './source.type';

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => [Node], { description: 'The records that cite this passage.' })
  async cites(@Root() source: Source, @Ctx() ctx: Context): Promise<Node[]> {
    return (await neighboursOf(ctx, source.id, 'CITED_IN', 'IN')).map((n) => toEntity(n.node));
  }
}

/**
 * `sources` exists on every type; one small resolver class per type adds it, built here so the
 * field is defined once. (type-graphql needs a resolver class per object type.)
 */
export function sourcesResolverFor(Type: new () => Entity): Function {
  @Resolver(() => Type)
  class SourcesResolver {
    @FieldResolver(() => [Citation], { description: 'Provenance: the passages this record is taken from.' })
    async sources(@Root() entity: Entity, @Ctx() ctx: Context): Promise<Citation[]> {
      const cited = await neighboursOf(ctx, entity.id, 'CITED_IN', 'OUT');
      return cited.map((n) => toCitation(n.rel, hydrate(Source, n.node)));
    }
  }
  Object.defineProperty(SourcesResolver, 'name', { value: `${Type.name}SourcesResolver` });
  return SourcesResolver;
}

function toCitation(rel: Props, source: Source): Citation {
  return Object.assign(new Citation(), {
    source,
    field: rel.field ?? null,
    reading: rel.reading ?? null,
    canonical: rel.canonical ?? null,
    note: rel.note ?? null,
  });
}

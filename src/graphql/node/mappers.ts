import type { Label } from '../../domain/ids';
import type { GraphNode } from '../../store/graph';
import { Country } from '../country/country.type';
import { Event } from '../event/event.type';
import { Institution } from '../institution/institution.type';
import { Lab } from '../lab/lab.type';
import { Material } from '../material/material.type';
import { Paper } from '../paper/paper.type';
import { Person } from '../person/person.type';
import { Source } from '../source/source.type';
import { Theme } from '../theme/theme.type';
import { Transfer } from '../transfer/transfer.type';
import { Visit } from '../visit/visit.type';
import { type Entity, hydrate } from './node.type';

/** The GraphQL object type of each label; the only place that knows both sides. */
export const TYPE_OF_LABEL: Record<Label, new () => Entity> = {
  Person,
  Institution,
  Lab,
  Country,
  Theme,
  Material,
  Visit,
  Paper,
  Event,
  Transfer,
  Source,
};

const LABEL_OF_TYPE = new Map<Function, Label>(Object.entries(TYPE_OF_LABEL).map(([label, type]) => [type, label as Label]));

/** The label whose nodes a GraphQL object type shows. */
export function labelOfType(Type: Function): Label {
  const label = LABEL_OF_TYPE.get(Type);
  if (!label) throw new TypeError(`${Type.name} is not the object type of any label`);
  return label;
}

export function toEntity(node: GraphNode): Entity {
  return hydrate(TYPE_OF_LABEL[node.label], node);
}

export function toEntityOf<T extends Entity>(Type: new () => T) {
  return (node: GraphNode): T => hydrate(Type, node);
}

import { Field, ID, InterfaceType } from 'type-graphql';
import type { Label } from '../../domain/ids';
import type { GraphNode } from '../../store/graph';

/**
 * Relay's Node: every record has a global id that carries its type ("person:nakanishi-shuji"),
 * so `node(id)` resolves anything and clients can cache by id.
 */
@InterfaceType({ resolveType: (value: Entity) => value.__label })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

/** Base of every object type: the node's id, its label (for resolveType) and its stored properties. */
export abstract class Entity extends Node {
  __label!: Label;
}

/**
 * Makes a GraphQL object from a stored node. Properties are copied as stored: a property the
 * store does not have resolves to null, which is what "unknown" means throughout the API.
 */
export function hydrate<T extends Entity>(Type: new () => T, node: GraphNode): T {
  return Object.assign(new Type(), node.props, { id: node.id, __label: node.label });
}

import { badInput } from '../../errors';
import type { GraphNode } from '../../store/graph';
import type { PageAfter } from '../../store/port';

/**
 * Opaque Relay cursors. A cursor is a keyset position (sortKey, id), so pages stay correct
 * while data is inserted, unlike offsets; it is base64url so clients treat it as opaque.
 */
export function encodeCursor(node: GraphNode): string {
  return encodeKeyset(typeof node.props.sortKey === 'string' ? node.props.sortKey : null, node.id);
}

/** The cursor of a node at (sortKey, id); a missing sortKey sorts as the empty string. */
export function encodeKeyset(sortKey: string | null, id: string): string {
  return Buffer.from(JSON.stringify([sortKey ?? '', id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): PageAfter {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { sortKey: value[0], id: value[1] };
    }
  } catch {
    // fall through: any undecodable cursor is the client's mistake
  }
  throw badInput('`after` is not a cursor this API issued', { argumentName: 'after' });
}

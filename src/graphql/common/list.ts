import type { GraphNode } from '../../store/graph';
import type { Context } from '../context';

/** Reference lists small by nature (countries, themes, events) are returned whole, up to a cap. */
const REFERENCE_LIST_CAP = 1000;

export async function allOf(ctx: Context, label: 'Country' | 'Theme' | 'Event'): Promise<GraphNode[]> {
  const page = await ctx.store.page({ filter: { label }, first: REFERENCE_LIST_CAP });
  return page.nodes;
}

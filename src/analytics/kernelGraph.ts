/** One kernel run: a graph, weighted sources, and where each kernel node's output belongs. */
export interface Job {
  graph: KernelGraph;
  sources: Int32Array;
  weights: Float64Array;
  /** Kernel node → twin class (null: the kernel graph is the class graph itself). */
  classOf: Int32Array | null;
  /** Added to each class's raw value (exact: pairs separated by a cut vertex). */
  extra: Float64Array | null;
  /** Per-source cost, to cut chunks of equal work (null: uniform). */
  cost: Float64Array | null;
}

export interface KernelGraph {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  mult: Float64Array;
  tw: Float64Array;
}

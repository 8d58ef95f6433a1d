/**
 * Writes of consecutive batches, up to `depth` at once, handed back in the order they started.
 * Why: Neo4j runs one transaction on one server thread, and an importer that waits for each batch
 * leaves the second core idle; with two or three staged batches in flight both cores work (the
 * figures are in docs/benchmarks.md, "Bulk import"). `depth` 1 is the plain sequential loop.
 *
 * `write` is called in the batches' order, each call after the batch `depth` places earlier has
 * finished and been handed back (so a batch may rely on everything written `depth` batches before
 * it: engine.ts relsReadyWith). A failure is thrown only after every write already started has
 * settled, so the caller's rollback never races a batch still being written.
 */
export async function* inFlight<B, R>(batches: AsyncIterable<B>, depth: number, write: (batch: B) => Promise<R>): AsyncGenerator<{ batch: B; result: R }> {
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`in-flight depth must be a positive integer, not ${depth}`);
  const running: Array<Promise<{ batch: B; result: R }>> = [];
  try {
    for await (const batch of batches) {
      const started = write(batch).then((result) => ({ batch, result }));
      // Awaited when its turn comes, or settled in `finally`: never an unhandled rejection meanwhile.
      started.catch(() => undefined);
      running.push(started);
      if (running.length >= depth) yield await running.shift()!;
    }
    while (running.length) yield await running.shift()!;
  } finally {
    await Promise.allSettled(running);
  }
}

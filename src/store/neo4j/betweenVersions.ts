/**
 * Runs `read` between two readings of the store version and again while they differ, at most
 * `attempts` times in all: for reads made of several transactions (the analytics projection's
 * parallel statements) that must not straddle a write. Every write moves the version in its own
 * transaction, so equal readings mean no write committed while `read` ran. The last reading is
 * kept when writes never pause; its caller caches it under the version read before, which by then
 * has moved, so it is replaced at the next request.
 */
export async function readBetweenVersions<T>(version: () => Promise<number>, read: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const before = await version();
    const result = await read();
    if (attempt >= attempts || (await version()) === before) return result;
  }
}

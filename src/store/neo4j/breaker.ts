import { StoreError } from '../errors';
import { isPoolBusy, UNAVAILABLE_MESSAGE } from './driverErrors';

/** An outage: UNAVAILABLE, except a pool that is merely busy (driverErrors.ts isPoolBusy). */
const isOutage = (error: unknown) => error instanceof StoreError && error.kind === 'UNAVAILABLE' && !isPoolBusy(error);

/**
 * Fails fast while Neo4j is known to be down. The first UNAVAILABLE opens the circuit; from then
 * on every call answers UNAVAILABLE at once instead of waiting for the driver's pool and retries
 * (~7 s a request). A background probe (`probe`, a bare ping) runs every `probeEveryMs` while the
 * circuit is open; the first probe that succeeds closes it, so the API answers again within about
 * one interval of Bolt returning.
 *
 * Written here rather than with a library breaker (cockatiel, opossum): those close through a
 * half-open state in which the next *request* is the trial call, and on a dead host that request
 * pays the driver's retry window; here only the background probe ever touches a dead store.
 * Lives as long as the executor; `stop()` ends the probing.
 */
export class StoreBreaker {
  private probing: NodeJS.Timeout | null = null;
  private probeInFlight = false;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly probeEveryMs: number,
  ) {}

  get open(): boolean {
    return this.probing !== null;
  }

  async execute<T>(work: () => Promise<T>): Promise<T> {
    if (this.open) throw new StoreError('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    try {
      return await work();
    } catch (error) {
      if (isOutage(error)) this.trip();
      throw error;
    }
  }

  stop(): void {
    if (this.probing) clearInterval(this.probing);
    this.probing = null;
  }

  private trip(): void {
    if (this.probing) return;
    this.probing = setInterval(() => void this.tryProbe(), this.probeEveryMs);
    // A process that is otherwise done does not stay alive for the probe.
    this.probing.unref();
  }

  private async tryProbe(): Promise<void> {
    if (this.probeInFlight) return;
    this.probeInFlight = true;
    try {
      await this.probe();
      this.stop();
    } catch {
      // Still down: the next tick tries again.
    } finally {
      this.probeInFlight = false;
    }
  }
}

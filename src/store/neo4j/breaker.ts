import { CircuitState, circuitBreaker, ConsecutiveBreaker, handleWhen, isBrokenCircuitError, type CircuitBreakerPolicy } from 'cockatiel';
import { StoreError } from '../errors';
import { UNAVAILABLE_MESSAGE } from './driverErrors';

const isUnavailable = (error: Error) => error instanceof StoreError && error.kind === 'UNAVAILABLE';

/**
 * Fails fast while Neo4j is known to be down. The first UNAVAILABLE opens the circuit (cockatiel);
 * from then on every call answers UNAVAILABLE at once instead of waiting for the driver's pool and
 * retries (~7 s a request). A background probe (`probe`, a bare ping) runs every `probeEveryMs`
 * while the circuit is not closed; the first probe that succeeds closes it, so the API answers
 * again within about one interval of Bolt returning, with no request paying for the probing.
 * Lives as long as the executor; `stop()` ends the probing.
 */
export class StoreBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private probing: NodeJS.Timeout | null = null;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly probeEveryMs: number,
  ) {
    this.policy = circuitBreaker(handleWhen(isUnavailable), { halfOpenAfter: probeEveryMs, breaker: new ConsecutiveBreaker(1) });
    this.policy.onBreak(() => this.startProbing());
    this.policy.onReset(() => this.stopProbing());
  }

  get open(): boolean {
    return this.policy.state !== CircuitState.Closed;
  }

  async execute<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute(work);
    } catch (error) {
      if (isBrokenCircuitError(error)) throw new StoreError('UNAVAILABLE', UNAVAILABLE_MESSAGE, { cause: error });
      throw error;
    }
  }

  stop(): void {
    this.stopProbing();
  }

  private startProbing(): void {
    if (this.probing) return;
    // Ticks twice per half-open period so a probe starts soon after the circuit allows one; a tick
    // while a probe is still running is refused by the circuit (half-open lets one call through).
    this.probing = setInterval(() => {
      if (this.policy.state === CircuitState.Closed) return this.stopProbing();
      this.policy.execute(this.probe).catch(() => undefined);
    }, Math.max(10, Math.floor(this.probeEveryMs / 2)));
    this.probing.unref();
  }

  private stopProbing(): void {
    if (this.probing) clearInterval(this.probing);
    this.probing = null;
  }
}

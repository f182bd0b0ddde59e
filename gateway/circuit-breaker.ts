/**
 * A circuit breaker per subgraph (docs/operations.md, "Subgraph failures"): after
 * `failureThreshold` failures in a row (unreachable, timed out, 5xx) the circuit opens and calls
 * fail at once, without waiting for a timeout, so a dead or hanging subgraph costs the gateway
 * nothing while it is down. After `openMs` one call is let through as a probe (half-open): its
 * success closes the circuit, its failure opens it again for another `openMs`.
 *
 * Each call holds a permit from the state it started in; a result that arrives after the state
 * changed (a slow call from before the circuit opened) decides nothing, and in half-open only the
 * probe decides. The clock is passed in, so the states are tested without waiting.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerSettings {
  /** Consecutive failures that open the circuit (CIRCUIT_FAILURE_THRESHOLD). */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is let through (CIRCUIT_OPEN_MS). */
  openMs: number;
}

export interface Permit {
  readonly probe: boolean;
  readonly epoch: number;
}

export type Outcome = 'success' | 'failure' | 'cancelled';

export interface StateChange {
  from: CircuitState;
  to: CircuitState;
  /** Consecutive failures that led here (0 when closing). */
  failures: number;
}

export class CircuitBreaker {
  #state: CircuitState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probing = false;
  /** Increases on every change of state: permits from an earlier one are stale. */
  #epoch = 0;

  constructor(
    private readonly settings: CircuitBreakerSettings,
    private readonly now: () => number = Date.now,
    private readonly onChange: (change: StateChange) => void = () => undefined,
  ) {
    if (!Number.isInteger(settings.failureThreshold) || settings.failureThreshold < 1) throw new RangeError('failureThreshold must be a positive integer');
    if (!Number.isFinite(settings.openMs) || settings.openMs < 0) throw new RangeError('openMs must be a non-negative number');
  }

  get state(): CircuitState {
    return this.#state;
  }

  /** A permit to call now, or null to fail fast. In half-open, only one permit (the probe) at a time. */
  acquire(): Permit | null {
    if (this.#state === 'open') {
      if (this.now() - this.#openedAt < this.settings.openMs) return null;
      this.#move('half-open');
    }
    if (this.#state === 'closed') return { probe: false, epoch: this.#epoch };
    if (this.#probing) return null;
    this.#probing = true;
    return { probe: true, epoch: this.#epoch };
  }

  /** Reports how the call of `permit` ended; `cancelled` when it never reached the subgraph. */
  record(permit: Permit, outcome: Outcome): void {
    if (permit.epoch !== this.#epoch) return;
    if (permit.probe) {
      this.#probing = false;
      if (outcome === 'success') this.#move('closed');
      else if (outcome === 'failure') this.#open();
      return;
    }
    if (outcome === 'success') this.#failures = 0;
    else if (outcome === 'failure' && ++this.#failures >= this.settings.failureThreshold) this.#open();
  }

  #open(): void {
    this.#openedAt = this.now();
    this.#move('open');
  }

  #move(to: CircuitState): void {
    const change = { from: this.#state, to, failures: to === 'closed' ? 0 : this.#failures };
    this.#state = to;
    this.#epoch += 1;
    this.#probing = false;
    if (to === 'closed') this.#failures = 0;
    this.onChange(change);
  }
}

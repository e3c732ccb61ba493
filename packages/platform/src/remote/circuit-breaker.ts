// A circuit breaker per downstream service: after `failureThreshold` failures in a row it opens and calls
// fail at once for `openMs`; then one trial call is let through (half-open) and its outcome decides.

export interface CircuitBreakerOptions {
  failureThreshold?: number;
  openMs?: number;
  now?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private trial = false;
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.openMs = options.openMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.failures < this.threshold) return 'closed';
    return this.now() - this.openedAt >= this.openMs ? 'half-open' : 'open';
  }

  /** True when a call may go out now; in half-open state only one trial at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trial) return false;
    this.trial = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.trial = false;
  }

  failure(): void {
    this.trial = false;
    this.failures++;
    if (this.failures >= this.threshold) this.openedAt = this.now();
  }

  /** Milliseconds until a trial call is allowed (0 when not open). */
  retryAfterMs(): number {
    return this.state === 'open' ? this.openMs - (this.now() - this.openedAt) : 0;
  }
}

import { ceilToSecond } from './rate-limiter.ts';
import { SeededRandom } from './seeded-random.ts';

/** Probabilities (0..1, default 0) that a request meets each kind of failure. */
export interface FaultOptions {
  /** A 500, 502 or 503 with a small JSON body or none. */
  serverError?: number;
  /** Starts a burst: every request gets 429 until a Retry-After 1-2 s ahead. */
  tooManyRequestsBurst?: number;
  /** A 200 whose body is cut short of its Content-Length, then the socket is destroyed. */
  truncatedBody?: number;
  /** The answer is delayed by `slowMs`. */
  slowResponse?: number;
  /** Delay of a slow response in ms. Default 1500. */
  slowMs?: number;
  /** An HTML page (status 200 or 503) instead of JSON. */
  htmlError?: number;
}

/** What the injector decided for one request. */
export type FaultDecision =
  | { kind: 'none'; delayMs: number; truncate: boolean }
  | { kind: 'server_error'; status: number; emptyBody: boolean }
  | { kind: 'too_many_requests'; retryAtMs: number }
  | { kind: 'html_error'; status: number };

const defaultSlowMs = 1500;

/** Decides per request which fault, if any, to inject; seeded so runs repeat. */
export class FaultInjector {
  private faults: FaultOptions;
  private readonly random: SeededRandom;
  private burstUntilMs = 0;

  constructor(seed: number, faults: FaultOptions = {}) {
    this.random = new SeededRandom(seed, 300);
    this.faults = faults;
  }

  /** Replaces the fault probabilities; an ongoing 429 burst ends. */
  configure(faults: FaultOptions): void {
    this.faults = faults;
    this.burstUntilMs = 0;
  }

  /** Decides the fate of a request arriving at `nowMs`. */
  decide(nowMs: number): FaultDecision {
    const faults = this.faults;
    if (nowMs < this.burstUntilMs)
      return { kind: 'too_many_requests', retryAtMs: this.burstUntilMs };

    if (this.roll(faults.tooManyRequestsBurst)) {
      this.burstUntilMs = ceilToSecond(nowMs + 1000);

      return { kind: 'too_many_requests', retryAtMs: this.burstUntilMs };
    }

    if (this.roll(faults.serverError)) {
      return {
        kind: 'server_error',
        status: this.random.pick([500, 502, 503]),
        emptyBody: this.random.chance(0.5),
      };
    }

    if (this.roll(faults.htmlError)) {
      return { kind: 'html_error', status: this.random.pick([200, 503]) };
    }

    return {
      kind: 'none',
      delayMs: this.roll(faults.slowResponse) ? (faults.slowMs ?? defaultSlowMs) : 0,
      truncate: this.roll(faults.truncatedBody),
    };
  }

  private roll(probability: number | undefined): boolean {
    if (!probability) return false;

    return this.random.next() < probability;
  }
}

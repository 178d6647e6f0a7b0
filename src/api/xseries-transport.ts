/**
 * Sends GET requests to one store's API 2.0 and retries them by the retry policy, inside the
 * store's rate budget, emitting an event for every request, wait and retry.
 */
import type { EventSink } from '../events/sync-event.ts';
import { abortableSleep } from './abortable-sleep.ts';
import { errorForFailure, type RequestContext } from './failure-error.ts';
import { type HttpAttemptResult, sendHttpAttempt } from './http-attempt.ts';
import type { RateBudget } from './rate-budget.ts';
import type { RequestFailure } from './request-failure.ts';
import { decideRetry, type RetryDecision } from './retry-policy.ts';
import { bodyExcerpt } from './xseries-http-error.ts';

/** How the transport talks to the store; the client fills in every default. */
export interface XSeriesTransportOptions {
  /** Scheme and host (and optional path) without `/api/2.0`. */
  baseUrl: string;
  token: string;
  onEvent: EventSink;
  rateBudget: RateBudget;
  maxAttempts: number;
  requestTimeoutMs: number;
  /** First backoff ceiling in ms. */
  backoffBaseMs: number;
  /** Largest backoff ceiling in ms. */
  backoffMaxMs: number;
  /** Jitter source in [0, 1). */
  random: () => number;
}

/** One logical request, possibly sent several times. */
export interface JsonRequest {
  /** Path under `/api/2.0`, e.g. `/sales`. */
  path: string;
  /** Builds the query for each attempt, so a retry can ask for a smaller page. */
  query?: () => Record<string, string>;
  /** The table being read, for events and errors. */
  table?: string;
  /** What the response means to the caller; decides what an unreadable body is. */
  context: RequestContext;
  /** Returns whether a 2xx JSON body has the expected shape; a no is retried as unparsable. */
  accept?: (body: unknown) => boolean;
  /** Called with the length (in characters) of the body that is returned. */
  onBodyLength?: (length: number) => void;
  /** Called with each failure that will be retried, before the retry is built. */
  onRetry?: (failure: RequestFailure) => void;
  /** Attempts for this request. Default: the transport's `maxAttempts`. */
  maxAttempts?: number;
  /** Per-attempt timeout in ms. Default: the transport's `requestTimeoutMs`. */
  timeoutMs?: number;
  /** Give up rather than wait longer than this before a retry. Default: no limit. */
  maxRetryWaitMs?: number;
  signal?: AbortSignal | undefined;
}

/** Sends JSON GET requests to one store with retries, rate pacing and events. */
export class XSeriesTransport {
  readonly #options: XSeriesTransportOptions;
  #requestCount = 0;

  constructor(options: XSeriesTransportOptions) {
    this.#options = options;
  }

  /** Requests sent so far, retries included. */
  get requestCount(): number {
    return this.#requestCount;
  }

  /** Returns the parsed JSON body of a GET, retrying what the policy allows; throws otherwise. */
  async getJson(request: JsonRequest): Promise<unknown> {
    let unparsableFailures = 0;
    for (let attempt = 1; ; attempt += 1) {
      const url = this.#url(request.path, request.query?.() ?? {});
      const result = await this.#send(url, attempt, request);
      const failure = result.failure;
      if (failure === undefined) {
        request.onBodyLength?.(result.text.length);
        return result.body;
      }

      unparsableFailures += failure.kind === 'unparsable' ? 1 : 0;
      const decision = this.#decide(request, failure, attempt, unparsableFailures);
      if (!decision.retry) throw this.#error(request, url, attempt, result, failure);

      this.#options.onEvent({
        type: 'retry_scheduled',
        level: 'warn',
        ...(request.table === undefined ? {} : { table: request.table }),
        url,
        attempt,
        reason: decision.reason,
        waitMs: decision.waitMs,
        ...(result.status === null ? {} : { status: result.status }),
      });
      request.onRetry?.(failure);

      // A 429 holds the whole store's budget, which makes the next acquire wait; other
      // failures back off this request alone.
      if (failure.kind === 'status' && failure.status === 429) {
        this.#options.rateBudget.blockUntil(Date.now() + decision.waitMs);
      } else {
        await abortableSleep(decision.waitMs, request.signal);
      }
    }
  }

  async #send(url: string, attempt: number, request: JsonRequest): Promise<HttpAttemptResult> {
    const { onEvent, rateBudget, token, requestTimeoutMs } = this.#options;
    const permit = await rateBudget.acquire(request.signal, (waitMs, remaining, limit) => {
      onEvent({ type: 'rate_limit_wait', level: 'debug', waitMs, remaining, limit });
    });

    this.#requestCount += 1;
    onEvent({ type: 'request_sent', level: 'debug', method: 'GET', url, attempt });
    let headers: Headers | undefined;
    let status: number | undefined;
    try {
      const result = await sendHttpAttempt({
        url,
        token,
        timeoutMs: request.timeoutMs ?? requestTimeoutMs,
        signal: request.signal,
        accept: request.accept,
      });
      headers = result.headers;
      status = result.status ?? undefined;

      return result;
    } finally {
      permit.release(headers, status);
    }
  }

  #decide(
    request: JsonRequest,
    failure: RequestFailure,
    attempt: number,
    unparsableFailures: number,
  ): RetryDecision {
    const { maxAttempts, backoffBaseMs, backoffMaxMs, random } = this.#options;
    const decision = decideRetry({
      failure,
      attempt,
      maxAttempts: request.maxAttempts ?? maxAttempts,
      unparsableFailures,
      baseDelayMs: backoffBaseMs,
      maxDelayMs: backoffMaxMs,
      random,
    });
    const tooLong =
      request.maxRetryWaitMs !== undefined && decision.waitMs > request.maxRetryWaitMs;

    return tooLong ? { retry: false, reason: 'wait_too_long', waitMs: 0 } : decision;
  }

  #error(
    request: JsonRequest,
    url: string,
    attempt: number,
    result: HttpAttemptResult,
    failure: RequestFailure,
  ): Error {
    return errorForFailure({
      failure,
      facts: {
        method: 'GET',
        url,
        status: result.status,
        attempt,
        bodyExcerpt: bodyExcerpt(result.text, this.#options.token),
        ...(request.table === undefined ? {} : { table: request.table }),
      },
      baseUrl: this.#options.baseUrl,
      context: request.context,
      cause: result.cause,
    });
  }

  #url(path: string, query: Record<string, string>): string {
    const search = new URLSearchParams(query).toString();
    const normalizedPath = path.startsWith('/') ? path : `/${path}`;

    return `${this.#options.baseUrl}/api/2.0${normalizedPath}${search === '' ? '' : `?${search}`}`;
  }
}

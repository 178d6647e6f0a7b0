/**
 * The X-Series API 2.0 client the sync engine reads a store with: paged table walks, a
 * credential check and plain JSON reads, all retried and paced by the store's rate budget.
 */
import { type EventSink, ignoreEvents } from '../events/sync-event.ts';
import { normalizeApiBaseUrl } from './api-base-url.ts';
import { checkCredentials, type RetailerInfo } from './credential-check.ts';
import { normalizeDomainPrefix } from './domain-prefix.ts';
import { type PageRequest, walkPages, type XSeriesPage } from './page-walker.ts';
import type { RateBudget } from './rate-budget.ts';
import { sharedRateBudget } from './rate-budget-registry.ts';
import { XSeriesTransport } from './xseries-transport.ts';

export type { RetailerInfo } from './credential-check.ts';
export type { XSeriesRecord } from './page-envelope.ts';
export type { PageRequest, XSeriesPage } from './page-walker.ts';

/** How to reach a store and how hard to try. */
export interface XSeriesClientOptions {
  /** The store's domain prefix; raw input such as a pasted store URL is normalised. */
  domainPrefix: string;
  /** A personal token; sent only in the Authorization header. */
  token: string;
  /**
   * Replaces scheme and host (a fake store, a proxy); requests go to `${apiBaseUrl}/api/2.0`.
   * Default: `LIGHTSPEED_API_URL` when set, else `https://{prefix}.retail.lightspeed.app`.
   */
  apiBaseUrl?: string;
  /** Receives request, retry, page and rate-limit events. Default: `ignoreEvents`. */
  onEvent?: EventSink;
  /** Page size asked for; halved per table (down to 100) when big pages fail. Default 5000. */
  pageSize?: number;
  /**
   * Body size (characters, about bytes) a page should stay under; the page size is lowered
   * to fit after a bigger page. Default 8 MiB (`defaultMaxPageChars`).
   */
  maxPageChars?: number;
  /** The store's rate budget. Default: one shared per base URL across the process. */
  rateBudget?: RateBudget;
  /** Attempts per request, the first included. Default 8. */
  maxAttempts?: number;
  /** Timeout of one attempt (headers and body), in ms. Default 60_000. */
  requestTimeoutMs?: number;
  /** First retry backoff ceiling in ms, doubled per attempt, full jitter. Default 500. */
  backoffBaseMs?: number;
  /** Largest retry backoff ceiling in ms. Default 30_000. */
  backoffMaxMs?: number;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** Reads one Lightspeed Retail X-Series store through API 2.0. */
export class XSeriesClient {
  /** Scheme and host (and optional path) of the API, without `/api/2.0`. */
  readonly baseUrl: string;
  /** The normalised domain prefix. */
  readonly domainPrefix: string;
  readonly #transport: XSeriesTransport;
  readonly #onEvent: EventSink;
  readonly #pageSize: number;
  readonly #maxPageChars: number | undefined;
  readonly #requestTimeoutMs: number;

  constructor(options: XSeriesClientOptions) {
    this.domainPrefix = normalizeDomainPrefix(options.domainPrefix);
    const override = options.apiBaseUrl ?? process.env.LIGHTSPEED_API_URL ?? '';
    this.baseUrl =
      override.trim() === ''
        ? `https://${this.domainPrefix}.retail.lightspeed.app`
        : normalizeApiBaseUrl(override);
    this.#onEvent = options.onEvent ?? ignoreEvents;
    this.#pageSize = options.pageSize ?? 5000;
    this.#maxPageChars = options.maxPageChars;
    this.#requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
    this.#transport = new XSeriesTransport({
      baseUrl: this.baseUrl,
      token: options.token,
      onEvent: this.#onEvent,
      rateBudget: options.rateBudget ?? sharedRateBudget(this.baseUrl),
      maxAttempts: options.maxAttempts ?? 8,
      requestTimeoutMs: this.#requestTimeoutMs,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffMaxMs: options.backoffMaxMs ?? 30_000,
      random: options.random ?? Math.random,
    });
  }

  /** Requests this client has sent, retries included. */
  get requestCount(): number {
    return this.#transport.requestCount;
  }

  /** Yields a table's pages after `after` in version order, ending at the first empty page. */
  pages(
    table: PageRequest,
    options: { after: number; signal?: AbortSignal },
  ): AsyncGenerator<XSeriesPage> {
    return walkPages(table, {
      transport: this.#transport,
      onEvent: this.#onEvent,
      pageSize: this.#pageSize,
      ...(this.#maxPageChars === undefined ? {} : { maxPageChars: this.#maxPageChars }),
      after: options.after,
      signal: options.signal,
    });
  }

  /** Checks the store address and token with one cheap request; throws a coded error if bad. */
  checkCredentials(signal?: AbortSignal): Promise<RetailerInfo> {
    const store = {
      domainPrefix: this.domainPrefix,
      baseUrl: this.baseUrl,
      requestTimeoutMs: this.#requestTimeoutMs,
    };

    return checkCredentials(this.#transport, store, signal);
  }

  /** Returns the parsed JSON of `GET /api/2.0{path}` with retries; throws `XSeriesHttpError`. */
  getJson(path: string, query?: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    return this.#transport.getJson({
      path,
      query: () => query ?? {},
      context: 'page',
      signal,
    });
  }
}

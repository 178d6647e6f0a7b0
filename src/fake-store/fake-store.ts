/**
 * A fake Lightspeed Retail X-Series store (API 2.0) over real HTTP, for the demo, the tests
 * and the benchmarks. Records are generated lazily from the seed, so a store with a million
 * sales starts at once; changes live in an overlay with higher versions.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TableName } from '../catalog/table-spec.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import type { ApiSettings } from './api-router.ts';
import { buildStoreData } from './build-store-data.ts';
import { FaultInjector, type FaultOptions } from './fault-injector.ts';
import type { PageSizeOptions } from './list-query.ts';
import { type LiveChangesOptions, startLiveChanges } from './live-changes.ts';
import { FixedWindowRateLimiter, type RateLimitOptions } from './rate-limiter.ts';
import { createRequestHandler, type HandlerState } from './request-handler.ts';
import { copyStats, emptyStats, type FakeStoreStats } from './request-stats.ts';
import { type ChangeBatch, type ChangeSummary, StoreChanges } from './store-changes.ts';
import type { FakeStoreScale } from './store-shape.ts';

export type { FaultOptions } from './fault-injector.ts';
export type { PageSizeOptions } from './list-query.ts';
export type { LiveChangesOptions } from './live-changes.ts';
export type { RateLimitOptions } from './rate-limiter.ts';
export type { FakeStoreStats } from './request-stats.ts';
export type { ChangeBatch, ChangeSummary } from './store-changes.ts';
export type { FakeStoreScale } from './store-shape.ts';

/** Options of a fake store; every field is optional. */
export interface FakeStoreOptions {
  /** The token requests must send as `Authorization: Bearer <token>`. Default 'demo-token'. */
  token?: string;
  /** The store's domain prefix, returned by /retailer. Default 'demo'. */
  domainPrefix?: string;
  /** Same seed, same store. Default 1. */
  seed?: number;
  /** Record counts; see FakeStoreScale for the defaults derived from `sales` (1000). */
  scale?: FakeStoreScale;
  /** List page sizes: default 1000, larger requests clamped to 5000. */
  pageSize?: PageSizeOptions;
  /** Fixed-window limit per token: default on, 300 x registers + 50 per 300 s. */
  rateLimit?: RateLimitOptions;
  /** Probabilities of injected failures per request. Default none. */
  faults?: FaultOptions;
  /** Empty list page form: `{"version":{"min":null,"max":null}}` or no version. Default 'nulls'. */
  emptyPage?: 'nulls' | 'absent';
  /** Whether /taxes answers a version block. Default false: `{"data": [...]}` only. */
  taxesVersionBlock?: boolean;
  /** A background stream of creates, updates and deletes. Default none. */
  liveChanges?: LiveChangesOptions;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Port to listen on. Default 0 (an ephemeral port). */
  port?: number;
}

/** A running fake store. */
export interface FakeStore {
  /** Base URL, e.g. `http://127.0.0.1:4010`; the API is at `${url}/api/2.0/...`. */
  readonly url: string;
  /** The token requests must send. */
  readonly token: string;
  /** Stops the server and the live changes; open connections are closed. */
  stop(): Promise<void>;
  /** Applies a batch of changes at once (synchronously) and says what changed. */
  applyChanges(batch: ChangeBatch): ChangeSummary;
  /**
   * The current state of every record of `table` (latest version, soft-deleted included),
   * in version order: exactly what a complete sync must end up with. Do not mutate them.
   */
  records(table: TableName): Iterable<Record<string, unknown>>;
  /** A snapshot of the request counters. */
  stats(): FakeStoreStats;
  /** Zeroes the request counters. */
  resetStats(): void;
  /** Replaces the fault probabilities. */
  setFaults(faults: FaultOptions): void;
  /** Changes the rate limit settings; windows start afresh. */
  setRateLimit(rateLimit: RateLimitOptions): void;
}

/** Starts a fake store listening on `host:port` and resolves once it accepts requests. */
export async function startFakeStore(options: FakeStoreOptions = {}): Promise<FakeStore> {
  const seed = options.seed ?? 1;
  const token = options.token ?? 'demo-token';
  checkOptions(options, token);
  const data = buildStoreData(seed, options.scale);
  const changes = new StoreChanges(data);
  const stopping = new AbortController();
  const settings: ApiSettings = {
    pageSize: { default: options.pageSize?.default ?? 1000, max: options.pageSize?.max ?? 5000 },
    emptyPage: options.emptyPage ?? 'nulls',
    taxesVersionBlock: options.taxesVersionBlock ?? false,
    domainPrefix: options.domainPrefix ?? 'demo',
  };
  const state: HandlerState = {
    data,
    changes,
    settings,
    token,
    limiter: new FixedWindowRateLimiter({
      enabled: options.rateLimit?.enabled ?? true,
      limit: options.rateLimit?.limit ?? 300 * data.ctx.shape.counts.registers + 50,
      windowMs: options.rateLimit?.windowMs ?? 300_000,
    }),
    faults: new FaultInjector(seed, options.faults),
    stats: emptyStats(),
    retryAfterUntil: new Map(),
    stopping: stopping.signal,
  };

  const server = createServer(createRequestHandler(state));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenError(error, options)));
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = ['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : address.address;
  const stopLive = options.liveChanges
    ? startLiveChanges(options.liveChanges, seed, (batch) => changes.apply(batch))
    : () => {};

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    token,
    async stop() {
      stopLive();
      stopping.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    applyChanges: (batch) => changes.apply(batch),
    records: (table) => ({
      [Symbol.iterator]: () =>
        data.walk(table, { after: 0, before: Number.POSITIVE_INFINITY, includeDeleted: true }),
    }),
    stats: () => copyStats(state.stats),
    resetStats: () => {
      state.stats = emptyStats();
      state.retryAfterUntil.clear();
    },
    setFaults: (faults) => state.faults.configure(faults),
    setRateLimit: (rateLimit) => state.limiter.configure(rateLimit),
  };
}

function checkOptions(options: FakeStoreOptions, token: string): void {
  const problems: string[] = [];
  if (token.trim() === '' || /\s/.test(token)) problems.push('token must be a non-empty word');
  for (const [name, value] of Object.entries(options.faults ?? {})) {
    const isDelay = name === 'slowMs';
    if (typeof value !== 'number' || value < 0 || (!isDelay && value > 1)) {
      problems.push(`faults.${name} must be ${isDelay ? 'a delay in ms' : 'between 0 and 1'}`);
    }
  }
  const { pageSize, rateLimit } = options;
  for (const [name, value] of Object.entries({ ...pageSize, ...rateLimit })) {
    if (typeof value === 'number' && !(Number.isSafeInteger(value) && value > 0)) {
      problems.push(`${name} must be a positive integer`);
    }
  }
  if (problems.length === 0) return;

  throw new LightspeedSyncError(
    'invalid_fake_store_option',
    `Cannot start the fake store: ${problems.join('; ')}.`,
    { details: { problems } },
  );
}

function listenError(error: Error, options: FakeStoreOptions): LightspeedSyncError {
  const where = `${options.host ?? '127.0.0.1'}:${options.port ?? 0}`;

  return new LightspeedSyncError(
    'fake_store_listen_failed',
    `The fake store could not listen on ${where} (${error.message}). Choose another --port.`,
    { cause: error, details: { host: options.host ?? '127.0.0.1', port: options.port ?? 0 } },
  );
}

/** Starts a fake store in a child process and controls it the way a user would. */
import { fileURLToPath } from 'node:url';
import type {
  ChangeBatch,
  ChangeSummary,
  FakeStoreOptions,
  FakeStoreStats,
  RateLimitOptions,
} from '../src/fake-store/index.ts';
import { startChildService } from './child-rpc.ts';

/** A fake store running in its own process. */
export interface FakeStoreProcess {
  url: string;
  token: string;
  /** The store's request counters. */
  stats(): Promise<FakeStoreStats>;
  /** Zeroes the request counters. */
  resetStats(): Promise<void>;
  /** Changes the rate limit; windows start afresh. */
  setRateLimit(rateLimit: RateLimitOptions): Promise<void>;
  /** Applies a change batch through `POST /_fake/changes`, as a user of the CLI store would. */
  applyChanges(batch: ChangeBatch): Promise<ChangeSummary>;
  /** Stops the store and its process. */
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL('./fake-store-child.ts', import.meta.url));

/** Forks a fake store with `options` and resolves once it accepts requests. */
export async function startFakeStoreProcess(options: FakeStoreOptions): Promise<FakeStoreProcess> {
  const child = await startChildService<{ url: string; token: string }>(entry, options);
  const { url, token } = child.info;

  return {
    url,
    token,
    stats: () => child.call<FakeStoreStats>('stats'),
    resetStats: () => child.call<void>('resetStats'),
    setRateLimit: (rateLimit) => child.call<void>('setRateLimit', rateLimit),
    async applyChanges(batch) {
      const response = await fetch(`${url}/_fake/changes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      if (!response.ok) throw new Error(`applying changes failed: ${await response.text()}`);

      return (await response.json()) as ChangeSummary;
    },
    async stop() {
      await child.call<void>('stop').catch(() => undefined);
      await child.stop();
    },
  };
}

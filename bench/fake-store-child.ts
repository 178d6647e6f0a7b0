/**
 * Bench child: serves a fake store in its own process, so its CPU and memory are not counted
 * as the sync's. Answers `stats`, `resetStats`, `setRateLimit` and `stop` over IPC.
 */
import {
  type FakeStoreOptions,
  type RateLimitOptions,
  startFakeStore,
} from '../src/fake-store/index.ts';
import { childInput, serveParent } from './child-rpc.ts';

const store = await startFakeStore(childInput<FakeStoreOptions>());

serveParent(
  {
    stats: () => store.stats(),
    resetStats: () => store.resetStats(),
    setRateLimit: (rateLimit: RateLimitOptions) => store.setRateLimit(rateLimit),
    maxRssBytes: () => process.resourceUsage().maxRSS * 1024,
    stop: () => store.stop(),
  },
  { url: store.url, token: store.token },
);

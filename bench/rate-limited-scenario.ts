/**
 * A long backfill under the real rate limit (300 x registers + 50 per window) with the window
 * compressed: how much of the allowance is used, and whether any request meets a 429. Run
 * twice against one store: through the API client alone, then as a real sync into DuckDB.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { allowanceShare } from './allowance-share.ts';
import type { BenchLog, RateLimitedPlan } from './bench-plan.ts';
import { type BackfillFigures, type RateLimitedFigures, round } from './bench-results.ts';
import { runClientBackfill } from './client-backfill.ts';
import { startFakeStoreProcess } from './fake-store-process.ts';
import { runSyncProcess } from './sync-process.ts';

// One outlet with one register: the real limit is then 300 x 1 + 50 per window.
const registers = 1;

/** Runs both backfills for `plan.windows` windows each and measures the allowance used. */
export async function measureRateLimited(
  plan: RateLimitedPlan,
  dir: string,
  log: BenchLog,
): Promise<RateLimitedFigures> {
  const limit = plan.limit ?? 300 * registers + 50;
  const rateLimit = { enabled: true, limit, windowMs: plan.windowMs };
  const store = await startFakeStoreProcess({
    scale: { sales: plan.sales, outlets: 1, registersPerOutlet: registers },
    rateLimit,
  });
  // Half a window more, so the run has `windows` whole windows and ends inside the next.
  const stopAfterMs = Math.round((plan.windows + 0.5) * plan.windowMs);
  const file = join(dir, 'rate-limited.duckdb');
  const figures = (output: Output, storeRequests: number, tooMany: number): BackfillFigures => ({
    seconds: round(output.durationMs / 1000),
    records: output.records,
    requests: storeRequests,
    windows: round((output.requestOffsetsMs.at(-1) ?? 0) / plan.windowMs, 1),
    shareUsed: round(allowanceShare(output.requestOffsetsMs, plan.windowMs, limit), 3),
    tooManyRequests: tooMany,
  });
  try {
    log(`rate-limited backfill, client only: ${limit} requests per ${plan.windowMs} ms`);
    const client = await runClientBackfill({
      apiBaseUrl: store.url,
      token: store.token,
      pageSize: plan.pageSize,
      windowMs: plan.windowMs,
      stopAfterMs,
    });
    const clientStats = await store.stats();

    log(`rate-limited backfill, sync into DuckDB: ${limit} requests per ${plan.windowMs} ms`);
    await store.setRateLimit(rateLimit);
    await store.resetStats();
    const sync = await runSyncProcess({
      apiBaseUrl: store.url,
      token: store.token,
      warehouseUrl: file,
      pageSize: plan.pageSize,
      rateWindowMs: plan.windowMs,
      recordRequestTimes: true,
      stopAfterMs,
    });
    const syncStats = await store.stats();

    return {
      limit,
      windowMs: plan.windowMs,
      pageSize: plan.pageSize,
      client: figures(client, clientStats.requests, clientStats.tooManyRequests),
      sync: figures(sync, syncStats.requests, syncStats.tooManyRequests),
    };
  } finally {
    await store.stop();
    await rm(file, { force: true });
    await rm(`${file}.wal`, { force: true });
  }
}

interface Output {
  durationMs: number;
  records: number;
  requestOffsetsMs: number[];
}

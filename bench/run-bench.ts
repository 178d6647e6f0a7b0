/** Runs every bench measurement of a plan, one after another, and gathers the figures. */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchLog, BenchPlan } from './bench-plan.ts';
import { type BenchResults, round } from './bench-results.ts';
import { measureLargeStore } from './large-store-scenario.ts';
import { describeMachine } from './machine-info.ts';
import { measureSyncPeakRss } from './memory-scenario.ts';
import { measureRateLimited } from './rate-limited-scenario.ts';

/** Runs the bench described by `plan`; scratch files live in a temporary folder removed after. */
export async function runBench(plan: BenchPlan, log: BenchLog): Promise<BenchResults> {
  const startedAt = new Date();
  const machine = await describeMachine(plan.postgres);
  const dir = await mkdtemp(join(tmpdir(), 'lightspeed-bench-'));
  try {
    const large = await measureLargeStore(plan, dir, log);
    const smallRss = await measureSyncPeakRss(plan.memorySales, plan.pageSize, dir, log);
    const rateLimited = await measureRateLimited(plan.rateLimited, dir, log);

    return {
      mode: plan.mode,
      startedAt: startedAt.toISOString(),
      totalSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
      machine,
      loadAverageAtEnd: round(loadavg()[0] ?? 0),
      plan,
      store: large.store,
      fullSync: large.fullSync,
      floors: large.floors,
      incremental: large.incremental,
      memory: {
        points: [
          { sales: plan.memorySales, peakRssMiB: smallRss },
          { sales: plan.sales, peakRssMiB: large.duckdbPeakRssMiB },
        ],
        growth: round(large.duckdbPeakRssMiB / smallRss),
      },
      rateLimited,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

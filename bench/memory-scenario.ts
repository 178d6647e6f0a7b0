/** Peak memory of a DuckDB full sync of a smaller store, to compare with the large one. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchLog } from './bench-plan.ts';
import { mebibytes } from './bench-results.ts';
import { startFakeStoreProcess } from './fake-store-process.ts';
import { runSyncProcess } from './sync-process.ts';

/** Syncs a store of `sales` sales into a fresh DuckDB file and returns the peak RSS in MiB. */
export async function measureSyncPeakRss(
  sales: number,
  pageSize: number,
  dir: string,
  log: BenchLog,
): Promise<number> {
  log(`memory: full DuckDB sync of a store with ${sales} sales`);
  const store = await startFakeStoreProcess({ scale: { sales }, rateLimit: { enabled: false } });
  const file = join(dir, `memory-${sales}.duckdb`);
  try {
    const output = await runSyncProcess({
      apiBaseUrl: store.url,
      token: store.token,
      warehouseUrl: file,
      pageSize,
    });

    return mebibytes(output.maxRssBytes);
  } finally {
    await store.stop();
    await rm(file, { force: true });
    await rm(`${file}.wal`, { force: true });
  }
}

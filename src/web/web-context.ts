import type { SourceConfig } from '../config/source-config.ts';
import type { SourceStore } from '../config/source-store.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import type { WarehousePool } from '../scheduler/warehouse-pool.ts';
import type { SyncRunner } from '../sync/sync-runner.ts';
import type { AccessGuard } from './access-guard.ts';

/** What every handler of the web app works with. */
export interface WebContext {
  store: SourceStore;
  warehouses: WarehousePool;
  runner: SyncRunner;
  guard: AccessGuard;
  /** The warehouse of sources that name none (LIGHTSPEED_WAREHOUSE or ./lightspeed.duckdb). */
  defaultWarehouseUrl: string;
  /** API base URL saved with sources linked here (a fake store, a proxy); unset: Lightspeed. */
  apiBaseUrl: string | undefined;
}

/** The warehouse URL a source syncs into. */
export function warehouseUrlFor(source: SourceConfig, defaultWarehouseUrl: string): string {
  return source.warehouse ?? defaultWarehouseUrl;
}

/** Reads a linked source or throws `unknown_source`. */
export async function requireSource(store: SourceStore, name: string): Promise<SourceConfig> {
  const source = await store.get(name);
  if (source) return source;

  throw new LightspeedSyncError('unknown_source', `No linked source named "${name}".`, {
    details: { source: name },
  });
}

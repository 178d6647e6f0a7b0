import { type OpenedSourceStore, openSourceStore } from '../config/open-source-store.ts';
import type { SourceStore } from '../config/source-store.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { CliIo } from './cli-io.ts';

const openedStores: OpenedSourceStore[] = [];

/**
 * The store of linked sources: PostgreSQL when LIGHTSPEED_SOURCE_STORE names one (shared by
 * many workers), else the user's folder (LIGHTSPEED_SYNC_HOME or ~/.config/lightspeed-sync).
 * It stays open until `closeCommandResources`.
 */
export function sourceStore(io: CliIo): SourceStore {
  const opened = openSourceStore(undefined, io.env);
  openedStores.push(opened);

  return opened.store;
}

/** Closes what commands opened through this module (database pools of source stores). */
export async function closeCommandResources(): Promise<void> {
  const stores = openedStores.splice(0);
  await Promise.all(stores.map((store) => store.close().catch(() => undefined)));
}

/** Opens the warehouse a command works on (concurrent tables may share it). */
export async function openCommandWarehouse(
  url: string,
  schema: string,
  readOnly = false,
): Promise<Warehouse> {
  return openWarehouse({ url, schema, readOnly });
}

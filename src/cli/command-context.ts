import { configHome } from '../config/config-home.ts';
import { FileSourceStore } from '../config/file-source-store.ts';
import type { SourceStore } from '../config/source-store.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import { serializeWarehouse } from '../warehouse/serialized-warehouse.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { CliIo } from './cli-io.ts';

/** The store of linked sources for this user (LIGHTSPEED_SYNC_HOME or ~/.config). */
export function sourceStore(io: CliIo): SourceStore {
  return new FileSourceStore(configHome(io.env));
}

/** Opens a warehouse whose calls are queued, so concurrent tables share it safely. */
export async function openSharedWarehouse(
  url: string,
  schema: string,
  readOnly = false,
): Promise<Warehouse> {
  return serializeWarehouse(await openWarehouse({ url, schema, readOnly }));
}

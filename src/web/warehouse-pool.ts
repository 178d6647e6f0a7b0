import { openSharedWarehouse } from '../cli/command-context.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** Opens a warehouse for a URL and schema; default: a serialized warehouse, read-write. */
export type WarehouseOpener = (url: string, schema: string) => Promise<Warehouse>;

/**
 * Keeps one open warehouse per URL and schema for the life of the server. A DuckDB file can
 * only be open in one process, so syncs and queries of this process share these.
 */
export class WarehousePool {
  readonly #open: WarehouseOpener;
  readonly #warehouses = new Map<string, Promise<Warehouse>>();

  constructor(open: WarehouseOpener = (url, schema) => openSharedWarehouse(url, schema)) {
    this.#open = open;
  }

  /** The open warehouse for the URL and schema, opened on first use. */
  get(url: string, schema: string): Promise<Warehouse> {
    const key = `${url}\u0000${schema}`;
    const cached = this.#warehouses.get(key);
    if (cached) return cached;

    const opening = this.#open(url, schema);
    this.#warehouses.set(key, opening);
    // A failed open is forgotten so that the next request tries again.
    opening.catch(() => this.#warehouses.delete(key));

    return opening;
  }

  /** Closes every warehouse it opened. */
  async closeAll(): Promise<void> {
    const opened = [...this.#warehouses.values()];
    this.#warehouses.clear();
    await Promise.all(
      opened.map(async (opening) => {
        const warehouse = await opening.catch(() => undefined);
        await warehouse?.close();
      }),
    );
  }
}

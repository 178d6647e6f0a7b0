import { openWarehouse } from '../warehouse/open-warehouse.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/**
 * Opens each warehouse (URL and schema) once and shares it between the scheduler and the
 * jobs of a process (warehouses accept concurrent calls, so tables can share one).
 */
export class WarehousePool {
  readonly #open = new Map<string, Promise<Warehouse>>();

  /** The warehouse at `url` with `schema`, opened on first use. */
  get(url: string, schema: string): Promise<Warehouse> {
    const key = `${schema}\u0000${url}`;
    let opening = this.#open.get(key);
    if (!opening) {
      opening = openWarehouse({ url, schema });
      // A failed open is forgotten so the next tick tries again.
      opening.catch(() => this.#open.delete(key));
      this.#open.set(key, opening);
    }

    return opening;
  }

  /** Closes every warehouse opened. */
  async closeAll(): Promise<void> {
    const opened = [...this.#open.values()];
    this.#open.clear();
    await Promise.all(
      opened.map((opening) =>
        opening.then((warehouse) => warehouse.close()).catch(() => undefined),
      ),
    );
  }
}

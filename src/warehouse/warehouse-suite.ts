import { describe } from 'node:test';
import type { Warehouse } from './warehouse.ts';
import { registerRefreshTests } from './warehouse-suite-refresh.ts';
import { registerStateTests } from './warehouse-suite-state.ts';
import { registerValueTests } from './warehouse-suite-values.ts';
import { registerWriteTests } from './warehouse-suite-writes.ts';

/** One store (a DuckDB file, a PostgreSQL schema) that warehouses can be opened on. */
export interface WarehouseSuiteStore {
  /** Opens a new warehouse on the store; opening again simulates a restart. */
  open(options?: { readOnly?: boolean }): Promise<Warehouse>;
}

/** What the shared suite needs from a warehouse implementation. */
export interface WarehouseSuiteFactory {
  /** Shown in test names, e.g. `duckdb`. */
  name: string;
  /** Returns a fresh, empty store for one test. */
  newStore(): Promise<WarehouseSuiteStore>;
  /** `information_schema` data type of a decimal column after a 7-fraction-digit value. */
  widenedDecimalType: string;
}

/**
 * Registers the behaviour every warehouse must have as node:test tests, so one suite runs
 * against each implementation.
 */
export function registerWarehouseSuite(factory: WarehouseSuiteFactory): void {
  describe(`${factory.name} warehouse`, () => {
    registerWriteTests(factory);
    registerValueTests(factory);
    registerRefreshTests(factory);
    registerStateTests(factory);
  });
}

/** Opens a warehouse on a fresh store, runs `body`, and closes every warehouse it opened. */
export async function withStore(
  factory: WarehouseSuiteFactory,
  body: (open: WarehouseSuiteStore['open']) => Promise<void>,
): Promise<void> {
  const store = await factory.newStore();
  const opened: Warehouse[] = [];
  try {
    await body(async (options) => {
      const warehouse = await store.open(options);
      opened.push(warehouse);

      return warehouse;
    });
  } finally {
    for (const warehouse of opened.reverse()) await warehouse.close().catch(() => undefined);
  }
}

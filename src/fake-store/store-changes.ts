import { tableNames } from '../catalog/catalog.ts';
import type { TableName } from '../catalog/table-spec.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { deletableTables, recordUpdates, softDelete } from './record-updates.ts';
import { inventoryIndex } from './records/inventory-records.ts';
import { SeededRandom } from './seeded-random.ts';
import type { FakeRecord } from './store-context.ts';
import { recordGenerators, type StoreData } from './store-data.ts';

/** A batch of changes to apply to the store at once. */
export interface ChangeBatch {
  /** New records (sales, customers, products; a product brings its inventory). Default 0. */
  creates?: number;
  /** Updated records (any table): each gets a changed field and a new, higher version. */
  updates?: number;
  /** Soft deletes (sales, customers, products, outlets, registers). Default 0. */
  deletes?: number;
  /**
   * Tables the changes are spread over, round-robin among those that support the change
   * kind. Default: sales, customers, products, inventory.
   */
  tables?: TableName[];
}

/** Change counts of one kind. */
export interface ChangeCounts {
  creates: number;
  updates: number;
  deletes: number;
}

/** What a batch did; totals are the sums over `byTable` (product creates include inventory). */
export interface ChangeSummary extends ChangeCounts {
  byTable: Partial<Record<TableName, ChangeCounts>>;
  /** The store's highest version after the batch. */
  maxVersion: number;
}

const defaultTables: readonly TableName[] = ['sales', 'customers', 'products', 'inventory'];
const creatableTables: ReadonlySet<TableName> = new Set(['sales', 'customers', 'products']);
const pickAttempts = 20;

/**
 * Applies change batches to store data, deterministically for a given seed. Created products
 * are single products (a family of one): new variant families are not needed by any sync path.
 */
export class StoreChanges {
  private readonly random: SeededRandom;

  constructor(private readonly data: StoreData) {
    this.random = new SeededRandom(data.ctx.seed, 200);
  }

  /** Applies `batch` at once and says what changed. */
  apply(batch: ChangeBatch, nowMs = Date.now()): ChangeSummary {
    const tables = checkedTables(batch.tables ?? defaultTables);
    const summary: ChangeSummary = {
      creates: 0,
      updates: 0,
      deletes: 0,
      byTable: {},
      maxVersion: 0,
    };
    const count = (table: TableName, kind: keyof ChangeCounts, amount = 1) => {
      const counts = summary.byTable[table] ?? { creates: 0, updates: 0, deletes: 0 };
      counts[kind] += amount;
      summary[kind] += amount;
      summary.byTable[table] = counts;
    };

    const creatable = tables.filter((table) => creatableTables.has(table));
    for (let n = 0; n < checkedCount('creates', batch.creates); n++) {
      const table = creatable[n % creatable.length];
      if (table) this.create(table, nowMs, count);
    }

    for (let n = 0; n < checkedCount('updates', batch.updates); n++) {
      const table = tables[n % tables.length];
      const index = table === undefined ? undefined : this.pickLive(table);
      if (table === undefined || index === undefined) continue;

      const record = structuredClone(this.data.current(table, index));
      recordUpdates[table](record, this.random, nowMs);
      this.store(table, index, record);
      count(table, 'updates');
    }

    const deletable = tables.filter((table) => deletableTables.has(table));
    for (let n = 0; n < checkedCount('deletes', batch.deletes); n++) {
      const table = deletable[n % deletable.length];
      const index = table === undefined ? undefined : this.pickLive(table);
      if (table === undefined || index === undefined) continue;

      const record = structuredClone(this.data.current(table, index));
      softDelete(table, record, nowMs);
      this.store(table, index, record);
      count(table, 'deletes');
    }

    summary.maxVersion = this.data.maxVersion;

    return summary;
  }

  private create(
    table: TableName,
    nowMs: number,
    count: (table: TableName, kind: keyof ChangeCounts) => void,
  ): void {
    const { ctx } = this.data;
    const index = this.data.count(table);
    const record = recordGenerators[table](ctx, index, this.nextVersion(), nowMs);
    this.data.put(table, index, record);
    count(table, 'creates');
    if (table !== 'products') return;

    for (let outlet = 0; outlet < ctx.shape.counts.outlets; outlet++) {
      const stockIndex = inventoryIndex(ctx, index, outlet);
      const stock = recordGenerators.inventory(ctx, stockIndex, this.nextVersion(), nowMs);
      this.data.put('inventory', stockIndex, stock);
      count('inventory', 'creates');
    }
  }

  /** Picks a record that is not soft-deleted, or undefined if none was found quickly. */
  private pickLive(table: TableName): number | undefined {
    const total = this.data.count(table);
    if (total === 0) return undefined;

    for (let attempt = 0; attempt < pickAttempts; attempt++) {
      const index = this.random.int(0, total - 1);
      if (this.data.current(table, index).deleted_at == null) return index;
    }

    return undefined;
  }

  private store(table: TableName, index: number, record: FakeRecord): void {
    record.version = this.nextVersion();
    this.data.put(table, index, record);
  }

  private nextVersion(): number {
    return this.data.nextVersion(this.random.int(0, 40));
  }
}

function checkedTables(tables: readonly string[]): TableName[] {
  for (const table of tables) {
    if (!(tableNames as readonly string[]).includes(table)) {
      throw new LightspeedSyncError(
        'invalid_change_batch',
        `Cannot change unknown table "${table}". Choose from: ${tableNames.join(', ')}.`,
        { details: { table } },
      );
    }
  }

  return tables as TableName[];
}

function checkedCount(kind: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (Number.isSafeInteger(value) && value >= 0) return value;

  throw new LightspeedSyncError(
    'invalid_change_batch',
    `A change batch's ${kind} must be a non-negative integer, got ${String(value)}.`,
    { details: { kind, value } },
  );
}

import type { TableName } from '../catalog/table-spec.ts';
import { generateCustomer } from './records/customer-records.ts';
import { generateInventory } from './records/inventory-records.ts';
import { generateOutlet } from './records/outlet-records.ts';
import { generateProduct } from './records/product-records.ts';
import { generateRegister } from './records/register-records.ts';
import { generateSale } from './records/sale-records.ts';
import { generateTax } from './records/tax-records.ts';
import { generateUser } from './records/user-records.ts';
import type { FakeRecord, StoreContext } from './store-context.ts';
import { TableOverlay } from './table-overlay.ts';
import type { VersionPlan } from './version-plan.ts';

/** Builds record `index` of a table; `createdAtMs` is set for records created after start. */
export type RecordGenerator = (
  ctx: StoreContext,
  index: number,
  version: number,
  createdAtMs?: number,
) => FakeRecord;

/** The generator of every table. */
export const recordGenerators: Readonly<Record<TableName, RecordGenerator>> = {
  sales: generateSale,
  customers: generateCustomer,
  products: generateProduct,
  inventory: generateInventory,
  outlets: generateOutlet,
  registers: generateRegister,
  users: generateUser,
  taxes: generateTax,
};

/** Which records a walk over a table yields. */
export interface WalkRange {
  /** Only versions above this. */
  after: number;
  /** Only versions at or below this. */
  before: number;
  /** Whether records with `deleted_at` set are included. */
  includeDeleted: boolean;
}

/**
 * The current state of the store: lazily generated base records merged with the overlay of
 * changed and created records, all ordered by one global version counter.
 */
export class StoreData {
  private readonly overlays = new Map<TableName, TableOverlay>();
  private lastVersion: number;

  constructor(
    readonly ctx: StoreContext,
    private readonly plan: VersionPlan,
  ) {
    this.lastVersion = plan.maxBaseVersion;
  }

  /** Returns the highest version handed out so far. */
  get maxVersion(): number {
    return this.lastVersion;
  }

  /** Hands out the next global version, leaving a gap of a few numbers like a real store. */
  nextVersion(gap: number): number {
    this.lastVersion += 1 + Math.max(0, Math.floor(gap));

    return this.lastVersion;
  }

  /** Returns how many records `table` holds, soft-deleted and created ones included. */
  count(table: TableName): number {
    return this.ctx.shape.counts[table] + this.overlay(table).createdCount;
  }

  /** Returns the current version of record `index` (which must exist). */
  current(table: TableName, index: number): FakeRecord {
    const changed = this.overlay(table).latest(index);
    if (changed) return changed.record;

    return recordGenerators[table](this.ctx, index, this.plan.versionOf(table, index));
  }

  /** Returns the current record with `id`, or undefined if the table has no such record. */
  find(table: TableName, id: string): FakeRecord | undefined {
    const index = this.ctx.ids.indexOf(table, id);
    if (index === undefined || index >= this.count(table)) return undefined;

    return this.current(table, index);
  }

  /** Stores a new version of record `index` (a change, or a creation past the base). */
  put(table: TableName, index: number, record: FakeRecord): void {
    const overlay = this.overlay(table);
    if (index >= this.count(table)) overlay.createdCount = index + 1 - this.ctx.shape.counts[table];

    overlay.put({ index, version: record.version as number, record });
  }

  /** Yields the current records of `table` in `range`, ascending by version. */
  *walk(table: TableName, range: WalkRange): Generator<FakeRecord> {
    const overlay = this.overlay(table);
    const baseCount = this.ctx.shape.counts[table];
    const generate = recordGenerators[table];
    let index = this.plan.firstIndexAfter(table, range.after);
    let position = overlay.firstPositionAfter(range.after);

    for (;;) {
      const baseVersion = index < baseCount ? this.plan.versionOf(table, index) : Infinity;
      const entry = overlay.entryAt(position);
      const overlayVersion = entry ? entry.version : Infinity;
      const version = Math.min(baseVersion, overlayVersion);
      if (version === Infinity || version > range.before) return;

      let record: FakeRecord | undefined;
      if (baseVersion < overlayVersion) {
        if (!overlay.latest(index)) record = generate(this.ctx, index, baseVersion);
        index++;
      } else {
        if (entry && overlay.isLatest(entry)) record = entry.record;
        position++;
      }
      if (record && (range.includeDeleted || record.deleted_at == null)) yield record;
    }
  }

  /** Returns up to `pageSize` records of `table` in `range`, ascending by version. */
  page(table: TableName, range: WalkRange, pageSize: number): FakeRecord[] {
    const records: FakeRecord[] = [];
    if (pageSize <= 0) return records;

    for (const record of this.walk(table, range)) {
      records.push(record);
      if (records.length >= pageSize) break;
    }

    return records;
  }

  private overlay(table: TableName): TableOverlay {
    let overlay = this.overlays.get(table);
    if (!overlay) {
      overlay = new TableOverlay();
      this.overlays.set(table, overlay);
    }

    return overlay;
  }
}

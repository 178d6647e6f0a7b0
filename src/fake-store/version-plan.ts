import type { TableName } from '../catalog/table-spec.ts';
import { hashInts } from './seeded-random.ts';
import { fakeStoreTables, tableCodes } from './table-codes.ts';

/** The first version a store hands out: above 2^32 like real stores (~1e10), far below 2^53. */
export const baseVersion = 8_100_000_000;

/**
 * The versions of base records. All tables share one global counter: record `i` of a table
 * gets `baseVersion + 8 * (i * stride + jitter) + tableCode`, so versions rise with the index,
 * leave gaps, interleave across tables like a real store's history, and never collide.
 */
export class VersionPlan {
  private readonly strides = new Map<TableName, number>();

  /** The highest base version; versions of later changes are above it. */
  readonly maxBaseVersion: number;

  constructor(
    private readonly seed: number,
    private readonly counts: Readonly<Record<TableName, number>>,
  ) {
    const span = 4 * Math.max(1, ...Object.values(counts));
    let maxVersion = baseVersion;
    for (const table of fakeStoreTables) {
      const count = counts[table];
      this.strides.set(table, Math.max(1, Math.floor(span / Math.max(1, count))));
      if (count > 0) maxVersion = Math.max(maxVersion, this.versionOf(table, count - 1));
    }
    this.maxBaseVersion = maxVersion;
  }

  /** Returns the version of base record `index` of `table`. */
  versionOf(table: TableName, index: number): number {
    const stride = this.strides.get(table) ?? 1;
    const jitter = hashInts(this.seed, tableCodes[table], index, 77) % stride;

    return baseVersion + 8 * (index * stride + jitter) + tableCodes[table];
  }

  /** Returns the first base index whose version is above `after` (the count if none). */
  firstIndexAfter(table: TableName, after: number): number {
    const count = this.counts[table];
    if (after < baseVersion) return 0;

    const stride = this.strides.get(table) ?? 1;
    const slot = Math.floor((after - baseVersion) / 8);
    // Starts at most two records early (see the layout above), then steps forward.
    let index = Math.min(count, Math.max(0, Math.floor(slot / stride) - 1));
    while (index < count && this.versionOf(table, index) <= after) index++;

    return index;
  }
}

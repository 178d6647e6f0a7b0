import type { TableName } from '../catalog/table-spec.ts';
import { hashInts } from './seeded-random.ts';
import { tableCodes } from './table-codes.ts';

/**
 * Ids of top-level records. They look like the API's lowercase v1-style UUIDs but carry the
 * record's index (plus a per-store offset) in the last group, so a single-record GET finds
 * the record without any index of ids.
 */
export class RecordIds {
  private readonly offsets: Record<string, number> = {};
  private readonly tags: Record<string, string> = {};

  constructor(private readonly seed: number) {
    for (const [table, code] of Object.entries(tableCodes)) {
      // Offsets stay below 2^44 so index + offset fits the 12 hex digits with room to spare.
      this.offsets[table] = hashInts(seed, code, 11) * 4096 + hashInts(seed, code, 12);
      this.tags[table] = (hashInts(seed, code, 13) & 0xffff).toString(16).padStart(4, '0');
    }
  }

  /** Returns the id of the record at `index` of `table`. */
  idOf(table: TableName, index: number): string {
    const head = hashInts(this.seed, tableCodes[table], index).toString(16).padStart(8, '0');
    const clock = (hashInts(this.seed, index, tableCodes[table]) & 0xffff).toString(16);
    const tail = (index + (this.offsets[table] ?? 0)).toString(16).padStart(12, '0');

    return `${head}-${this.tags[table]}-11ef-${clock.padStart(4, '0')}-${tail}`;
  }

  /** Returns the index encoded in `id` if it is a well-formed id of `table`, else undefined. */
  indexOf(table: TableName, id: string): number | undefined {
    if (id.length !== 36) return undefined;

    const index = Number.parseInt(id.slice(24), 16) - (this.offsets[table] ?? 0);
    if (!Number.isSafeInteger(index) || index < 0) return undefined;

    return this.idOf(table, index) === id ? index : undefined;
  }
}

import type { FakeRecord } from './store-context.ts';

/** One changed or created record with the version it was given. */
export interface OverlayEntry {
  /** The record's index in its table (base records first, then created ones). */
  index: number;
  version: number;
  record: FakeRecord;
}

/**
 * The records of one table that changed since start-up, in version order. Base records are
 * generated on demand; once a record changes, its newest version lives here and the base
 * version is skipped. The log keeps superseded entries until a compaction drops them.
 *
 * Known limit: every changed record stays in memory, so a store under live changes grows by
 * about 3 KB per changed sale (a day at 10 changes/s is a few GB). Fine for tests, demos and
 * benchmark runs; folding old overlay entries back into a compact form would lift it.
 */
export class TableOverlay {
  private readonly latestByIndex = new Map<number, OverlayEntry>();
  private log: OverlayEntry[] = [];

  /** How many records were created after start-up. */
  createdCount = 0;

  /** Records `entry` as the newest version of its record; versions must rise. */
  put(entry: OverlayEntry): void {
    this.latestByIndex.set(entry.index, entry);
    this.log.push(entry);

    // Superseded entries only cost memory and skips; drop them once they dominate.
    if (this.log.length > 1024 && this.log.length > 2 * this.latestByIndex.size) {
      this.log = this.log.filter((candidate) => this.isLatest(candidate));
    }
  }

  /** Returns the newest entry of record `index`, if it ever changed. */
  latest(index: number): OverlayEntry | undefined {
    return this.latestByIndex.get(index);
  }

  /** Returns true if `entry` is still the newest version of its record. */
  isLatest(entry: OverlayEntry): boolean {
    return this.latestByIndex.get(entry.index) === entry;
  }

  /** Returns the log position of the first entry with a version above `after`. */
  firstPositionAfter(after: number): number {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.log[middle]?.version ?? 0) <= after) low = middle + 1;
      else high = middle;
    }

    return low;
  }

  /** Returns the log entry at `position`, or undefined past the end. */
  entryAt(position: number): OverlayEntry | undefined {
    return this.log[position];
  }
}

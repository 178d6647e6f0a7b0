/** One table of one source: the unit the scheduler runs, locks and alerts on. */
export interface TableKey {
  source: string;
  table: string;
}

/** A held table lock; release it when the sync is over. */
export interface TableLock {
  release(): Promise<void>;
}

/**
 * Makes sure one table is never synced by two workers at once. One implementation per place
 * workers share: process memory for local mode, PostgreSQL advisory locks for many workers.
 */
export interface TableLocks {
  /** Takes the table's lock, or resolves undefined at once when someone holds it. */
  tryLock(key: TableKey): Promise<TableLock | undefined>;
  /** Whether any worker holds the table's lock now. */
  isHeld(key: TableKey): Promise<boolean>;
  /** Releases everything this process holds. */
  close(): Promise<void>;
}

/** The text a table's lock is keyed by. */
export function tableKeyText(key: TableKey): string {
  return `${key.source}/${key.table}`;
}

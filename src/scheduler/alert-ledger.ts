import type { AlertKind } from './alerter.ts';
import type { TableKey } from './table-locks.ts';

/**
 * Remembers which alerts are open, so each problem is announced once (by one worker) and
 * announced again only after the table was healthy in between.
 */
export interface AlertLedger {
  /** Opens an alert; resolves true when it was not open yet (the caller announces it). */
  open(key: TableKey, kind: AlertKind): Promise<boolean>;
  /** Closes the table's open alerts of the given kinds (default: all). */
  close(key: TableKey, kinds?: readonly AlertKind[]): Promise<void>;
}

/**
 * An alert ledger in process memory (local mode).
 *
 * Known shortcoming: it is forgotten on restart, so a problem still present after a restart is
 * announced once more. Acceptable for one process; the PostgreSQL ledger does not forget.
 */
export class MemoryAlertLedger implements AlertLedger {
  readonly #open = new Set<string>();

  async open(key: TableKey, kind: AlertKind): Promise<boolean> {
    const text = `${key.source}/${key.table}/${kind}`;
    if (this.#open.has(text)) return false;

    this.#open.add(text);

    return true;
  }

  async close(key: TableKey, kinds?: readonly AlertKind[]): Promise<void> {
    for (const kind of kinds ?? (['failed', 'stale', 'halted'] as const)) {
      this.#open.delete(`${key.source}/${key.table}/${kind}`);
    }
  }
}

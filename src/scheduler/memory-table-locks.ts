import { type TableKey, type TableLock, type TableLocks, tableKeyText } from './table-locks.ts';

/** Table locks for one process (local mode, where only one process syncs a warehouse). */
export class MemoryTableLocks implements TableLocks {
  readonly #held = new Set<string>();

  async tryLock(key: TableKey): Promise<TableLock | undefined> {
    const text = tableKeyText(key);
    if (this.#held.has(text)) return undefined;

    this.#held.add(text);

    return { release: async () => void this.#held.delete(text) };
  }

  async isHeld(key: TableKey): Promise<boolean> {
    return this.#held.has(tableKeyText(key));
  }

  async close(): Promise<void> {
    this.#held.clear();
  }
}

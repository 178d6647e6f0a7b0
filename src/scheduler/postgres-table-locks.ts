import { createHash } from 'node:crypto';
import pg from 'pg';
import { type TableKey, type TableLock, type TableLocks, tableKeyText } from './table-locks.ts';

/** The two 31-bit advisory lock keys of a table, from a hash of `source/table`. */
export function advisoryLockKeys(key: TableKey): [number, number] {
  const digest = createHash('sha256')
    .update(`lightspeed-sync:${tableKeyText(key)}`)
    .digest();

  return [digest.readUInt32BE(0) & 0x7fffffff, digest.readUInt32BE(4) & 0x7fffffff];
}

/**
 * Table locks shared by every worker of a PostgreSQL database: a session advisory lock per
 * table, each on its own connection held for the whole sync. A worker that dies loses its
 * connection, and the server frees its locks at once.
 */
export class PostgresTableLocks implements TableLocks {
  readonly #url: string;
  readonly #open = new Set<pg.Client>();

  constructor(url: string) {
    this.#url = url;
  }

  async tryLock(key: TableKey): Promise<TableLock | undefined> {
    // Known shortcoming: when this connection drops mid-sync (server restart, network cut) the
    // lock is gone while the sync goes on, so another worker could start the same table. Rare,
    // and the per-page commits keep the data exact; aborting the sync on the client's `error`
    // event would close the gap.
    const client = new pg.Client({ connectionString: this.#url });
    client.on('error', () => undefined);
    await client.connect();
    const [high, low] = advisoryLockKeys(key);
    let locked = false;
    try {
      const result = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, $2) AS locked',
        [high, low],
      );
      locked = result.rows[0]?.locked === true;
    } finally {
      if (!locked) await client.end().catch(() => undefined);
    }
    if (!locked) return undefined;

    this.#open.add(client);

    return {
      release: async () => {
        this.#open.delete(client);
        await client.end().catch(() => undefined);
      },
    };
  }

  async isHeld(key: TableKey): Promise<boolean> {
    const [high, low] = advisoryLockKeys(key);
    const client = new pg.Client({ connectionString: this.#url });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const result = await client.query<{ held: boolean }>(
        `SELECT EXISTS (
          SELECT 1 FROM pg_locks
          WHERE locktype = 'advisory' AND granted AND objsubid = 2
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND classid = $1::bigint::oid AND objid = $2::bigint::oid
        ) AS held`,
        [high, low],
      );

      return result.rows[0]?.held === true;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const clients = [...this.#open];
    this.#open.clear();
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

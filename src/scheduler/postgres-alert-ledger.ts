import pg from 'pg';
import { controlSchema, ensureControlTable } from '../config/control-schema.ts';
import type { AlertLedger } from './alert-ledger.ts';
import type { AlertKind } from './alerter.ts';
import type { TableKey } from './table-locks.ts';

const alertsTable = `${controlSchema}.open_alerts`;

/** An alert ledger in `lightspeed_sync.open_alerts`, shared by every worker. */
export class PostgresAlertLedger implements AlertLedger {
  readonly #pool: pg.Pool;
  #ready: Promise<void> | undefined;

  constructor(url: string) {
    this.#pool = new pg.Pool({ connectionString: url, max: 2 });
    this.#pool.on('error', () => undefined);
  }

  async open(key: TableKey, kind: AlertKind): Promise<boolean> {
    await this.#ensure();
    const result = await this.#pool.query(
      `INSERT INTO ${alertsTable} (source, table_name, kind, opened_at) VALUES ($1, $2, $3, now())
        ON CONFLICT DO NOTHING`,
      [key.source, key.table, kind],
    );

    return result.rowCount === 1;
  }

  async close(key: TableKey, kinds?: readonly AlertKind[]): Promise<void> {
    await this.#ensure();
    await this.#pool.query(
      `DELETE FROM ${alertsTable} WHERE source = $1 AND table_name = $2
        AND ($3::text[] IS NULL OR kind = ANY($3::text[]))`,
      [key.source, key.table, kinds ? [...kinds] : null],
    );
  }

  /** Closes the connections. */
  async end(): Promise<void> {
    await this.#pool.end();
  }

  async #ensure(): Promise<void> {
    this.#ready ??= ensureControlTable(
      this.#pool,
      `CREATE TABLE IF NOT EXISTS ${alertsTable} (
        source TEXT NOT NULL,
        table_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        opened_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (source, table_name, kind)
      )`,
    ).catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    await this.#ready;
  }
}

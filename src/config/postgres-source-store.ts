import pg from 'pg';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { controlSchema, ensureControlTable } from './control-schema.ts';
import type { SourceConfig } from './source-config.ts';
import type { SourceStore } from './source-store.ts';
import { TokenCipher } from './token-cipher.ts';

const sourcesTable = `${controlSchema}.sources`;

/** Where the PostgreSQL source store lives and how it protects tokens. */
export interface PostgresSourceStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** Secret that encrypts tokens (AES-256-GCM). Default: none, tokens stored as they are. */
  secretKey?: string | undefined;
}

/**
 * Keeps sources in `lightspeed_sync.sources` of a PostgreSQL database, so every worker of a
 * deployment sees the same sources. Tokens are sealed by `TokenCipher`.
 */
export class PostgresSourceStore implements SourceStore {
  readonly #pool: pg.Pool;
  readonly #cipher: TokenCipher;
  #ready: Promise<void> | undefined;

  constructor(options: PostgresSourceStoreOptions) {
    this.#pool = new pg.Pool({ connectionString: options.url, max: 2 });
    // A dropped idle connection must not crash the process; the next query reconnects.
    this.#pool.on('error', () => undefined);
    this.#cipher = new TokenCipher(options.secretKey);
  }

  async list(): Promise<SourceConfig[]> {
    const result = await this.#query<{ config: SourceConfig }>(
      `SELECT config FROM ${sourcesTable} ORDER BY created_at, name`,
    );

    return result.rows.map((row) => row.config);
  }

  async get(name: string): Promise<SourceConfig | undefined> {
    const result = await this.#query<{ config: SourceConfig }>(
      `SELECT config FROM ${sourcesTable} WHERE name = $1`,
      [name],
    );

    return result.rows[0]?.config;
  }

  async save(source: SourceConfig, token?: string): Promise<void> {
    const sealed = token === undefined ? null : this.#cipher.seal(token, source.name);
    await this.#query(
      `INSERT INTO ${sourcesTable} (name, config, token, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (name) DO UPDATE SET config = EXCLUDED.config,
          token = COALESCE(EXCLUDED.token, ${sourcesTable}.token),
          updated_at = EXCLUDED.updated_at`,
      [source.name, JSON.stringify(source), sealed, source.createdAt, source.updatedAt],
    );
  }

  async remove(name: string): Promise<void> {
    await this.#query(`DELETE FROM ${sourcesTable} WHERE name = $1`, [name]);
  }

  async readToken(name: string): Promise<string | undefined> {
    const result = await this.#query<{ token: string | null }>(
      `SELECT token FROM ${sourcesTable} WHERE name = $1`,
      [name],
    );
    const stored = result.rows[0]?.token;

    return stored ? this.#cipher.open(stored, name) : undefined;
  }

  /** Closes the connections. */
  async close(): Promise<void> {
    await this.#pool.end();
  }

  async #query<R extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    try {
      this.#ready ??= ensureControlTable(
        this.#pool,
        `CREATE TABLE IF NOT EXISTS ${sourcesTable} (
          name TEXT PRIMARY KEY,
          config JSONB NOT NULL,
          token TEXT,
          created_at TIMESTAMPTZ NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL
        )`,
      );
      await this.#ready;

      return await this.#pool.query<R>(sql, params);
    } catch (error) {
      this.#ready = undefined;
      throw new LightspeedSyncError(
        'source_store_unavailable',
        `The source store database cannot be used: ${(error as Error).message}. Check the ` +
          'URL given with --store or LIGHTSPEED_SOURCE_STORE, and that the database is up.',
        { cause: error },
      );
    }
  }
}

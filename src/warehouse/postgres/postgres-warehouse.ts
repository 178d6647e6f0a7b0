import pg from 'pg';
import type { ColumnSchema } from '../../catalog/column-type.ts';
import { dedupeRows } from '../dedupe-rows.ts';
import {
  isInternalTable,
  physicalTableName,
  syncRunsTable,
  syncStateTable,
} from '../physical-table-name.ts';
import { qualifiedName, quoteIdentifier } from '../sql-identifier.ts';
import {
  appendRunSql,
  createSyncRunsTableSql,
  createSyncStateTableSql,
  deleteStateSql,
  groupTableNames,
  promoteRefreshCursorSql,
  recordRunSql,
  type SqlStatement,
  saveCursorSql,
  saveRefreshCursorSql,
  selectRunsSql,
  selectStatesSql,
  toRunRecord,
  toTableState,
} from '../sync-state-sql.ts';
import type {
  PageWrite,
  ParquetExportRequest,
  ParquetTableResult,
  QueryResult,
  RunRecord,
  TableGroupSchema,
  TableState,
  Warehouse,
  WriteTarget,
} from '../warehouse.ts';
import {
  refreshNotStartedError,
  unknownGroupError,
  writeFailedError,
} from '../warehouse-errors.ts';
import {
  addColumnSql,
  createTableSql,
  primaryKeyName,
  type Queryable,
  readColumnTypes,
} from './postgres-catalog.ts';
import { postgresConnectionError } from './postgres-errors.ts';
import {
  deleteStagedChildrenSql,
  deleteStagedKeysSql,
  insertStagedSql,
  stageRows,
} from './postgres-load.ts';
import { exportPostgresTables } from './postgres-parquet.ts';
import { runReadOnlyQuery } from './postgres-query.ts';
import { jsonSafeTypes, logicalTypeFromPostgres } from './postgres-types.ts';

/** How to open a PostgreSQL warehouse. */
export interface PostgresWarehouseOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** Display form of the URL, without the password. */
  location: string;
  /** Schema holding the source's tables (one schema per source, so stores never collide). */
  schema: string;
  /** Makes every transaction read-only (for queries). Default false. */
  readOnly?: boolean;
  /** Connections in the pool. Default 4. */
  poolSize?: number;
}

/** The default cap on rows a query returns. */
const defaultMaxRows = 10_000;

/**
 * The PostgreSQL warehouse: a small pool; each page write runs on one connection in one
 * transaction (COPY into a temporary stage, replace by key, store the cursor).
 */
export class PostgresWarehouse implements Warehouse {
  readonly kind = 'postgres';
  readonly location: string;

  private readonly groups = new Map<string, TableGroupSchema>();

  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
    location: string,
  ) {
    this.location = location;
  }

  /** Connects (checking the server answers) without creating anything yet. */
  static async open(options: PostgresWarehouseOptions): Promise<PostgresWarehouse> {
    const readOnly = options.readOnly ? ' -c default_transaction_read_only=on' : '';
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 4,
      connectionTimeoutMillis: 10_000,
      options: `-c TimeZone=UTC${readOnly}`,
      types: jsonSafeTypes,
    });
    // An idle connection dropped by the server must not crash the process; the next query fails.
    pool.on('error', () => undefined);
    const warehouse = new PostgresWarehouse(pool, options.schema, options.location);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw warehouse.translate(error);
    }

    return warehouse;
  }

  ensureTables(group: TableGroupSchema, target: WriteTarget): Promise<void> {
    return this.transaction(async (client) => {
      await this.ensureSchema(client);
      await this.createGroupTables(client, group, target);
      this.groups.set(group.parent.name, group);
    });
  }

  async describeTable(table: string, target: WriteTarget): Promise<ColumnSchema[] | undefined> {
    const types = await this.run((db) =>
      readColumnTypes(db, this.schema, physicalTableName(table, target)),
    );
    if (types.size === 0) return undefined;

    return [...types].map(([name, type]) => ({ name, type: logicalTypeFromPostgres(type) }));
  }

  async writePage(write: PageWrite): Promise<void> {
    const group = this.groups.get(write.table);
    if (!group) throw unknownGroupError(write.table);

    try {
      await this.transaction(async (client) => {
        const parentName = physicalTableName(group.parent.name, write.target);
        const parent = qualifiedName(this.schema, parentName);
        const parentRows = dedupeRows(write.parent, group.parent.primaryKey);
        await stageRows(client, '_stage_parent', parent, write.parent.columns, parentRows);
        await client.query(deleteStagedKeysSql(parent, '_stage_parent', group.parent.primaryKey));
        await client.query(insertStagedSql(parent, '_stage_parent', write.parent.columns));

        const parentId = group.parent.primaryKey[0] ?? 'id';
        for (const child of group.children) {
          const target = qualifiedName(this.schema, physicalTableName(child.name, write.target));
          const parentKey = child.parentKey ?? parentId;
          await client.query(deleteStagedChildrenSql(target, parentKey, '_stage_parent', parentId));
        }

        for (const [index, rows] of write.children.entries()) {
          const child = group.children.find((candidate) => candidate.name === rows.table);
          if (!child) throw unknownGroupError(`${write.table}.${rows.table}`);

          const target = qualifiedName(this.schema, physicalTableName(child.name, write.target));
          const stage = `_stage_child_${index}`;
          await stageRows(client, stage, target, rows.columns, dedupeRows(rows, child.primaryKey));
          await client.query(insertStagedSql(target, stage, rows.columns));
        }

        await execute(
          client,
          saveCursorSql(this.schema, write.table, write.target, write.cursor, parentRows.length),
        );
      });
    } catch (error) {
      throw writeFailedError(error, write.table);
    }
  }

  beginRefresh(group: TableGroupSchema): Promise<number> {
    return this.transaction(async (client) => {
      await this.ensureSchema(client);
      const state = await this.readStateWith(client, group.parent.name);
      const refreshName = physicalTableName(group.parent.name, 'refresh');
      const exists = (await readColumnTypes(client, this.schema, refreshName)).size > 0;
      this.groups.set(group.parent.name, group);
      if (state && state.refreshCursor !== null && exists) {
        await this.createGroupTables(client, group, 'refresh');

        return state.refreshCursor;
      }

      await this.dropTables(client, groupTableNames(group, 'refresh'));
      await this.createGroupTables(client, group, 'refresh');
      await execute(client, saveRefreshCursorSql(this.schema, group.parent.name, 0));

      return 0;
    });
  }

  finishRefresh(group: TableGroupSchema, cursor: number): Promise<void> {
    return this.transaction(async (client) => {
      const live = groupTableNames(group, 'live');
      const refresh = groupTableNames(group, 'refresh');
      if ((await readColumnTypes(client, this.schema, refresh[0] ?? '')).size === 0) {
        throw refreshNotStartedError(group.parent.name);
      }

      await this.dropTables(client, live);
      for (const [index, name] of refresh.entries()) {
        const liveName = live[index] ?? name;
        const table = qualifiedName(this.schema, name);
        await client.query(`ALTER TABLE ${table} RENAME TO ${quoteIdentifier(liveName)}`);
        await client.query(
          `ALTER TABLE ${qualifiedName(this.schema, liveName)} RENAME CONSTRAINT ` +
            `${quoteIdentifier(primaryKeyName(name))} ` +
            `TO ${quoteIdentifier(primaryKeyName(liveName))}`,
        );
      }
      await execute(client, promoteRefreshCursorSql(this.schema, group.parent.name, cursor));
    });
  }

  resetTable(group: TableGroupSchema): Promise<void> {
    return this.transaction(async (client) => {
      await this.ensureSchema(client);
      const names = [...groupTableNames(group, 'live'), ...groupTableNames(group, 'refresh')];
      await this.dropTables(client, names);
      await execute(client, deleteStateSql(this.schema, group.parent.name));
    });
  }

  readState(table: string): Promise<TableState | undefined> {
    return this.run((db) => this.readStateWith(db, table));
  }

  async listStates(): Promise<TableState[]> {
    if (!(await this.run((db) => this.stateTableExists(db)))) return [];

    const result = await this.run((db) =>
      db.query({ text: selectStatesSql(this.schema, false), rowMode: 'array' }),
    );

    return result.rows.map(toTableState);
  }

  recordRun(run: RunRecord): Promise<void> {
    return this.transaction(async (client) => {
      await this.ensureSchema(client);
      await execute(client, recordRunSql(this.schema, run));
      if (run.status !== 'running') await execute(client, appendRunSql(this.schema, run));
    });
  }

  async listRuns(options: { table?: string; limit?: number } = {}): Promise<RunRecord[]> {
    if (!(await this.run((db) => this.tableExists(db, syncRunsTable)))) return [];

    const statement = selectRunsSql(this.schema, options);
    const result = await this.run((db) =>
      db.query({ text: statement.sql, values: statement.params, rowMode: 'array' }),
    );

    return result.rows.map(toRunRecord);
  }

  async countRows(table: string): Promise<number> {
    return this.run(async (db) => {
      if ((await readColumnTypes(db, this.schema, table)).size === 0) return 0;

      const result = await db.query<{ count: string }>(
        `SELECT count(*) AS count FROM ${qualifiedName(this.schema, table)}`,
      );

      return Number(result.rows[0]?.count ?? 0);
    });
  }

  query(sql: string, options: { maxRows?: number } = {}): Promise<QueryResult> {
    return runReadOnlyQuery(this.pool, this.schema, sql, options.maxRows ?? defaultMaxRows);
  }

  async listTables(): Promise<string[]> {
    const result = await this.run((db) =>
      db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1
          ORDER BY table_name`,
        [this.schema],
      ),
    );

    return result.rows.map((row) => row.table_name).filter((name) => !isInternalTable(name));
  }

  exportParquet(request: ParquetExportRequest): Promise<ParquetTableResult[]> {
    return this.run(() => exportPostgresTables(this.pool, this.schema, request));
  }

  async close(): Promise<void> {
    if (this.pool.ended) return;

    await this.pool.end();
  }

  /** Creates the group's missing tables and adds missing columns. */
  private async createGroupTables(
    client: Queryable,
    group: TableGroupSchema,
    target: WriteTarget,
  ): Promise<void> {
    for (const table of [group.parent, ...group.children]) {
      const name = physicalTableName(table.name, target);
      const existing = await readColumnTypes(client, this.schema, name);
      if (existing.size === 0) {
        await client.query(createTableSql(this.schema, name, table));
        continue;
      }

      for (const column of table.columns.filter((column) => !existing.has(column.name))) {
        await client.query(addColumnSql(this.schema, name, column));
      }
    }
  }

  private async ensureSchema(client: Queryable): Promise<void> {
    // Concurrent CREATE ... IF NOT EXISTS from several processes can still collide in the
    // catalogue (duplicate pg_type rows), so schema changes take a per-schema lock held until
    // the transaction ends.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `lightspeed_sync_ddl:${this.schema}`,
    ]);
    const exists = await client.query(
      'SELECT 1 FROM information_schema.schemata WHERE schema_name = $1',
      [this.schema],
    );
    // CREATE SCHEMA IF NOT EXISTS still needs the CREATE privilege, so skip it when present.
    if (exists.rowCount === 0) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)}`);
    }
    await client.query(createSyncStateTableSql(this.schema));
    await client.query(createSyncRunsTableSql(this.schema));
  }

  private async readStateWith(db: Queryable, table: string): Promise<TableState | undefined> {
    if (!(await this.stateTableExists(db))) return undefined;

    const result = await db.query({
      text: selectStatesSql(this.schema, true),
      values: [table],
      rowMode: 'array',
    });
    const row = result.rows[0] as (string | number | boolean | null)[] | undefined;

    return row ? toTableState(row) : undefined;
  }

  private stateTableExists(db: Queryable): Promise<boolean> {
    return this.tableExists(db, syncStateTable);
  }

  private async tableExists(db: Queryable, table: string): Promise<boolean> {
    const result = await db.query('SELECT to_regclass($1) IS NOT NULL AS present', [
      qualifiedName(this.schema, table),
    ]);

    return result.rows[0]?.present === true;
  }

  private async dropTables(client: Queryable, names: string[]): Promise<void> {
    for (const name of names) {
      await client.query(`DROP TABLE IF EXISTS ${qualifiedName(this.schema, name)}`);
    }
  }

  /** Runs `work` on a pooled connection, translating connection failures. */
  private async run<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    try {
      return await work(this.pool);
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** Runs `work` in a transaction on one connection; rolls back on any failure. */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw this.translate(error);
    });
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');

      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw this.translate(error);
    } finally {
      client.release();
    }
  }

  private translate(error: unknown): unknown {
    return postgresConnectionError(error, this.location, this.schema) ?? error;
  }
}

async function execute(client: Queryable, statement: SqlStatement): Promise<void> {
  await client.query(statement.sql, statement.params);
}

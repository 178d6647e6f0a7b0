// Over 400 lines because every Warehouse method shares one connection, one operation queue and
// one column-type cache; the SQL itself lives in duckdb-load.ts, duckdb-catalog.ts and
// ../sync-state-sql.ts. Splitting the class would only move that shared state into parameters.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import type { ColumnSchema } from '../../catalog/column-type.ts';
import { dedupeRows } from '../dedupe-rows.ts';
import { physicalTableName, syncRunsTable, syncStateTable } from '../physical-table-name.ts';
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
  TableRows,
  TableSchema,
  TableState,
  Warehouse,
  WriteTarget,
} from '../warehouse.ts';
import {
  refreshNotStartedError,
  unknownGroupError,
  writeFailedError,
} from '../warehouse-errors.ts';
import { addColumnSql, createTableSql, listDataTables, readColumnTypes } from './duckdb-catalog.ts';
import { duckdbOpenError, duckdbWriteError, readOnlyWarehouseError } from './duckdb-errors.ts';
import { acquireDuckDBInstance, releaseDuckDBInstance } from './duckdb-instance-cache.ts';
import {
  deleteStagedChildrenSql,
  deleteStagedKeysSql,
  insertStagedSql,
  stageRows,
} from './duckdb-load.ts';
import { exportDuckDBTables } from './duckdb-parquet.ts';
import { runReadOnlyQuery } from './duckdb-query.ts';
import { logicalTypeFromDuckDB, needsWideDecimal, wideDecimalType } from './duckdb-types.ts';
import { jsonSafeResult } from './duckdb-values.ts';

/** How to open a DuckDB warehouse. */
export interface DuckDBWarehouseOptions {
  /** Path of the database file; its directory is created when missing. */
  path: string;
  /** Schema holding the source's tables. */
  schema: string;
  /** Opens the file with DuckDB's READ_ONLY access mode (for queries). Default false. */
  readOnly?: boolean;
}

/** The default cap on rows a query returns. */
const defaultMaxRows = 10_000;

/**
 * The DuckDB warehouse: one file, one instance per file in the process, one connection per
 * warehouse. Operations run one at a time on that connection, each write in one transaction.
 */
export class DuckDBWarehouse implements Warehouse {
  readonly kind = 'duckdb';
  /** Whether this instance already created the schema and its state tables. */
  private schemaReady = false;
  readonly location: string;

  private readonly groups = new Map<string, TableGroupSchema>();
  private readonly columnTypes = new Map<string, Map<string, string>>();
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly path: string,
    readonly schema: string,
    private readonly readOnly: boolean,
  ) {
    this.location = path;
  }

  /** Opens (creating when missing, unless read-only) the DuckDB file. */
  static async open(options: DuckDBWarehouseOptions): Promise<DuckDBWarehouse> {
    const path = resolve(options.path);
    const readOnly = options.readOnly ?? false;
    try {
      if (!readOnly) await mkdir(dirname(path), { recursive: true });
      const opened = await acquireDuckDBInstance(path, readOnly);
      const connection = await opened.instance.connect();
      await connection.run("SET TimeZone = 'UTC'");

      return new DuckDBWarehouse(opened.instance, connection, path, options.schema, readOnly);
    } catch (error) {
      throw duckdbOpenError(error, path);
    }
  }

  /** The connection, for the bulk-load floor measurement and the Parquet export. */
  get rawConnection(): DuckDBConnection {
    return this.connection;
  }

  ensureTables(group: TableGroupSchema, target: WriteTarget): Promise<void> {
    return this.exclusive(() => this.ensureTablesNow(group, target));
  }

  describeTable(table: string, target: WriteTarget): Promise<ColumnSchema[] | undefined> {
    return this.exclusive(async () => {
      const types = await readColumnTypes(
        this.connection,
        this.schema,
        physicalTableName(table, target),
      );
      if (types.size === 0) return undefined;

      return [...types].map(([name, type]) => ({ name, type: logicalTypeFromDuckDB(type) }));
    });
  }

  writePage(write: PageWrite): Promise<void> {
    return this.exclusive(() => this.writePageNow(write));
  }

  beginRefresh(group: TableGroupSchema): Promise<number> {
    return this.exclusive(async () => {
      await this.ensureSchema();
      const state = await this.readStateNow(group.parent.name);
      const refreshName = physicalTableName(group.parent.name, 'refresh');
      const exists = (await this.types(refreshName)).size > 0;
      if (state && state.refreshCursor !== null && exists) {
        await this.ensureTablesNow(group, 'refresh');

        return state.refreshCursor;
      }

      await this.transaction(async () => {
        await this.dropTables(groupTableNames(group, 'refresh'));
        await this.createGroupTables(group, 'refresh');
        await this.execute(saveRefreshCursorSql(this.schema, group.parent.name, 0));
      });
      this.groups.set(group.parent.name, group);

      return 0;
    });
  }

  finishRefresh(group: TableGroupSchema, cursor: number): Promise<void> {
    return this.exclusive(async () => {
      const refreshName = physicalTableName(group.parent.name, 'refresh');
      if ((await this.types(refreshName)).size === 0) {
        throw refreshNotStartedError(group.parent.name);
      }

      await this.transaction(async () => {
        const live = groupTableNames(group, 'live');
        const refresh = groupTableNames(group, 'refresh');
        await this.dropTables(live);
        for (const [index, name] of refresh.entries()) {
          await this.connection.run(
            `ALTER TABLE ${qualifiedName(this.schema, name)} ` +
              `RENAME TO ${quoteIdentifier(live[index] ?? name)}`,
          );
        }
        await this.execute(promoteRefreshCursorSql(this.schema, group.parent.name, cursor));
      });
    });
  }

  resetTable(group: TableGroupSchema): Promise<void> {
    return this.exclusive(async () => {
      await this.ensureSchema();
      await this.transaction(async () => {
        await this.dropTables([
          ...groupTableNames(group, 'live'),
          ...groupTableNames(group, 'refresh'),
        ]);
        await this.execute(deleteStateSql(this.schema, group.parent.name));
      });
    });
  }

  readState(table: string): Promise<TableState | undefined> {
    return this.exclusive(() => this.readStateNow(table));
  }

  listStates(): Promise<TableState[]> {
    return this.exclusive(async () => {
      if (!(await this.stateTableExists())) return [];

      const reader = await this.connection.runAndReadAll(selectStatesSql(this.schema, false));

      return jsonSafeResult(reader).rows.map(toTableState);
    });
  }

  recordRun(run: RunRecord): Promise<void> {
    return this.exclusive(async () => {
      await this.ensureSchema();
      await this.transaction(async () => {
        await this.execute(recordRunSql(this.schema, run));
        if (run.status !== 'running') await this.execute(appendRunSql(this.schema, run));
      });
    });
  }

  listRuns(options: { table?: string; limit?: number } = {}): Promise<RunRecord[]> {
    return this.exclusive(async () => {
      if ((await this.types(syncRunsTable)).size === 0) return [];

      const statement = selectRunsSql(this.schema, options);
      const reader = await this.connection.runAndReadAll(
        statement.sql,
        statement.params as DuckDBValue[],
      );

      return jsonSafeResult(reader).rows.map(toRunRecord);
    });
  }

  countRows(table: string): Promise<number> {
    return this.exclusive(async () => {
      if ((await this.types(table)).size === 0) return 0;

      const reader = await this.connection.runAndReadAll(
        `SELECT count(*)::DOUBLE FROM ${qualifiedName(this.schema, table)}`,
      );

      return Number(reader.getRows()[0]?.[0] ?? 0);
    });
  }

  query(sql: string, options: { maxRows?: number } = {}): Promise<QueryResult> {
    return this.exclusive(async () => {
      await this.connection.run(`SET search_path = '${this.schema},main'`).catch(() => undefined);

      return runReadOnlyQuery(this.connection, sql, options.maxRows ?? defaultMaxRows);
    });
  }

  listTables(): Promise<string[]> {
    return this.exclusive(() => listDataTables(this.connection, this.schema));
  }

  exportParquet(request: ParquetExportRequest): Promise<ParquetTableResult[]> {
    return this.exclusive(() => exportDuckDBTables(this.connection, this.schema, request));
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      if (this.closed) return;

      this.closed = true;
      this.connection.closeSync();
      await releaseDuckDBInstance(this.path, this.instance);
    });
  }

  private async writePageNow(write: PageWrite): Promise<void> {
    const group = this.groups.get(write.table);
    if (!group) throw unknownGroupError(write.table);
    if (this.readOnly) throw readOnlyWarehouseError(this.path);

    try {
      const parentName = physicalTableName(group.parent.name, write.target);
      const parentRows = await this.stage('_stage_parent', write.parent, group.parent);
      const childStages: { name: string; schema: TableSchema; stage: string }[] = [];
      for (const [index, rows] of write.children.entries()) {
        const schema = group.children.find((child) => child.name === rows.table);
        if (!schema) throw unknownGroupError(`${write.table}.${rows.table}`);

        const stage = `_stage_child_${index}`;
        await this.stage(stage, rows, schema);
        childStages.push({ name: physicalTableName(schema.name, write.target), schema, stage });
      }

      await this.transaction(async () => {
        await this.widenDecimals(parentName, write.parent);
        const parentTypes = await this.types(parentName);
        const target = qualifiedName(this.schema, parentName);
        const key = group.parent.primaryKey;
        await this.connection.run(deleteStagedKeysSql(target, '_stage_parent', key, parentTypes));
        await this.connection.run(
          insertStagedSql(target, '_stage_parent', write.parent.columns, parentTypes),
        );

        await this.replaceChildren(group, write, childStages);
        await this.execute(
          saveCursorSql(this.schema, write.table, write.target, write.cursor, parentRows),
        );
      });
    } catch (error) {
      throw duckdbWriteError(error, this.path) ?? writeFailedError(error, write.table);
    }
  }

  private async replaceChildren(
    group: TableGroupSchema,
    write: PageWrite,
    stages: { name: string; schema: TableSchema; stage: string }[],
  ): Promise<void> {
    const parentId = group.parent.primaryKey[0] ?? 'id';
    for (const child of group.children) {
      const name = physicalTableName(child.name, write.target);
      const types = await this.types(name);
      const parentKey = child.parentKey ?? child.primaryKey[0] ?? parentId;
      const keyType = types.get(parentKey) ?? 'VARCHAR';
      const target = qualifiedName(this.schema, name);
      await this.connection.run(
        deleteStagedChildrenSql(target, parentKey, '_stage_parent', parentId, keyType),
      );
    }

    for (const [index, staged] of stages.entries()) {
      const rows = write.children[index];
      if (!rows) continue;

      await this.widenDecimals(staged.name, rows);
      const types = await this.types(staged.name);
      const target = qualifiedName(this.schema, staged.name);
      await this.connection.run(insertStagedSql(target, staged.stage, rows.columns, types));
    }
  }

  /** Stages deduplicated rows; returns how many were staged. */
  private async stage(stage: string, rows: TableRows, schema: TableSchema): Promise<number> {
    const unique = dedupeRows(rows, schema.primaryKey);
    await stageRows(this.connection, stage, rows.columns, unique);

    return unique.length;
  }

  /** Widens the decimal columns of a table that some value of `rows` does not fit. */
  private async widenDecimals(table: string, rows: TableRows): Promise<void> {
    const types = await this.types(table);
    for (const [index, column] of rows.columns.entries()) {
      const type = types.get(column);
      if (type === undefined || !type.startsWith('DECIMAL') || type === wideDecimalType) continue;

      const tooWide = rows.rows.some((row) => {
        const value = row[index];

        return typeof value === 'string' && needsWideDecimal(value);
      });
      if (!tooWide) continue;

      await this.connection.run(
        `ALTER TABLE ${qualifiedName(this.schema, table)} ` +
          `ALTER COLUMN ${quoteIdentifier(column)} TYPE ${wideDecimalType}`,
      );
      types.set(column, wideDecimalType);
    }
  }

  private async ensureTablesNow(group: TableGroupSchema, target: WriteTarget): Promise<void> {
    await this.ensureSchema();
    await this.transaction(() => this.createGroupTables(group, target));
    this.groups.set(group.parent.name, group);
  }

  /** Creates the group's missing tables and adds missing columns (inside a transaction). */
  private async createGroupTables(group: TableGroupSchema, target: WriteTarget): Promise<void> {
    for (const table of [group.parent, ...group.children]) {
      const name = physicalTableName(table.name, target);
      const existing = await this.types(name);
      if (existing.size === 0) {
        await this.connection.run(createTableSql(this.schema, name, table));
      } else {
        for (const column of table.columns.filter((column) => !existing.has(column.name))) {
          await this.connection.run(addColumnSql(this.schema, name, column));
        }
      }
      this.columnTypes.delete(name);
    }
  }

  private async ensureSchema(): Promise<void> {
    if (this.readOnly) throw readOnlyWarehouseError(this.path);
    // Every run records its start and end; the DDL only needs to run once per instance.
    if (this.schemaReady) return;

    await this.connection.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)}`);
    await this.connection.run(createSyncStateTableSql(this.schema));
    await this.connection.run(createSyncRunsTableSql(this.schema));
    this.schemaReady = true;
  }

  private async readStateNow(table: string): Promise<TableState | undefined> {
    if (!(await this.stateTableExists())) return undefined;

    const reader = await this.connection.runAndReadAll(selectStatesSql(this.schema, true), [table]);
    const row = jsonSafeResult(reader).rows[0];

    return row ? toTableState(row) : undefined;
  }

  private async stateTableExists(): Promise<boolean> {
    return (await this.types(syncStateTable)).size > 0;
  }

  /** The column types of a physical table, cached until a DDL change or failed write. */
  private async types(table: string): Promise<Map<string, string>> {
    const cached = this.columnTypes.get(table);
    if (cached) return cached;

    const types = await readColumnTypes(this.connection, this.schema, table);
    if (types.size > 0) this.columnTypes.set(table, types);

    return types;
  }

  private async dropTables(names: string[]): Promise<void> {
    for (const name of names) {
      await this.connection.run(`DROP TABLE IF EXISTS ${qualifiedName(this.schema, name)}`);
      this.columnTypes.delete(name);
    }
  }

  private async execute(statement: SqlStatement): Promise<void> {
    await this.connection.run(statement.sql, statement.params as DuckDBValue[]);
  }

  /** Runs `work` in a transaction; on failure rolls back and forgets cached column types. */
  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.connection.run('COMMIT');

      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      this.columnTypes.clear();
      throw error;
    }
  }

  /** Queues `work` behind earlier operations: the connection runs one thing at a time. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);

    return result;
  }
}

import type { ColumnSchema } from '../catalog/column-type.ts';

/** A value in a row, already in the canonical form of its column's logical type. */
export type RowValue = string | number | boolean | null;

/** The physical shape of one warehouse table (a top-level table or a child table). */
export interface TableSchema {
  /** Table name inside the source's schema, e.g. `sales` or `sales_line_items`. */
  name: string;
  /** Columns in order. */
  columns: ColumnSchema[];
  /** Primary key columns: `['id']` for top-level tables, `[parentKey, 'id']` for children. */
  primaryKey: string[];
  /** For child tables: the column holding the parent's id (`sale_id`). */
  parentKey?: string;
}

/** A top-level table with its child tables: what one X-Series collection lands in. */
export interface TableGroupSchema {
  parent: TableSchema;
  children: TableSchema[];
}

/** Rows for one table; each row has one value per entry of `columns`, in that order. */
export interface TableRows {
  table: string;
  columns: string[];
  rows: RowValue[][];
}

/** Which copy of a table group a write goes to. */
export type WriteTarget = 'live' | 'refresh';

/** One page (or a few pages) of a collection, committed atomically with its checkpoint. */
export interface PageWrite {
  /** The top-level table, e.g. `sales`. */
  table: string;
  target: WriteTarget;
  /** Parent rows: upserted by primary key (an existing row with the same id is replaced). */
  parent: TableRows;
  /**
   * Child rows: every existing child row of the parent ids in `parent` is deleted first, then
   * these are inserted, so a changed sale's line items are replaced as a whole.
   */
  children: TableRows[];
  /** The cursor to store with the rows, in the same transaction. */
  cursor: number;
}

/** What the warehouse remembers about one table between runs. */
export interface TableState {
  table: string;
  /** Cursor of the live table; 0 before the first sync. */
  cursor: number;
  /** Cursor of an unfinished full refresh build, or null when none is under way. */
  refreshCursor: number | null;
  /** Rows written to the live table over its lifetime (upserts count once per write). */
  rowsSynced: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  /** `succeeded`, `failed`, `running` or null before the first run. */
  lastStatus: string | null;
  lastErrorCode: string | null;
  lastError: string | null;
}

/** The outcome of a run, stored in the table's state row. */
export interface RunRecord {
  table: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  errorCode?: string;
  errorMessage?: string;
  /** Records written by the run (finished runs). */
  rows?: number;
}

/** The result of a read-only query. */
export interface QueryResult {
  columns: string[];
  /** Values as JSON-safe primitives: decimals and big integers as strings, times as ISO text. */
  rows: (string | number | boolean | null)[][];
}

/** One table to write as Parquet. */
export interface ParquetTableExport {
  /** Table name in the source's schema, e.g. `sales` or `sales_line_items`. */
  table: string;
  /**
   * Writes hive-style partitions (`<name>=YYYY-MM/`) by the UTC month of a timestamp column
   * instead of one file. Default: one file, `<table>.parquet`.
   */
  partitionByMonth?: { column: string; name: string };
}

/** What to export as Parquet and where. */
export interface ParquetExportRequest {
  /** Directory the files go to; created when missing, existing files of a table replaced. */
  dir: string;
  tables: ParquetTableExport[];
}

/** What was written for one table. */
export interface ParquetTableResult {
  table: string;
  rows: number;
  /** The file, or the directory holding the partitions. */
  path: string;
}

/**
 * A place the data lands. One implementation per folder (duckdb/, postgres/); the sync engine
 * only ever sees this interface. All tables live in one schema per source, together with the
 * `_sync_state` table holding each table's cursor, so data and cursor commit together.
 * Implementations accept concurrent calls: tables sync at once through one warehouse (an
 * embedded engine queues them itself).
 */
export interface Warehouse {
  /** Short name for messages: `duckdb` or `postgres`. */
  readonly kind: string;
  /** Where it is, for messages, without any password. */
  readonly location: string;
  /** The schema holding this source's tables. */
  readonly schema: string;

  /**
   * Creates the schema, the state table and the group's tables when missing, and adds any
   * column of `group` the existing tables lack. A column whose values no longer fit (e.g. a
   * decimal with more digits) may be widened by the implementation inside `writePage`.
   */
  ensureTables(group: TableGroupSchema, target: WriteTarget): Promise<void>;

  /**
   * Reads the columns a table has now, mapped back to logical types, or undefined when the
   * table does not exist. The engine uses it to keep the types of columns it discovered in
   * earlier runs.
   */
  describeTable(table: string, target: WriteTarget): Promise<ColumnSchema[] | undefined>;

  /** Writes rows and the cursor in one transaction (see PageWrite). */
  writePage(write: PageWrite): Promise<void>;

  /**
   * Starts a full refresh build: creates empty `<name>__refresh` copies of the group's tables
   * unless a build is already under way (its refresh cursor is set), in which case it resumes.
   * Returns the cursor to resume the build from (0 for a new build).
   */
  beginRefresh(group: TableGroupSchema): Promise<number>;

  /**
   * Swaps the refresh copies in for the live tables and stores `cursor` as the live cursor, all
   * in one transaction: readers see the old tables or the new ones, never a half-built one.
   */
  finishRefresh(group: TableGroupSchema, cursor: number): Promise<void>;

  /** Drops the group's tables (live and refresh) and forgets its state. */
  resetTable(group: TableGroupSchema): Promise<void>;

  /** Reads one table's state, or undefined when it was never synced. */
  readState(table: string): Promise<TableState | undefined>;

  /** Reads every table's state. */
  listStates(): Promise<TableState[]>;

  /**
   * Records the start or outcome of a run in the table's state row; a finished run
   * (`succeeded` or `failed`) is also appended to the `_sync_runs` history table.
   */
  recordRun(run: RunRecord): Promise<void>;

  /** The most recent finished runs, newest first (all tables, or one). Default limit 50. */
  listRuns(options?: { table?: string; limit?: number }): Promise<RunRecord[]>;

  /** Counts rows of a table in the source's schema (0 when it does not exist). */
  countRows(table: string): Promise<number>;

  /** Runs one read-only SQL statement; anything that would write is refused. */
  query(sql: string, options?: { maxRows?: number }): Promise<QueryResult>;

  /** Lists the data tables of the source's schema (live tables only, parents and children). */
  listTables(): Promise<string[]>;

  /** Writes tables as Parquet files, keeping decimals as DECIMAL and times as TIMESTAMPTZ. */
  exportParquet(request: ParquetExportRequest): Promise<ParquetTableResult[]>;

  /** Releases connections and file locks. */
  close(): Promise<void>;
}

import { physicalTableName, syncRunsTable, syncStateTable } from './physical-table-name.ts';
import { qualifiedName } from './sql-identifier.ts';
import type { RunRecord, TableState, WriteTarget } from './warehouse.ts';

/** A statement with positional `$n` parameters, valid in both DuckDB and PostgreSQL. */
export interface SqlStatement {
  sql: string;
  params: (string | number | null)[];
}

/** The state table's DDL: one row per top-level table, keyed by its name. */
export function createSyncStateTableSql(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${qualifiedName(schema, syncStateTable)} (
    table_name TEXT PRIMARY KEY,
    "cursor" BIGINT NOT NULL DEFAULT 0,
    refresh_cursor BIGINT,
    rows_synced BIGINT NOT NULL DEFAULT 0,
    last_started_at TIMESTAMPTZ,
    last_finished_at TIMESTAMPTZ,
    last_status TEXT,
    last_error_code TEXT,
    last_error TEXT
  )`;
}

/** The run history's DDL: one row per finished run. */
export function createSyncRunsTableSql(schema: string): string {
  return `CREATE TABLE IF NOT EXISTS ${qualifiedName(schema, syncRunsTable)} (
    table_name TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL,
    rows_written BIGINT,
    error_code TEXT,
    error_message TEXT
  )`;
}

/** Appends a finished run to the history. */
export function appendRunSql(schema: string, run: RunRecord): SqlStatement {
  return {
    sql: `INSERT INTO ${qualifiedName(schema, syncRunsTable)} (table_name, status, started_at,
        finished_at, rows_written, error_code, error_message)
      VALUES ($1, $2, CAST($3 AS TIMESTAMPTZ), CAST($4 AS TIMESTAMPTZ), CAST($5 AS BIGINT),
        $6, $7)`,
    params: [
      run.table,
      run.status,
      run.startedAt,
      run.finishedAt ?? new Date().toISOString(),
      run.rows ?? null,
      run.errorCode ?? null,
      run.errorMessage ?? null,
    ],
  };
}

/** Selects the newest finished runs (of one table when `table` is given), newest first. */
export function selectRunsSql(
  schema: string,
  options: { table?: string; limit?: number },
): SqlStatement {
  const where = options.table === undefined ? '' : 'WHERE table_name = $2';
  const params: (string | number)[] = [options.limit ?? 50];
  if (options.table !== undefined) params.push(options.table);

  return {
    sql: `SELECT table_name, status, started_at, finished_at, rows_written, error_code,
        error_message
      FROM ${qualifiedName(schema, syncRunsTable)} ${where}
      ORDER BY finished_at DESC, started_at DESC LIMIT CAST($1 AS BIGINT)`,
    params,
  };
}

/** Builds a RunRecord from a row selected by `selectRunsSql` (values JSON-safe). */
export function toRunRecord(row: readonly (string | number | boolean | null)[]): RunRecord {
  const status = String(row[1]);
  const run: RunRecord = {
    table: String(row[0]),
    status: status === 'succeeded' || status === 'running' ? status : 'failed',
    startedAt: String(row[2]),
    finishedAt: String(row[3]),
  };
  if (row[4] !== null && row[4] !== undefined) run.rows = Number(row[4]);
  if (row[5] !== null && row[5] !== undefined) run.errorCode = String(row[5]);
  if (row[6] !== null && row[6] !== undefined) run.errorMessage = String(row[6]);

  return run;
}

/** Stores the cursor of a page write (live or refresh) and adds its row count. */
export function saveCursorSql(
  schema: string,
  table: string,
  target: WriteTarget,
  cursor: number,
  rows: number,
): SqlStatement {
  const column = target === 'live' ? '"cursor"' : 'refresh_cursor';

  return {
    sql: `INSERT INTO ${qualifiedName(schema, syncStateTable)} (table_name, ${column}, rows_synced)
      VALUES ($1, CAST($2 AS BIGINT), CAST($3 AS BIGINT))
      ON CONFLICT (table_name) DO UPDATE SET ${column} = EXCLUDED.${column},
        rows_synced = ${qualifiedName(schema, syncStateTable)}.rows_synced + EXCLUDED.rows_synced`,
    params: [table, cursor, rows],
  };
}

/** Sets (number) or clears (null) the refresh cursor of a table. */
export function saveRefreshCursorSql(
  schema: string,
  table: string,
  refreshCursor: number | null,
): SqlStatement {
  return {
    sql: `INSERT INTO ${qualifiedName(schema, syncStateTable)} (table_name, refresh_cursor)
      VALUES ($1, CAST($2 AS BIGINT))
      ON CONFLICT (table_name) DO UPDATE SET refresh_cursor = EXCLUDED.refresh_cursor`,
    params: [table, refreshCursor],
  };
}

/** Makes a finished refresh's cursor the live cursor and clears the refresh cursor. */
export function promoteRefreshCursorSql(
  schema: string,
  table: string,
  cursor: number,
): SqlStatement {
  return {
    sql: `INSERT INTO ${qualifiedName(schema, syncStateTable)} (table_name, "cursor")
      VALUES ($1, CAST($2 AS BIGINT))
      ON CONFLICT (table_name) DO UPDATE SET "cursor" = EXCLUDED."cursor", refresh_cursor = NULL`,
    params: [table, cursor],
  };
}

/** Records the start (status `running`) or the outcome of a run. */
export function recordRunSql(schema: string, run: RunRecord): SqlStatement {
  const state = qualifiedName(schema, syncStateTable);
  if (run.status === 'running') {
    return {
      sql: `INSERT INTO ${state} (table_name, last_started_at, last_status)
        VALUES ($1, CAST($2 AS TIMESTAMPTZ), $3)
        ON CONFLICT (table_name) DO UPDATE SET last_started_at = EXCLUDED.last_started_at,
          last_status = EXCLUDED.last_status`,
      params: [run.table, run.startedAt, run.status],
    };
  }

  return {
    sql: `INSERT INTO ${state} (table_name, last_started_at, last_finished_at, last_status,
        last_error_code, last_error)
      VALUES ($1, CAST($2 AS TIMESTAMPTZ), CAST($3 AS TIMESTAMPTZ), $4, $5, $6)
      ON CONFLICT (table_name) DO UPDATE SET last_started_at = EXCLUDED.last_started_at,
        last_finished_at = EXCLUDED.last_finished_at, last_status = EXCLUDED.last_status,
        last_error_code = EXCLUDED.last_error_code, last_error = EXCLUDED.last_error`,
    params: [
      run.table,
      run.startedAt,
      run.finishedAt ?? new Date().toISOString(),
      run.status,
      run.errorCode ?? null,
      run.errorMessage ?? null,
    ],
  };
}

/** Forgets a table's state. */
export function deleteStateSql(schema: string, table: string): SqlStatement {
  return {
    sql: `DELETE FROM ${qualifiedName(schema, syncStateTable)} WHERE table_name = $1`,
    params: [table],
  };
}

/** Selects state rows (all, or the one named by `$1` when `oneTable`), as JSON-safe columns. */
export function selectStatesSql(schema: string, oneTable: boolean): string {
  const where = oneTable ? 'WHERE table_name = $1' : '';

  return `SELECT table_name, "cursor", refresh_cursor, rows_synced, last_started_at,
      last_finished_at, last_status, last_error_code, last_error
    FROM ${qualifiedName(schema, syncStateTable)} ${where} ORDER BY table_name`;
}

/** Builds a TableState from a row selected by `selectStatesSql` (values JSON-safe). */
export function toTableState(row: readonly (string | number | boolean | null)[]): TableState {
  const text = (index: number): string | null => {
    const value = row[index];

    return value === null || value === undefined ? null : String(value);
  };

  return {
    table: String(row[0]),
    cursor: Number(row[1] ?? 0),
    refreshCursor: row[2] === null || row[2] === undefined ? null : Number(row[2]),
    rowsSynced: Number(row[3] ?? 0),
    lastStartedAt: text(4),
    lastFinishedAt: text(5),
    lastStatus: text(6),
    lastErrorCode: text(7),
    lastError: text(8),
  };
}

/** The physical names of a group's tables (parent first) for a target. */
export function groupTableNames(
  group: { parent: { name: string }; children: { name: string }[] },
  target: WriteTarget,
): string[] {
  return [group.parent, ...group.children].map((table) => physicalTableName(table.name, target));
}

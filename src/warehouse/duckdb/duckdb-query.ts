import { type DuckDBConnection, StatementType } from '@duckdb/node-api';
import type { QueryResult } from '../warehouse.ts';
import { queryFailedError, queryRefusedError } from '../warehouse-errors.ts';
import { jsonSafeResult } from './duckdb-values.ts';

// SHOW, DESCRIBE, SUMMARIZE and reading PRAGMAs (table_info, show_tables) are planned as SELECT;
// PRAGMAs that change settings are their own statement type and are refused.
const readStatementTypes = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * Runs one read-only statement inside a READ ONLY transaction, so even a statement that slips
 * past the type check (EXPLAIN ANALYZE of an INSERT) cannot write.
 */
export async function runReadOnlyQuery(
  connection: DuckDBConnection,
  sql: string,
  maxRows: number,
): Promise<QueryResult> {
  const extracted = await connection.extractStatements(sql).catch((error: unknown) => {
    throw queryFailedError(error);
  });
  if (extracted.count !== 1)
    throw queryRefusedError(`expected 1 statement, got ${extracted.count}`);

  const prepared = await extracted.prepare(0).catch((error: unknown) => {
    throw queryFailedError(error);
  });
  try {
    if (!readStatementTypes.has(prepared.statementType)) {
      throw queryRefusedError(`a ${StatementType[prepared.statementType]} statement could write`);
    }

    await connection.run('BEGIN TRANSACTION READ ONLY');
    try {
      const reader = await prepared.streamAndReadUntil(maxRows + 1);

      return jsonSafeResult(reader, maxRows);
    } catch (error) {
      throw queryFailedError(error);
    } finally {
      await connection.run('ROLLBACK');
    }
  } finally {
    prepared.destroySync();
  }
}

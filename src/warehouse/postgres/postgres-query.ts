import type { Pool, QueryConfig } from 'pg';
import { quoteIdentifier } from '../sql-identifier.ts';
import type { QueryResult } from '../warehouse.ts';
import { queryFailedError, queryRefusedError } from '../warehouse-errors.ts';

/** How long a read-only query may run before PostgreSQL cancels it. */
export const queryTimeoutMs = 30_000;

const cursorable = new Set(['select', 'with', 'values', 'table']);
const readable = new Set([...cursorable, 'show', 'explain']);

/**
 * Runs one read-only statement in a `BEGIN READ ONLY` transaction with a statement timeout.
 * The extended protocol refuses several statements; queries go through a cursor so at most
 * `maxRows` rows leave the server.
 */
export async function runReadOnlyQuery(
  pool: Pool,
  schema: string,
  sql: string,
  maxRows: number,
): Promise<QueryResult> {
  const keyword = firstKeyword(sql);
  if (!readable.has(keyword)) {
    throw queryRefusedError(`a ${keyword.toUpperCase() || 'empty'} statement could write`);
  }

  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${queryTimeoutMs}`);
    await client.query(`SET LOCAL search_path = ${quoteIdentifier(schema)}, public`);
    const text = sql.trim().replace(/;\s*$/, '');
    const useCursor = cursorable.has(keyword);
    const statement = useCursor ? `DECLARE lightspeed_query NO SCROLL CURSOR FOR ${text}` : text;
    // `queryMode: 'extended'` (missing from the driver's types) refuses several statements.
    const config: QueryConfig & { queryMode: 'extended'; rowMode: 'array' } = {
      text: statement,
      rowMode: 'array',
      queryMode: 'extended',
    };
    const first = await client.query(config);
    const result = useCursor
      ? await client.query({ text: `FETCH ${maxRows} FROM lightspeed_query`, rowMode: 'array' })
      : first;

    return {
      columns: result.fields.map((field) => field.name),
      rows: (result.rows as (string | number | boolean | null)[][]).slice(0, maxRows),
    };
  } catch (error) {
    throw queryFailedError(error);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** The first SQL keyword, lower-cased, after comments and opening parentheses. */
function firstKeyword(sql: string): string {
  const stripped = sql
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ')
    .replace(/^[\s(]+/, '');

  return /^[a-z]+/i.exec(stripped)?.[0]?.toLowerCase() ?? '';
}

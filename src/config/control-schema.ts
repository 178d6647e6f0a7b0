import type pg from 'pg';

/** The PostgreSQL schema holding what many workers share: sources, alerts. */
export const controlSchema = 'lightspeed_sync';

// Any constant works; it only keeps concurrent first starts from racing on CREATE SCHEMA.
const ddlLockKey = 0x6c73_7963;

/**
 * Creates the control schema and runs `ddl` (CREATE TABLE IF NOT EXISTS ...) in one
 * transaction under an advisory lock, so workers starting together do not collide.
 */
export async function ensureControlTable(pool: pg.Pool, ddl: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [ddlLockKey]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${controlSchema}`);
    await client.query(ddl);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Whether a URL names a PostgreSQL database (`postgres://` or `postgresql://`). */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

import pg from 'pg';
import { quoteIdentifier } from '../src/warehouse/sql-identifier.ts';

/** The PostgreSQL server the bench uses (trust auth on loopback). */
export const benchPostgresServer = 'postgres://postgres@127.0.0.1:5432';

/** A database made for one bench run. */
export interface ScratchDatabase {
  url: string;
  /** Drops the database (closing any session still on it). */
  drop(): Promise<void>;
}

/** Creates a fresh, uniquely named database and returns its URL. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(`CREATE DATABASE ${quoteIdentifier(name)}`);

  return {
    url: `${benchPostgresServer}/${name}`,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
}

/** Returns the server's version string, e.g. `15.20`. */
export async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: `${benchPostgresServer}/postgres` });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('SHOW server_version');

    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${benchPostgresServer}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

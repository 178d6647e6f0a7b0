import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local test server (trust authentication). */
export const testServerUrl = 'postgres://postgres@127.0.0.1:5432';

/** A throwaway database for one test run. */
export interface TestDatabase {
  /** Its URL, e.g. `postgres://postgres@127.0.0.1:5432/lightspeed_test_1a2b3c`. */
  url: string;
  name: string;
  /** Drops it (disconnecting anyone still connected). */
  drop(): Promise<void>;
}

/** Creates a database with a unique name on the local test server. */
export async function createTestDatabase(prefix = 'lightspeed_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);

  return {
    url: `${testServerUrl}/${name}`,
    name,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Runs one statement on the test server's `postgres` database. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${testServerUrl}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

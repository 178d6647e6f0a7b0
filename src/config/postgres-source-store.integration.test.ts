import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import {
  createTestDatabase,
  type TestDatabase,
} from '../warehouse/postgres/postgres-test-database.ts';
import { PostgresSourceStore } from './postgres-source-store.ts';
import type { SourceConfig } from './source-config.ts';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase('lightspeed_sources');
});

after(async () => {
  await database.drop();
});

function source(name: string): SourceConfig {
  const now = new Date().toISOString();
  return {
    name,
    domainPrefix: name,
    schema: `lightspeed_retail_${name}`,
    tables: { sales: { enabled: true, method: 'incremental', frequency: '1h' } },
    createdAt: now,
    updatedAt: now,
  };
}

async function storedTokens(): Promise<string[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const result = await client.query('SELECT token FROM lightspeed_sync.sources ORDER BY name');
    return result.rows.map((row) => String(row.token));
  } finally {
    await client.end();
  }
}

test('two stores on one database see the same sources, and tokens are encrypted', async () => {
  const writer = new PostgresSourceStore({ url: database.url, secretKey: 'team-secret' });
  const reader = new PostgresSourceStore({ url: database.url, secretKey: 'team-secret' });
  try {
    await writer.save(source('alpha'), 'alpha-token-123');
    await writer.save(source('beta'), 'beta-token-456');
    await writer.save({ ...source('alpha'), schema: 'changed' });

    assert.deepEqual(
      (await reader.list()).map((s) => s.name),
      ['alpha', 'beta'],
    );
    assert.equal((await reader.get('alpha'))?.schema, 'changed');
    assert.equal((await reader.get('alpha'))?.tables.sales?.frequency, '1h');
    assert.equal(await reader.readToken('alpha'), 'alpha-token-123');
    for (const stored of await storedTokens()) {
      assert.ok(!stored.includes('token-'), 'no token in clear in the table');
    }

    await writer.remove('alpha');
    assert.equal(await reader.get('alpha'), undefined);
    assert.equal(await reader.readToken('alpha'), undefined);
  } finally {
    await writer.close();
    await reader.close();
  }
});

test('stores a token readable without a secret, and an encrypted one needs the key', async () => {
  const plain = new PostgresSourceStore({ url: database.url });
  try {
    await plain.save(source('gamma'), 'gamma-token');
    assert.equal(await plain.readToken('gamma'), 'gamma-token');
    await assert.rejects(plain.readToken('beta'), { code: 'secret_key_missing' });
  } finally {
    await plain.close();
  }
});

test('an unreachable database gives a coded error', async () => {
  const store = new PostgresSourceStore({ url: 'postgres://postgres@127.0.0.1:1/none' });
  try {
    await assert.rejects(store.list(), { code: 'source_store_unavailable' });
  } finally {
    await store.close();
  }
});

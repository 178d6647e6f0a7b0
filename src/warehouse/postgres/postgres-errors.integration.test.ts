import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { openWarehouse } from '../open-warehouse.ts';
import { testGroup } from '../warehouse-suite-fixtures.ts';
import { adminQuery, createTestDatabase, type TestDatabase } from './postgres-test-database.ts';

const password = `pw-${randomBytes(6).toString('hex')}`;
const role = `lightspeed_noperm_${randomBytes(4).toString('hex')}`;
let database: TestDatabase | undefined;

before(async () => {
  database = await createTestDatabase();
  await adminQuery(`CREATE ROLE ${role} LOGIN`);
});
after(async () => {
  await database?.drop();
  await adminQuery(`DROP ROLE IF EXISTS ${role}`);
});

/** Asserts the promise fails with `code` and that the password shows nowhere in the error. */
async function rejectsWithout(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: Error & { code?: string; details?: unknown }) => {
    assert.equal(error.code, code);
    const shown = `${error.message} ${JSON.stringify(error.details)} ${String(error.cause)}`;
    assert.doesNotMatch(shown, new RegExp(password));

    return true;
  });
}

test('says the server is unreachable, without the password', async () => {
  const url = `postgres://postgres:${password}@127.0.0.1:1/postgres`;

  await rejectsWithout(openWarehouse({ url }), 'warehouse_unreachable');
});

test('says the login was refused for an unknown user, without the password', async () => {
  const url = `postgres://nobody_${role}:${password}@127.0.0.1:5432/postgres`;

  await rejectsWithout(openWarehouse({ url }), 'warehouse_auth_failed');
});

test('says the database does not exist', async () => {
  const url = `postgres://postgres:${password}@127.0.0.1:5432/missing_${role}`;

  await rejectsWithout(openWarehouse({ url }), 'warehouse_database_missing');
});

test('says the user may not create the schema', async () => {
  const url = `postgres://${role}:${password}@127.0.0.1:5432/${database?.name}`;
  const warehouse = await openWarehouse({ url });
  try {
    await rejectsWithout(warehouse.ensureTables(testGroup, 'live'), 'warehouse_permission_denied');
  } finally {
    await warehouse.close();
  }
});

import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileSourceStore } from './file-source-store.ts';
import type { SourceConfig } from './source-config.ts';

function source(name: string): SourceConfig {
  const now = new Date().toISOString();
  return {
    name,
    domainPrefix: name,
    schema: 'lightspeed_retail',
    tables: {},
    createdAt: now,
    updatedAt: now,
  };
}

test('saves sources and keeps tokens in a file only the owner can read', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ls-config-'));
  try {
    const store = new FileSourceStore(join(dir, 'home'));
    await store.save(source('mystore'), 'secret-token');
    await store.save(source('other'));

    assert.deepEqual(
      (await store.list()).map((s) => s.name),
      ['mystore', 'other'],
    );
    assert.equal(await store.readToken('mystore'), 'secret-token');
    assert.equal(await store.readToken('other'), undefined);
    assert.equal((await stat(join(dir, 'home', 'tokens.json'))).mode & 0o777, 0o600);
    assert.equal((await stat(join(dir, 'home'))).mode & 0o777, 0o700);

    await store.remove('mystore');
    assert.equal(await store.get('mystore'), undefined);
    assert.equal(await store.readToken('mystore'), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

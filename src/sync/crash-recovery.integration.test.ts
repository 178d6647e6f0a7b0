import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertWarehouseMatchesStore } from '../../test/support/reconcile.ts';
import { startFakeStore } from '../fake-store/index.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';

const cli = join(import.meta.dirname, '..', '..', 'bin', 'lightspeed-sync.js');

function runCli(env: NodeJS.ProcessEnv, killAfterMs?: number): Promise<number | string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'sync', '--json'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && signal === null) process.stderr.write(stderr);
      resolve(signal ?? code ?? -1);
    });
  });
}

test('kill -9 at random moments, then a rerun, leaves exactly the store contents', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ls-crash-'));
  const store = await startFakeStore({
    scale: { sales: 3000 },
    pageSize: { max: 150 },
    rateLimit: { enabled: false },
    faults: { slowResponse: 0.5, slowMs: 40 },
  });
  const env = {
    LIGHTSPEED_DOMAIN_PREFIX: 'demo',
    LIGHTSPEED_TOKEN: store.token,
    LIGHTSPEED_API_URL: store.url,
    LIGHTSPEED_WAREHOUSE: join(dir, 'crash.duckdb'),
    LIGHTSPEED_SYNC_HOME: join(dir, 'home'),
  };
  try {
    let killed = 0;
    for (let round = 0; round < 5; round += 1) {
      const outcome = await runCli(env, 700 + Math.floor(Math.random() * 1800));
      if (outcome === 'SIGKILL') killed += 1;
      store.applyChanges({ creates: 20, updates: 40, deletes: 5 });
    }
    assert.ok(killed >= 3, `expected most runs to be killed mid-sync, got ${killed}`);

    assert.equal(await runCli(env), 0);
    const warehouse = await openWarehouse({ url: env.LIGHTSPEED_WAREHOUSE });
    try {
      await assertWarehouseMatchesStore(warehouse, store);
    } finally {
      await warehouse.close();
    }
  } finally {
    await store.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

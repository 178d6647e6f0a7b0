import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openWarehouse } from '../open-warehouse.ts';
import { saleRow, salesPage, testGroup } from '../warehouse-suite-fixtures.ts';

const dir = await mkdtemp(join(tmpdir(), 'duckdb-errors-'));
after(() => rm(dir, { recursive: true, force: true }));

test('names the file and the process when another process holds the lock', async () => {
  const path = join(dir, 'locked.duckdb');
  const holder = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { DuckDBInstance } from '@duckdb/node-api';
       const db = await DuckDBInstance.create(${JSON.stringify(path)});
       await (await db.connect()).run('CREATE TABLE t (x INTEGER)');
       console.log('ready');
       setTimeout(() => {}, 30000);`,
    ],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    await new Promise((resolve) => holder.stdout.once('data', resolve));

    await assert.rejects(openWarehouse({ url: path }), (error: Error) => {
      assert.equal((error as { code?: string }).code, 'warehouse_locked');
      assert.match(error.message, new RegExp(`locked.duckdb is in use by process ${holder.pid}`));
      assert.match(error.message, /Stop that process/);

      return true;
    });
  } finally {
    holder.kill();
  }
});

test('says the path is unwritable when its directory cannot be created', async () => {
  const file = join(dir, 'plain-file');
  await writeFile(file, 'not a directory');

  await assert.rejects(openWarehouse({ url: join(file, 'store.duckdb') }), {
    code: 'warehouse_unwritable',
  });
});

test('says there is no file when a read-only open finds nothing', async () => {
  await assert.rejects(openWarehouse({ url: join(dir, 'missing.duckdb'), readOnly: true }), {
    code: 'warehouse_not_found',
  });
});

test('reports a full disk and keeps what was committed before', async (context) => {
  const mountPoint = join(dir, 'tiny');
  await mkdir(mountPoint);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
  if (mounted.status !== 0) {
    context.skip('needs permission to mount a small tmpfs');

    return;
  }

  try {
    const url = join(mountPoint, 'full.duckdb');
    const warehouse = await openWarehouse({ url });
    await warehouse.ensureTables(testGroup, 'live');
    await warehouse.writePage(salesPage([saleRow('kept')], [], 1));
    const bulky = Array.from({ length: 400 }, (_, index) =>
      saleRow(`big${index}`, { note: `${index}`.padEnd(20_000, 'x') }),
    );
    await assert.rejects(warehouse.writePage(salesPage(bulky, [], 2)), {
      code: 'warehouse_disk_full',
    });

    assert.equal((await warehouse.readState('sales'))?.cursor, 1);
    assert.deepEqual((await warehouse.query('SELECT id FROM sales')).rows, [['kept']]);
    await warehouse.close();
  } finally {
    spawnSync('umount', [mountPoint]);
  }
});

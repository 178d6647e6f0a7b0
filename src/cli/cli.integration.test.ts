import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type FakeStore, startFakeStore } from '../fake-store/index.ts';

const cli = join(import.meta.dirname, '..', '..', 'bin', 'lightspeed-sync.js');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv, stdin = ''): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('the lightspeed-sync command line', () => {
  let dir: string;
  let store: FakeStore;
  let env: NodeJS.ProcessEnv;
  const outputs: string[] = [];

  const cliRun = async (args: string[], stdin = '', extraEnv: NodeJS.ProcessEnv = {}) => {
    const result = await run(args, { ...env, ...extraEnv }, stdin);
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ls-cli-'));
    store = await startFakeStore({ scale: { sales: 400 }, token: 'cli-secret-token-42' });
    env = {
      LIGHTSPEED_SYNC_HOME: join(dir, 'home'),
      LIGHTSPEED_WAREHOUSE: join(dir, 'cli.duckdb'),
      LIGHTSPEED_API_URL: store.url,
      LIGHTSPEED_TOKEN: '',
      LIGHTSPEED_DOMAIN_PREFIX: '',
    };
  });

  after(async () => {
    await store.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('lists the eight tables with methods, cursor field and primary key', async () => {
    const result = await cliRun(['tables', '--json']);
    assert.equal(result.code, 0);
    const tables = JSON.parse(result.stdout) as { table: string; incremental_field: string }[];
    assert.deepEqual(
      tables.map((table) => table.table),
      ['sales', 'customers', 'products', 'inventory', 'outlets', 'registers', 'users', 'taxes'],
    );
    assert.ok(tables.every((table) => table.incremental_field === 'version'));
  });

  test('link refuses a wrong token with a clear message and saves nothing', async () => {
    const result = await cliRun(
      ['link', '--domain-prefix', 'https://Demo.retail.lightspeed.app/', '--token-stdin'],
      'not-the-token\n',
    );
    assert.equal(result.code, 1);
    assert.match(result.stderr, /invalid_token/);
    await assert.rejects(stat(join(dir, 'home', 'sources.json')));
  });

  test('link saves the source with its token readable only by the owner', async () => {
    const result = await cliRun(
      ['link', '--domain-prefix', 'https://Demo.retail.lightspeed.app/', '--token-stdin'],
      'cli-secret-token-42\n',
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Linked "demo"/);
    const tokens = join(dir, 'home', 'tokens.json');
    assert.equal((await stat(tokens)).mode & 0o777, 0o600);
    const sources = await readFile(join(dir, 'home', 'sources.json'), 'utf8');
    assert.ok(!sources.includes('cli-secret-token-42'));
  });

  test('configure changes a table schedule and refuses invalid ones', async () => {
    const changed = await cliRun(['configure', 'sales', '--frequency', '24h', '--time', '02:30']);
    assert.equal(changed.code, 0, changed.stderr);
    assert.match(changed.stdout, /sales\s+yes\s+incremental\s+24h\s+02:30/);
    const sources = JSON.parse(await readFile(join(dir, 'home', 'sources.json'), 'utf8'));
    assert.equal(sources[0].tables.sales.timeOfDay, '02:30');

    const badFrequency = await cliRun(['configure', 'sales', '--frequency', '2h']);
    assert.equal(badFrequency.code, 1);
    assert.match(badFrequency.stderr, /invalid_frequency.*Use one of: 5m, 15m/);
    const badTime = await cliRun(['configure', 'users', '--frequency', '1h', '--time', '02:00']);
    assert.equal(badTime.code, 1);
    assert.match(badTime.stderr, /invalid_time_of_day/);
  });

  test('sync, status, query and reset work on the linked source', async () => {
    const sync = await cliRun(['sync']);
    assert.equal(sync.code, 0, sync.stderr + sync.stdout);
    assert.match(sync.stdout, /all tables synced/);

    const status = await cliRun(['status', '--json']);
    assert.equal(status.code, 0, status.stderr);
    const report = JSON.parse(status.stdout) as { tables: { table: string; rows: number }[] };
    assert.equal(report.tables.length, 8);
    assert.equal(report.tables.find((table) => table.table === 'sales')?.rows, 400);

    const query = await cliRun(['query', '--json', 'SELECT count(*) AS n FROM sales']);
    assert.equal(query.code, 0, query.stderr);
    assert.deepEqual(JSON.parse(query.stdout), { n: '400' });

    const write = await cliRun(['query', 'DELETE FROM sales']);
    assert.equal(write.code, 1);
    assert.match(write.stderr, /query_refused/);

    const reset = await cliRun(['reset', 'sales']);
    assert.equal(reset.code, 0, reset.stderr);
    const afterReset = await cliRun(['status', '--json']);
    const tables = (JSON.parse(afterReset.stdout) as { tables: { table: string }[] }).tables;
    assert.ok(!tables.some((table) => table.table === 'sales'));

    const again = await cliRun(['sync', 'sales', '--json']);
    assert.equal(again.code, 0, again.stderr);
    const events = again.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.ok(events.some((event) => event.type === 'table_finished' && event.rows === 400));
  });

  test('bad input gets a clear error and a non-zero exit code', async () => {
    const table = await cliRun(['sync', 'orders']);
    assert.equal(table.code, 1);
    assert.match(table.stderr, /Unknown table "orders"/);

    const prefix = await cliRun(['sync'], '', {
      LIGHTSPEED_DOMAIN_PREFIX: 'https://evil.example.com',
      LIGHTSPEED_TOKEN: 'x',
    });
    assert.equal(prefix.code, 1);
    assert.match(prefix.stderr, /invalid_domain_prefix/);

    const flag = await cliRun(['sync', '--frobnicate']);
    assert.equal(flag.code, 2);
  });

  test('the token appears in no output of any command', () => {
    assert.ok(outputs.length > 0);
    for (const output of outputs) assert.ok(!output.includes('cli-secret-token-42'));
  });
});

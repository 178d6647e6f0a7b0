import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FileSourceStore } from '../config/file-source-store.ts';
import { type FakeStore, startFakeStore } from '../fake-store/index.ts';
import { type RunningWebServer, startWebServer } from './web-server.ts';

const token = 'web-api-secret-token-7f3a';
let dir: string;
let fakeStore: FakeStore;
let server: RunningWebServer;
/** Every response body read in this file, to prove the token is in none of them. */
const seenBodies: string[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ls-web-api-'));
  fakeStore = await startFakeStore({ token, scale: { sales: 300 } });
  server = await startWebServer({
    store: new FileSourceStore(join(dir, 'home')),
    defaultWarehouseUrl: join(dir, 'warehouse.duckdb'),
    apiBaseUrl: fakeStore.url,
    port: 0,
  });
});

after(async () => {
  await server?.close();
  await fakeStore?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function api(
  method: string,
  path: string,
  json?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(new URL(path, server.url), {
    method,
    ...(json === undefined
      ? {}
      : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  seenBodies.push(text);

  return { status: response.status, body: JSON.parse(text) };
}

async function waitUntilIdle(source: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { body } = await api('GET', `/api/sources/${source}`);
    if (!(body.source as { syncing: boolean }).syncing) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${source} kept syncing`);
}

/** A local server answering every request with one status, standing in for Lightspeed. */
async function answeringWith(status: number): Promise<{ url: string; server: Server }> {
  const stub = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));

  return { url: `http://127.0.0.1:${(stub.address() as AddressInfo).port}`, server: stub };
}

test('names each kind of credential failure precisely', async () => {
  const wrong = await api('POST', '/api/credentials/check', {
    domainPrefix: 'demo',
    token: 'not-the-token',
  });
  assert.equal(wrong.status, 422);
  assert.equal((wrong.body.error as { code: string }).code, 'invalid_token');

  for (const [status, code] of [
    [403, 'permission_denied'],
    [404, 'store_not_found'],
    [503, 'lightspeed_unavailable'],
    [0, 'network_unreachable'],
  ] as const) {
    const stub = await answeringWith(status);
    // Status 0 stands for a host that does not answer at all: the port is closed again.
    if (status === 0) await new Promise((resolve) => stub.server.close(resolve));
    const other = await startWebServer({
      store: new FileSourceStore(join(dir, 'other-home')),
      defaultWarehouseUrl: join(dir, 'other.duckdb'),
      apiBaseUrl: stub.url,
      port: 0,
    });
    try {
      const response = await fetch(new URL('/api/credentials/check', other.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ domainPrefix: 'demo', token: 'some-token' }),
      });
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code, `HTTP ${status}`);
      assert.doesNotMatch(body.error.message, /some-token/);
    } finally {
      await other.close();
      stub.server.close();
    }
  }
});

test('links the store, syncs it, and never sends the token back', async () => {
  const check = await api('POST', '/api/credentials/check', { domainPrefix: 'demo', token });
  assert.equal(check.status, 200);
  assert.equal(check.body.domainPrefix, 'demo');

  const created = await api('POST', '/api/sources', {
    domainPrefix: 'https://demo.retail.lightspeed.app/',
    token,
    tables: { sales: { method: 'incremental', frequency: '1h' }, outlets: {} },
  });
  assert.equal(created.status, 201);

  const { source, runs } = (await waitUntilIdle('demo')) as {
    source: { tables: { name: string; status: string; rows: number; nextSyncAt: unknown }[] };
    runs: { table: string; status: string }[];
  };
  const sales = source.tables.find((table) => table.name === 'sales');
  assert.equal(sales?.status, 'succeeded');
  assert.equal(sales?.rows, 300);
  assert.equal(typeof sales?.nextSyncAt, 'string');
  assert.equal(source.tables.find((table) => table.name === 'users')?.status, 'disabled');
  assert.deepEqual(runs.map((run) => run.table).sort(), ['outlets', 'sales']);

  await api('GET', '/api/sources');
  await api('PATCH', '/api/sources/demo/tables/users', { enabled: true, frequency: '6h' });
  assert.equal(seenBodies.filter((body) => body.includes(token)).length, 0);
});

test('a second sync now while one runs joins it instead of starting another', async () => {
  const [first, second] = await Promise.all([
    api('POST', '/api/sources/demo/sync', { tables: ['sales'] }),
    api('POST', '/api/sources/demo/sync', { tables: ['sales'] }),
  ]);
  const started = [first, second].filter((answer) => answer.body.started === true);

  assert.equal(started.length, 1);
  assert.equal(first.body.runId, second.body.runId);
  await waitUntilIdle('demo');
});

test('streams live sync events to the browser', async () => {
  const controller = new AbortController();
  const response = await fetch(new URL('/api/sources/demo/events', server.url), {
    signal: controller.signal,
  });
  assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';

  await api('POST', '/api/sources/demo/sync', { fullRefresh: true });
  while (!text.includes('event: run_finished')) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  controller.abort();

  assert.match(text, /event: run_started/);
  assert.match(text, /"type":"table_started","level":"info","table":"sales","mode":"full_refresh"/);
  assert.match(text, /"type":"checkpoint_committed"/);
  assert.doesNotMatch(text, /request_sent/);
  assert.doesNotMatch(text, new RegExp(token));
  await waitUntilIdle('demo');
});

test('runs read-only SQL and refuses writes', async () => {
  const count = await api('POST', '/api/query', { sql: 'SELECT count(*) AS sales FROM sales' });
  const write = await api('POST', '/api/query', { sql: 'DELETE FROM sales' });
  const tables = await api('GET', '/api/query/tables');
  const remaining = await api('POST', '/api/query', { sql: 'SELECT count(*) FROM sales' });

  assert.deepEqual(count.body.columns, ['sales']);
  assert.equal(Number((count.body.rows as unknown[][])[0]?.[0]), 300);
  assert.equal(write.status, 400);
  assert.equal((write.body.error as { code: string }).code, 'query_refused');
  assert.ok((tables.body.tables as string[]).includes('sales_line_items'));
  assert.equal(Number((remaining.body.rows as unknown[][])[0]?.[0]), 300);
});

test('a cross-site POST over real HTTP is refused before anything runs', async () => {
  const response = await fetch(new URL('/api/sources/demo/sync', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    body: '{}',
  });

  assert.equal(response.status, 403);
  assert.deepEqual(server.app.runner.runningTables('demo'), []);
});

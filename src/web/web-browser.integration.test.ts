import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { FileSourceStore } from '../config/file-source-store.ts';
import { startFakeStore } from '../fake-store/index.ts';
import { startWebServer } from './web-server.ts';

const chromiumPath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const token = 'browser-test-token-93ab';

const skip = existsSync(chromiumPath)
  ? false
  : `${chromiumPath} is missing: install Debian's chromium (apt-get install -y chromium)`;

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

test('links the fake store, imports its tables, watches the sync and runs a query', {
  skip,
}, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ls-web-browser-'));
  const fakeStore = await startFakeStore({ token, scale: { sales: 500 } });
  const server = await startWebServer({
    store: new FileSourceStore(join(dir, 'home')),
    defaultWarehouseUrl: join(dir, 'warehouse.duckdb'),
    apiBaseUrl: fakeStore.url,
    port: 0,
  });
  const browser = await launch();
  const problems: string[] = [];
  try {
    await mkdir(artifacts, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Refused requests (the wrong token on purpose) log as failed loads; anything else is
      // a script error or a Content-Security-Policy violation.
      const text = message.text();
      if (message.type() === 'error' && !text.startsWith('Failed to load resource')) {
        problems.push(`console: ${text}`);
      }
    });

    // Sources, empty.
    await page.goto(server.url);
    await page.getByText('No store linked yet').waitFor();
    await shoot(page, '01-sources-empty');

    // New source: the list of connectors, then the Lightspeed Retail form.
    await page.getByRole('link', { name: '+ New source' }).first().click();
    await page.getByRole('heading', { name: /Lightspeed Retail/ }).waitFor();
    await shoot(page, '02-new-source');
    await page.getByRole('link', { name: 'Link' }).click();

    // The normalised prefix shows while typing a pasted URL.
    await page.fill('#domain-prefix', 'https://Demo.retail.lightspeed.app/sell');
    await page.locator('#prefix-preview.ok').getByText('demo', { exact: true }).waitFor();
    await page.fill('#token', 'a-wrong-token');
    await page.click('#next');
    await page.locator('[data-code="invalid_token"]').waitFor();
    await shoot(page, '03-credentials-wrong-token');

    await page.fill('#token', token);
    await page.click('#next');
    await page.getByRole('heading', { name: 'Select tables' }).waitFor();
    assert.equal(await page.locator('input[data-table]').count(), 8);
    await page.getByLabel('sales frequency').selectOption('1h');
    await page.getByLabel('users sync method').selectOption('full_refresh');
    await shoot(page, '04-select-tables');
    await page.click('#import');

    // The source page follows the first sync to its end.
    await page.waitForURL(/#\/sources\/demo$/);
    await page.locator('#sync-now:not([disabled])').waitFor({ timeout: 30_000 });
    await page.locator('tr[data-table="taxes"][data-status="succeeded"]').waitFor();
    assert.equal(await page.locator('tbody tr[data-status="succeeded"]').count(), 8);
    assert.equal(await page.locator('tr[data-table="sales"] td.num').first().textContent(), '500');

    // A slow store keeps syncs going long enough to click twice and to watch progress.
    fakeStore.setFaults({ slowResponse: 1, slowMs: 700 });
    await page.locator('#sync-now').dblclick();
    await page.locator('tr[data-status="syncing"]').first().waitFor();
    assert.equal(await page.locator('#sync-now').isDisabled(), true);
    assert.equal(server.app.runner.runningTables('demo').length, 8);
    await page.locator('#sync-now:not([disabled])').waitFor({ timeout: 30_000 });
    const runs = await page.locator('#history tbody tr').count();
    assert.equal(runs, 16, 'the import and one sync now, 8 tables each');

    await page.getByRole('button', { name: 'Resync all' }).click();
    await page
      .locator('[data-progress]')
      .getByText(/[1-9][\d,]* rows so far/)
      .first()
      .waitFor();
    await shoot(page, '05-source-syncing');
    fakeStore.setFaults({});
    await page.locator('#sync-now:not([disabled])').waitFor({ timeout: 30_000 });
    await page.locator('tbody tr[data-status="syncing"]').first().waitFor({ state: 'detached' });
    await shoot(page, '06-source-synced');

    // Query: a starter query draws a chart and a table.
    await page.getByRole('link', { name: 'Query' }).click();
    await page.getByRole('button', { name: 'Revenue by outlet and month' }).click();
    await page.locator('#results tbody tr').first().waitFor();
    assert.equal((await page.locator('svg.chart polyline').count()) >= 1, true);
    await shoot(page, '07-query-revenue');
    await page.getByRole('button', { name: 'Top products' }).click();
    await page.locator('svg.chart rect').first().waitFor();
    await shoot(page, '08-query-top-products');

    await page.getByRole('link', { name: 'Sources' }).click();
    await page.locator('.source-card').waitFor();
    await shoot(page, '09-sources');

    // The page never received the token.
    assert.doesNotMatch(await page.content(), new RegExp(token));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
    await fakeStore.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

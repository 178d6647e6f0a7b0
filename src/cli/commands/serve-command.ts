import { parseArgs } from 'node:util';
import { defaultWarehouse } from '../../config/resolve-source.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { WarehousePool } from '../../scheduler/warehouse-pool.ts';
import { startWebServer } from '../../web/web-server.ts';
import type { Command } from '../command.ts';
import { sourceStore } from '../command-context.ts';
import { startLocalScheduler } from '../local-scheduler.ts';
import { eventPrinter } from './run-command.ts';

/** `lightspeed-sync serve`: the local web app to link stores, watch syncs and query. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Open the web app: link a store, watch its syncs, query the warehouse',
  usage: `Usage: lightspeed-sync serve [options]

Serves the web app until interrupted. It binds 127.0.0.1, so only this machine can reach it;
binding another address needs an access token, which every request must then carry.

Options:
  --port N              port (default 3000; 0 picks a free one)
  --host ADDRESS        address to bind (default 127.0.0.1)
  --warehouse URL       DuckDB file or postgres:// URL for sources that name none
                        (default LIGHTSPEED_WAREHOUSE, or ./lightspeed.duckdb)
  --access-token TOKEN  token every request must carry (required with a --host other
                        than loopback); LIGHTSPEED_WEB_TOKEN is safer: arguments show in ps
  --api-url URL         API base URL for stores linked here (default LIGHTSPEED_API_URL)
  --manual              sync only when asked in the app (no schedule in this process)
  --alert-webhook URL   POST alerts for failing or stale tables (LIGHTSPEED_ALERT_WEBHOOK)

Tables sync on their schedule while the app runs (the same schedule \`lightspeed-sync run\`
follows), unless --manual is given.`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        warehouse: { type: 'string' },
        'access-token': { type: 'string' },
        'api-url': { type: 'string' },
        manual: { type: 'boolean', default: false },
        'alert-webhook': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new LightspeedSyncError('usage', `--port must be a port number, got "${values.port}".`);
    }
    const accessToken = values['access-token'] || io.env.LIGHTSPEED_WEB_TOKEN || undefined;

    const apiBaseUrl = values['api-url'] ?? io.env.LIGHTSPEED_API_URL;
    const store = sourceStore(io);
    const warehouses = new WarehousePool();
    const server = await startWebServer({
      store,
      warehouses,
      defaultWarehouseUrl: values.warehouse || io.env.LIGHTSPEED_WAREHOUSE || defaultWarehouse,
      port,
      host: values.host,
      ...(accessToken ? { accessToken } : {}),
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
    });
    io.out(`lightspeed-sync web app: ${server.url}`);
    if (accessToken) io.out('Requests need the access token: log in with it at /login.html.');
    const scheduler = values.manual
      ? undefined
      : await startLocalScheduler({
          store,
          warehouses,
          warehouse: values.warehouse,
          apiUrl: apiBaseUrl,
          webhookUrl: values['alert-webhook'] || io.env.LIGHTSPEED_ALERT_WEBHOOK,
          env: io.env,
          onEvent: eventPrinter(io, values.json, false),
        });
    io.out(scheduler ? 'Scheduled syncs run while the app is open.' : 'Manual syncs only.');
    io.out('Press Ctrl+C to stop.');

    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    io.out('Stopping: finishing the pages in flight ...');
    await scheduler?.stop('shutdown');
    await server.close();

    return 0;
  },
};

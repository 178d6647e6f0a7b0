import { parseArgs } from 'node:util';
import { defaultWarehouse } from '../../config/resolve-source.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { startWebServer } from '../../web/web-server.ts';
import type { Command } from '../command.ts';
import { sourceStore } from '../command-context.ts';

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
  --api-url URL         API base URL for stores linked here (default LIGHTSPEED_API_URL)`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '3000' },
        host: { type: 'string', default: '127.0.0.1' },
        warehouse: { type: 'string' },
        'access-token': { type: 'string' },
        'api-url': { type: 'string' },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new LightspeedSyncError('usage', `--port must be a port number, got "${values.port}".`);
    }
    const accessToken = values['access-token'] || io.env.LIGHTSPEED_WEB_TOKEN || undefined;

    const apiBaseUrl = values['api-url'] ?? io.env.LIGHTSPEED_API_URL;
    const server = await startWebServer({
      store: sourceStore(io),
      defaultWarehouseUrl: values.warehouse || io.env.LIGHTSPEED_WAREHOUSE || defaultWarehouse,
      port,
      host: values.host,
      ...(accessToken ? { accessToken } : {}),
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
    });
    io.out(`lightspeed-sync web app: ${server.url}`);
    if (accessToken) io.out('Requests need the access token: log in with it at /login.html.');
    io.out('Press Ctrl+C to stop.');

    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    io.out('Stopping: finishing the pages in flight ...');
    await server.close();

    return 0;
  },
};

import { parseArgs } from 'node:util';
import { normalizeDomainPrefix } from '../../api/domain-prefix.ts';
import { XSeriesClient } from '../../api/xseries-client.ts';
import { getTableSpec, tableNames } from '../../catalog/catalog.ts';
import type { TableName } from '../../catalog/table-spec.ts';
import { openSourceStore } from '../../config/open-source-store.ts';
import type { SourceConfig, TableSettings } from '../../config/source-config.ts';
import { chooseSchema } from '../../config/source-schema.ts';
import { parseSyncMethod } from '../../config/sync-method.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { parseFrequency, parseTimeOfDay } from '../../scheduler/frequency.ts';
import type { Command } from '../command.ts';
import { sourceStore } from '../command-context.ts';
import { ask, askSecret, readStdin } from '../prompt.ts';

/** `lightspeed-sync link`: validates and saves a store. */
export const linkCommand: Command = {
  name: 'link',
  summary: 'Link a store: check its credentials and save it with its tables and schedule',
  usage: `Usage: lightspeed-sync link [options]

Asks for what is missing. The token is never taken as an argument: it comes from the
LIGHTSPEED_TOKEN environment variable, from standard input with --token-stdin, or is typed
at a hidden prompt. It is stored in a file only you can read.

Options:
  --domain-prefix PREFIX   e.g. mystore, or paste https://mystore.retail.lightspeed.app
  --token-stdin            read the personal token from standard input
  --name NAME              source name (default: the domain prefix)
  --tables LIST            comma-separated tables (default: all)
  --method METHOD          incremental (default) or full_refresh
  --frequency FREQ         5m 15m 30m 1h 6h (default) 12h 24h 7d 30d never
  --time HH:MM             UTC time of day, for 24h, 7d and 30d
  --warehouse URL          DuckDB file or postgres:// URL for this source
  --schema NAME            warehouse schema (default lightspeed_retail, or
                           lightspeed_retail_<prefix> when another source has it)
  --api-url URL            API base URL override (default LIGHTSPEED_API_URL)
  --store URL              postgres:// source store shared by run workers (default
                           LIGHTSPEED_SOURCE_STORE, else your config folder)`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'domain-prefix': { type: 'string' },
        'token-stdin': { type: 'boolean', default: false },
        name: { type: 'string' },
        tables: { type: 'string' },
        method: { type: 'string', default: 'incremental' },
        frequency: { type: 'string', default: '6h' },
        time: { type: 'string' },
        warehouse: { type: 'string' },
        schema: { type: 'string' },
        'api-url': { type: 'string' },
        store: { type: 'string' },
      },
    });
    const interactive = process.stdin.isTTY === true && !values['token-stdin'];
    const rawPrefix =
      values['domain-prefix'] ??
      io.env.LIGHTSPEED_DOMAIN_PREFIX ??
      (interactive ? await ask('Domain prefix (e.g. mystore): ') : '');
    if (!rawPrefix) {
      throw new LightspeedSyncError('usage', 'Give the store with --domain-prefix mystore.');
    }
    const domainPrefix = normalizeDomainPrefix(rawPrefix);

    let token = io.env.LIGHTSPEED_TOKEN ?? '';
    if (values['token-stdin']) token = await readStdin();
    else if (!token && interactive) token = await askSecret('Personal token (hidden): ');
    if (!token) {
      throw new LightspeedSyncError(
        'missing_token',
        'No personal token. Set LIGHTSPEED_TOKEN, pipe it with --token-stdin, or run link in ' +
          'a terminal to type it. Create one in Lightspeed under Setup > Personal Tokens.',
      );
    }

    const tables = settingsFor(values.tables, values.method, values.frequency, values.time);
    const apiBaseUrl = values['api-url'] ?? io.env.LIGHTSPEED_API_URL;
    const client = new XSeriesClient({
      domainPrefix,
      token,
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
    });
    io.out(`Checking the token against ${client.baseUrl} ...`);
    await client.checkCredentials();

    const shared = values.store || io.env.LIGHTSPEED_SOURCE_STORE;
    const opened = shared ? openSourceStore(shared, io.env) : undefined;
    const store = opened?.store ?? sourceStore(io);
    const name = values.name ?? domainPrefix;
    const existing = await store.get(name);
    const schema = values.schema ?? chooseSchema(name, domainPrefix, await store.list());
    const now = new Date().toISOString();
    const source: SourceConfig = {
      name,
      domainPrefix,
      schema,
      tables,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const warehouse = values.warehouse ?? existing?.warehouse;
    if (warehouse) source.warehouse = warehouse;
    if (apiBaseUrl) source.apiBaseUrl = apiBaseUrl;
    await store.save(source, token).finally(() => opened?.close());

    const enabled = Object.keys(tables).join(', ');
    io.out(`Linked "${name}" (${domainPrefix}), schema ${schema}. Tables: ${enabled}.`);
    io.out('Next: `lightspeed-sync sync` for a sync now, `lightspeed-sync run` to keep it going.');

    return 0;
  },
};

function settingsFor(
  list: string | undefined,
  methodText: string,
  frequencyText: string,
  time: string | undefined,
): Partial<Record<TableName, TableSettings>> {
  const names = list
    ? list.split(',').map((name) => getTableSpec(name.trim()).name)
    : [...tableNames];
  const method = parseSyncMethod(methodText);
  const frequency = parseFrequency(frequencyText);
  const timeOfDay = time === undefined ? undefined : parseTimeOfDay(time, frequency);

  const settings: Partial<Record<TableName, TableSettings>> = {};
  for (const name of names) {
    settings[name] = { enabled: true, method, frequency, ...(timeOfDay ? { timeOfDay } : {}) };
  }

  return settings;
}

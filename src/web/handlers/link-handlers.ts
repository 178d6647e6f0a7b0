/** The new-source flow: normalise the store address, check the credentials, save and sync. */
import { normalizeDomainPrefix } from '../../api/domain-prefix.ts';
import { XSeriesClient } from '../../api/xseries-client.ts';
import { tableNames } from '../../catalog/catalog.ts';
import { defaultWarehouse } from '../../config/resolve-source.ts';
import type { SourceConfig } from '../../config/source-config.ts';
import { chooseSchema } from '../../config/source-schema.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { jsonResponse, readJsonObject, stringField } from '../http-json.ts';
import { buildSourceView } from '../source-view.ts';
import { parseTableSelection } from '../table-settings-input.ts';
import type { WebContext } from '../web-context.ts';
import type { RouteHandler } from '../web-route.ts';

/** `GET /api/domain-prefix?input=...`: the normalised prefix of what the person typed. */
export const getDomainPrefix: RouteHandler = async (request) => {
  const input = new URL(request.url).searchParams.get('input') ?? '';

  return jsonResponse({ domainPrefix: normalizeDomainPrefix(input) });
};

/** `POST /api/credentials/check {domainPrefix, token}`: what the store says of the token. */
export const checkCredentials: RouteHandler = async (request, _params, context) => {
  const body = await readJsonObject(request);
  const credentials = readCredentials(body);
  const info = await credentialCheck(credentials, context);

  return jsonResponse({ domainPrefix: info.domainPrefix, firstOutlet: info.firstOutlet });
};

/**
 * `POST /api/sources {domainPrefix, token, name?, tables}`: checks the credentials, saves
 * the source (the token only on this server) and starts its first sync.
 */
export const createSource: RouteHandler = async (request, _params, context) => {
  const body = await readJsonObject(request);
  const credentials = readCredentials(body);
  const tables = parseTableSelection(body.tables);
  const name = (stringField(body, 'name') ?? '').trim() || credentials.domainPrefix;
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/i.test(name)) {
    throw new LightspeedSyncError(
      'invalid_request',
      `"${name}" cannot name a source: use letters, digits, - and _ (at most 63).`,
    );
  }

  await credentialCheck(credentials, context);

  const sources = await context.store.list();
  const existing = sources.find((source) => source.name === name);
  const now = new Date().toISOString();
  const source: SourceConfig = {
    name,
    domainPrefix: credentials.domainPrefix,
    schema: chooseSchema(name, credentials.domainPrefix, sources),
    tables,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  // Saving a non-default warehouse lets the command line find the data where the app put it.
  const chosen =
    context.defaultWarehouseUrl === defaultWarehouse ? undefined : context.defaultWarehouseUrl;
  const warehouse = existing?.warehouse ?? chosen;
  if (warehouse) source.warehouse = warehouse;
  if (context.apiBaseUrl) source.apiBaseUrl = context.apiBaseUrl;
  await context.store.save(source, credentials.token);

  const selections = tableNames
    .filter((table) => tables[table]?.enabled)
    .map((table) => ({ table, method: tables[table]?.method ?? 'incremental' }));
  const { run } = context.runner.start({ source: name, tables: selections });

  return jsonResponse(
    { source: await buildSourceView(source, context), sync: { runId: run.id } },
    201,
  );
};

interface Credentials {
  domainPrefix: string;
  token: string;
}

function readCredentials(body: Record<string, unknown>): Credentials {
  const domainPrefix = normalizeDomainPrefix(stringField(body, 'domainPrefix') ?? '');
  const token = (stringField(body, 'token') ?? '').trim();
  if (!token) {
    throw new LightspeedSyncError(
      'missing_token',
      'Enter a personal token. Create one in Lightspeed under Setup > Personal Tokens.',
    );
  }

  return { domainPrefix, token };
}

function credentialCheck(credentials: Credentials, context: WebContext) {
  const client = new XSeriesClient({
    ...credentials,
    ...(context.apiBaseUrl ? { apiBaseUrl: context.apiBaseUrl } : {}),
  });

  return client.checkCredentials();
}

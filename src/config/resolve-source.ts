import { normalizeDomainPrefix } from '../api/domain-prefix.ts';
import { tableNames } from '../catalog/catalog.ts';
import type { TableName } from '../catalog/table-spec.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { defaultFrequency } from '../scheduler/frequency.ts';
import type { SourceConfig, TableSettings } from './source-config.ts';
import type { SourceStore } from './source-store.ts';

/** The warehouse used when nothing else is configured. */
export const defaultWarehouse = './lightspeed.duckdb';

/** The schema of the first linked source. */
export const defaultSchema = 'lightspeed_retail';

/** A source ready to sync: its settings, token and warehouse. */
export interface ResolvedSource {
  source: SourceConfig;
  token: string;
  warehouseUrl: string;
}

/** What the command line said; each field overrides the environment and the saved source. */
export interface SourceFlags {
  source?: string | undefined;
  warehouse?: string | undefined;
  apiUrl?: string | undefined;
}

/** Settings for every table: enabled, incremental, default frequency. */
export function defaultTableSettings(): Partial<Record<TableName, TableSettings>> {
  const settings: Partial<Record<TableName, TableSettings>> = {};
  for (const name of tableNames) {
    settings[name] = { enabled: true, method: 'incremental', frequency: defaultFrequency };
  }

  return settings;
}

/**
 * A source that was never linked (given by LIGHTSPEED_DOMAIN_PREFIX): every table, incremental,
 * default frequency. Its link time is now, so it does not look stale before its first sync.
 */
export function unlinkedSource(domainPrefix: string): SourceConfig {
  const now = new Date().toISOString();

  return {
    name: domainPrefix,
    domainPrefix,
    schema: defaultSchema,
    tables: defaultTableSettings(),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Finds the source a command works on: `--source NAME`; else LIGHTSPEED_DOMAIN_PREFIX with
 * LIGHTSPEED_TOKEN; else the only linked source. Flags beat the environment, which beats
 * what `link` saved.
 */
export async function resolveSource(
  flags: SourceFlags,
  store: SourceStore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedSource> {
  const source = await pickSource(flags, store, env);
  const token = env.LIGHTSPEED_TOKEN || (await store.readToken(source.name));
  if (!token) {
    throw new LightspeedSyncError(
      'missing_token',
      `No personal token for "${source.name}". Set LIGHTSPEED_TOKEN, or run ` +
        '`lightspeed-sync link` to save one.',
      { details: { source: source.name } },
    );
  }

  const apiBaseUrl = flags.apiUrl || env.LIGHTSPEED_API_URL || source.apiBaseUrl;
  const resolved: SourceConfig = { ...source };
  if (apiBaseUrl) resolved.apiBaseUrl = apiBaseUrl;
  const warehouseUrl =
    flags.warehouse || env.LIGHTSPEED_WAREHOUSE || source.warehouse || defaultWarehouse;

  return { source: resolved, token, warehouseUrl };
}

async function pickSource(
  flags: SourceFlags,
  store: SourceStore,
  env: NodeJS.ProcessEnv,
): Promise<SourceConfig> {
  if (flags.source) {
    const saved = await store.get(flags.source);
    if (saved) return saved;

    const names = (await store.list()).map((source) => source.name);
    throw new LightspeedSyncError(
      'unknown_source',
      `No linked source named "${flags.source}". Linked: ${names.join(', ') || 'none'}. ` +
        'Run `lightspeed-sync link` to add one.',
      { details: { source: flags.source } },
    );
  }

  if (env.LIGHTSPEED_DOMAIN_PREFIX) {
    const domainPrefix = normalizeDomainPrefix(env.LIGHTSPEED_DOMAIN_PREFIX);
    const saved = (await store.list()).find((source) => source.domainPrefix === domainPrefix);
    if (saved) return saved;

    return unlinkedSource(domainPrefix);
  }

  const sources = await store.list();
  const [only] = sources;
  if (sources.length === 1 && only) return only;

  if (sources.length === 0) {
    throw new LightspeedSyncError(
      'no_source',
      'No store linked. Run `lightspeed-sync link`, or set LIGHTSPEED_DOMAIN_PREFIX and ' +
        'LIGHTSPEED_TOKEN.',
    );
  }
  throw new LightspeedSyncError(
    'several_sources',
    `Several stores are linked (${sources.map((s) => s.name).join(', ')}). ` +
      'Choose one with --source NAME.',
  );
}

/** A warehouse and the schema to read, for commands that need no token. */
export interface WarehouseTarget {
  warehouseUrl: string;
  schema: string;
  sourceName?: string;
}

/**
 * Finds the warehouse a read command (status, query, reset, export) works on: the source's
 * when one is chosen or only one is linked; otherwise the flag, LIGHTSPEED_WAREHOUSE or the
 * default file, with the default schema.
 */
export async function resolveWarehouseTarget(
  flags: SourceFlags & { schema?: string | undefined },
  store: SourceStore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<WarehouseTarget> {
  const sources = await store.list();
  const source = flags.source
    ? await pickSource(flags, store, env)
    : sources.length === 1
      ? sources[0]
      : undefined;
  const warehouseUrl =
    flags.warehouse || env.LIGHTSPEED_WAREHOUSE || source?.warehouse || defaultWarehouse;
  const schema = flags.schema || source?.schema || defaultSchema;

  return source ? { warehouseUrl, schema, sourceName: source.name } : { warehouseUrl, schema };
}

import { normalizeDomainPrefix } from '../api/domain-prefix.ts';
import { defaultWarehouse, unlinkedSource } from '../config/resolve-source.ts';
import type { SourceConfig } from '../config/source-config.ts';
import type { SourceStore } from '../config/source-store.ts';
import { errorMessage, LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** A source the scheduler runs: its settings, token and warehouse. */
export interface RunSource {
  source: SourceConfig;
  token: string;
  warehouseUrl: string;
}

/** Overrides from the command line and environment. */
export interface RunSourceOptions {
  store: SourceStore;
  /** Warehouse for every source (`--warehouse`); beats LIGHTSPEED_WAREHOUSE and the source's. */
  warehouse?: string | undefined;
  /** API base URL for every source (`--api-url`); beats LIGHTSPEED_API_URL and the source's. */
  apiUrl?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** Return an empty list instead of failing when no store is linked. Default false. */
  allowEmpty?: boolean;
}

/** The sources to run and the ones that cannot run (no token, unreadable token). */
export interface RunSourceList {
  sources: RunSource[];
  problems: { source: string; message: string }[];
}

/**
 * Lists every linked source with its token; with none linked, the store named by
 * LIGHTSPEED_DOMAIN_PREFIX and LIGHTSPEED_TOKEN. LIGHTSPEED_TOKEN also stands in for a missing
 * stored token when only one source is linked.
 */
export async function listRunSources(options: RunSourceOptions): Promise<RunSourceList> {
  const { store, env } = options;
  const saved = await store.list();
  const list: RunSourceList = { sources: [], problems: [] };
  for (const source of saved) {
    try {
      const token =
        (await store.readToken(source.name)) ||
        (saved.length === 1 ? env.LIGHTSPEED_TOKEN : undefined);
      if (!token) throw new Error('no token is stored; run `lightspeed-sync link` again');

      list.sources.push(withOverrides(source, token, options));
    } catch (error) {
      list.problems.push({ source: source.name, message: errorMessage(error) });
    }
  }

  if (saved.length === 0 && env.LIGHTSPEED_DOMAIN_PREFIX && env.LIGHTSPEED_TOKEN) {
    const source = unlinkedSource(normalizeDomainPrefix(env.LIGHTSPEED_DOMAIN_PREFIX));
    list.sources.push(withOverrides(source, env.LIGHTSPEED_TOKEN, options));
  }

  if (list.sources.length === 0 && list.problems.length === 0 && !options.allowEmpty) {
    throw new LightspeedSyncError(
      'no_source',
      'No store linked. Run `lightspeed-sync link` (with --store for a shared deployment), or ' +
        'set LIGHTSPEED_DOMAIN_PREFIX and LIGHTSPEED_TOKEN.',
    );
  }

  return list;
}

function withOverrides(source: SourceConfig, token: string, options: RunSourceOptions): RunSource {
  const { env } = options;
  const apiBaseUrl = options.apiUrl || env.LIGHTSPEED_API_URL || source.apiBaseUrl;
  const resolved: SourceConfig = { ...source };
  if (apiBaseUrl) resolved.apiBaseUrl = apiBaseUrl;
  const warehouseUrl =
    options.warehouse || env.LIGHTSPEED_WAREHOUSE || source.warehouse || defaultWarehouse;

  return { source: resolved, token, warehouseUrl };
}

import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { defaultSchemaName, validateSchemaName } from './schema-name.ts';
import type { Warehouse } from './warehouse.ts';

/** How to open a warehouse. */
export interface OpenWarehouseOptions {
  /**
   * Where the data lands: a DuckDB file path (`./lightspeed.duckdb`), `duckdb:PATH`, or
   * `postgres://user:password@host:port/database` (also `postgresql://`).
   */
  url: string;
  /** Schema holding the source's tables. Default `lightspeed_retail`. */
  schema?: string;
  /** Opens for reading only (DuckDB READ_ONLY access mode; read-only PostgreSQL sessions). */
  readOnly?: boolean;
}

interface WarehouseTarget {
  url: string;
  location: string;
  schema: string;
  readOnly: boolean;
}

type WarehouseOpener = (target: WarehouseTarget) => Promise<Warehouse>;

// The one place that maps a URL scheme to an implementation. Modules load lazily, so DuckDB
// users never load the PostgreSQL driver and the other way round.
const openers: Record<string, WarehouseOpener> = {
  duckdb: async (target) => {
    const { DuckDBWarehouse } = await import('./duckdb/duckdb-warehouse.ts');

    return DuckDBWarehouse.open({ path: target.location, ...target });
  },
  postgres: async (target) => {
    const { PostgresWarehouse } = await import('./postgres/postgres-warehouse.ts');

    return PostgresWarehouse.open(target);
  },
};

/** Opens the warehouse a URL names (see OpenWarehouseOptions.url). */
export async function openWarehouse(options: OpenWarehouseOptions): Promise<Warehouse> {
  const schema = validateSchemaName(options.schema ?? defaultSchemaName);
  const scheme = warehouseScheme(options.url);
  const opener = openers[scheme];
  if (!opener) throw unsupportedUrl(options.url);

  return opener({
    url: options.url,
    location: describeWarehouseUrl(options.url),
    schema,
    readOnly: options.readOnly ?? false,
  });
}

/**
 * Returns a URL in a form fit for messages and screens: the DuckDB file path, or the
 * PostgreSQL URL without its password (`postgres://user@host:5432/db`).
 */
export function describeWarehouseUrl(url: string): string {
  const scheme = warehouseScheme(url);
  if (scheme === 'duckdb') return url.startsWith('duckdb:') ? url.slice('duckdb:'.length) : url;
  if (scheme !== 'postgres') return url.replace(/\/\/[^@/]*@/, '//');

  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.search = '';

    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//');
  }
}

/** `duckdb` for paths and `duckdb:` URLs, `postgres` for both PostgreSQL schemes. */
function warehouseScheme(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\\)/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme.length === 1) return 'duckdb';
  if (scheme === 'postgresql') return 'postgres';

  return scheme;
}

function unsupportedUrl(url: string): LightspeedSyncError {
  return new LightspeedSyncError(
    'unsupported_warehouse_url',
    `Unsupported warehouse "${describeWarehouseUrl(url)}": use a DuckDB file path, ` +
      'duckdb:PATH, or postgres://user:password@host:port/database.',
  );
}

import type { SyncMethod, TableName } from '../catalog/table-spec.ts';
import type { Frequency } from '../scheduler/frequency.ts';

/** How one table of a source syncs. */
export interface TableSettings {
  /** Whether the table is synced at all. */
  enabled: boolean;
  /** Default `incremental`. */
  method: SyncMethod;
  /** Default `6h`. */
  frequency: Frequency;
  /** UTC `HH:MM` for frequencies of a day or more; unset means "any time". */
  timeOfDay?: string;
}

/** A linked store, without its token (tokens are kept apart, readable by the owner only). */
export interface SourceConfig {
  /** Unique name; defaults to the domain prefix. */
  name: string;
  /** Normalised domain prefix, e.g. `mystore`. */
  domainPrefix: string;
  /** API base URL override (fake store, proxy); unset means the real Lightspeed host. */
  apiBaseUrl?: string;
  /** Warehouse URL or DuckDB path; unset means LIGHTSPEED_WAREHOUSE or ./lightspeed.duckdb. */
  warehouse?: string;
  /** Warehouse schema holding this source's tables; `lightspeed_retail` for the first source. */
  schema: string;
  tables: Partial<Record<TableName, TableSettings>>;
  createdAt: string;
  updatedAt: string;
}

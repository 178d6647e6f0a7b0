/** The figures a bench run produces; written as JSON to bench/results/. */
import type { BenchPlan } from './bench-plan.ts';
import type { MachineInfo } from './machine-info.ts';

/** A full sync of the large store into one warehouse. */
export interface SyncFigures {
  warehouse: string;
  ok: boolean;
  /** Table errors, as `code: message` (empty when ok). */
  errors: string[];
  seconds: number;
  /** Top-level records written. */
  records: number;
  /** Child rows written (line items, payments, sale taxes, tax rates). */
  childRows: number;
  recordsPerSecond: number;
  /** Records and child rows per second. */
  rowsPerSecond: number;
  peakRssMiB: number;
  /** CPU time of the sync process. */
  cpuSeconds: number;
  /** Requests the client sent. */
  requests: number;
  /** Requests the store received. */
  storeRequests: number;
  /** Sync time over the transport floor's. */
  vsTransportFloor: number;
  /** Sync time over this warehouse's load floor. */
  vsLoadFloor: number;
  /** Sync time over the slower of the two floors (target: at most 1.3). */
  vsSlowerFloor: number;
}

/** Paging the store with nothing but JSON.parse. */
export interface TransportFloorFigures {
  seconds: number;
  requests: number;
  records: number;
  mebibytesReceived: number;
  recordsPerSecond: number;
  /** Peak RSS of the floor's process: what paging alone holds in memory. */
  peakRssMiB: number;
}

/** The warehouse's own bulk load of the same rows from local files. */
export interface LoadFloorFigures {
  warehouse: string;
  seconds: number;
  /** Records and child rows loaded. */
  rows: number;
  rowsPerSecond: number;
}

/** Syncs after the full one. */
export interface IncrementalFigures {
  noChanges: { seconds: number; requests: number; records: number; tables: number };
  changed: {
    share: number;
    changedRecords: number;
    seconds: number;
    requests: number;
    records: number;
  };
}

/** Peak memory of the DuckDB sync at two store sizes. */
export interface MemoryFigures {
  points: { sales: number; peakRssMiB: number }[];
  /** Peak at the large store over peak at the small one (flat: close to 1). */
  growth: number;
}

/** One rate-limited backfill, stopped after a few windows. */
export interface BackfillFigures {
  seconds: number;
  records: number;
  /** Requests the store received. */
  requests: number;
  /** Windows the backfill spanned, fractions included. */
  windows: number;
  /** Requests sent in the backfill's whole windows over what those windows allowed. */
  shareUsed: number;
  /** 429 answers the store sent (target 0). */
  tooManyRequests: number;
}

/** Backfills under the real rate limit, time-compressed: client alone, then a real sync. */
export interface RateLimitedFigures {
  limit: number;
  windowMs: number;
  pageSize: number;
  /** Through the API client alone: shows the pacing itself. */
  client: BackfillFigures;
  /** A real sync into DuckDB: also paced by how fast pages are written. */
  sync: BackfillFigures;
}

/** Everything one bench run measured. */
export interface BenchResults {
  mode: string;
  startedAt: string;
  totalSeconds: number;
  machine: MachineInfo;
  /** 1-minute load average at the end (see machine.loadAverageAtStart). */
  loadAverageAtEnd: number;
  plan: BenchPlan;
  store: { sales: number; records: number; childRows: number };
  fullSync: SyncFigures[];
  floors: { transport: TransportFloorFigures; load: LoadFloorFigures[] };
  incremental: IncrementalFigures;
  memory: MemoryFigures;
  rateLimited: RateLimitedFigures;
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;

  return Math.round(value * factor) / factor;
}

/** Bytes to MiB, one decimal. */
export function mebibytes(bytes: number): number {
  return round(bytes / 2 ** 20, 1);
}

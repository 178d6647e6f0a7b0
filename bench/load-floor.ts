/** Measures the load floor: the warehouse's own bulk load of the same rows from local files. */
import { fileURLToPath } from 'node:url';
import { runChildOnce } from './child-rpc.ts';
import type { RecordDump } from './record-dump.ts';

/** What the load floor child is asked to do. */
export interface LoadFloorInput {
  /** A fresh DuckDB file path or postgres:// URL of an empty database. */
  warehouseUrl: string;
  schema: string;
  dump: RecordDump;
}

/** What the load floor measured. */
export interface LoadFloorOutput {
  /** The bulk load alone (table creation excluded), in ms. */
  durationMs: number;
  maxRssBytes: number;
}

const entry = fileURLToPath(new URL('./load-floor-child.ts', import.meta.url));

/** Loads the dumped files into a fresh warehouse in a fresh process and times the load. */
export function measureLoadFloor(input: LoadFloorInput): Promise<LoadFloorOutput> {
  return runChildOnce<LoadFloorOutput>(entry, input);
}

/** Measures the transport floor: how fast the store's pages can merely be fetched and parsed. */
import { fileURLToPath } from 'node:url';
import { catalog } from '../src/catalog/catalog.ts';
import { runChildOnce } from './child-rpc.ts';

/** What the transport floor child walks. */
export interface TransportFloorInput {
  apiBaseUrl: string;
  token: string;
  pageSize: number;
  tables: { name: string; path: string; deletedParam: boolean }[];
}

/** What the transport floor measured. */
export interface TransportFloorOutput {
  durationMs: number;
  requests: number;
  records: number;
  /** Response body characters received. */
  bytes: number;
  maxRssBytes: number;
}

const entry = fileURLToPath(new URL('./transport-floor-child.ts', import.meta.url));

/** Pages every catalogue table of the store in a fresh process and times it. */
export function measureTransportFloor(
  store: { url: string; token: string },
  pageSize: number,
): Promise<TransportFloorOutput> {
  const tables = catalog.map(({ name, path, deletedParam }) => ({ name, path, deletedParam }));

  return runChildOnce<TransportFloorOutput>(entry, {
    apiBaseUrl: store.url,
    token: store.token,
    pageSize,
    tables,
  } satisfies TransportFloorInput);
}

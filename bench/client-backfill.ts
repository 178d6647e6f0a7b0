/** Runs a rate-limited backfill through the API client alone, in a child process. */
import { fileURLToPath } from 'node:url';
import { runChildOnce } from './child-rpc.ts';

/** What the client backfill child is asked to do. */
export interface ClientBackfillInput {
  apiBaseUrl: string;
  token: string;
  pageSize: number;
  /** The window of the client's rate budget (the store's window). */
  windowMs: number;
  /** Abort the backfill after this long. */
  stopAfterMs: number;
}

/** What the client backfill measured. */
export interface ClientBackfillOutput {
  durationMs: number;
  records: number;
  /** Retries caused by 429 answers. */
  tooManyRequests: number;
  /** When each request went out, in ms after the first. */
  requestOffsetsMs: number[];
}

const entry = fileURLToPath(new URL('./client-backfill-child.ts', import.meta.url));

/** Runs the backfill in a fresh process. */
export function runClientBackfill(input: ClientBackfillInput): Promise<ClientBackfillOutput> {
  return runChildOnce<ClientBackfillOutput>(entry, input);
}

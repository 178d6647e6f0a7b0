/**
 * Walks one table's list endpoint page by page (`after=<cursor>`) until an empty page, holding
 * one page at a time and asking for smaller pages when big ones time out or fail with 5xx.
 */
import type { EventSink } from '../events/sync-event.ts';
import {
  isPageEnvelope,
  nextCursor,
  readPageEnvelope,
  type XSeriesRecord,
} from './page-envelope.ts';
import type { RequestFailure } from './request-failure.ts';
import type { XSeriesTransport } from './xseries-transport.ts';

/** The smallest page size the walker shrinks to. */
export const minimumPageSize = 100;

/** The default page body cap: 8 MiB, about 3,000 sales or 20,000 inventory records. */
export const defaultMaxPageChars = 8 * 1024 * 1024;

/** The table to walk; a catalogue `TableSpec` fits. */
export interface PageRequest {
  /** Table name, used in events and errors. */
  name: string;
  /** List path under `/api/2.0`, e.g. `/sales`. */
  path: string;
  /** Whether to send `deleted=true` so soft-deleted records come too. */
  deletedParam: boolean;
}

/** One non-empty page of a table. */
export interface XSeriesPage {
  table: string;
  /** The page's records as parsed JSON objects; never empty. */
  records: XSeriesRecord[];
  /** The cursor this page was requested with. */
  after: number;
  /** The cursor to resume from after this page; always greater than `after`. */
  cursor: number;
}

/** What a walk needs besides the table. */
export interface PageWalkOptions {
  transport: XSeriesTransport;
  onEvent: EventSink;
  /** The page size asked for first. */
  pageSize: number;
  /**
   * Body size (in characters, about bytes) a page should stay under. After a bigger page the
   * page size is lowered so the next one fits, which keeps memory flat for wide records such
   * as sales with their line items. Default `defaultMaxPageChars`.
   */
  maxPageChars?: number;
  /** The cursor to start after (0 for everything). */
  after: number;
  signal?: AbortSignal | undefined;
}

/** Yields the table's pages in version order from `after` until the API returns an empty page. */
export async function* walkPages(
  table: PageRequest,
  options: PageWalkOptions,
): AsyncGenerator<XSeriesPage> {
  const { transport, onEvent, signal } = options;
  let pageSize = options.pageSize;
  let after = options.after;
  const shrinkOn = (failure: RequestFailure): void => {
    const bigPageFailed =
      failure.kind === 'timeout' || (failure.kind === 'status' && failure.status >= 500);
    if (!bigPageFailed || pageSize <= minimumPageSize) return;

    pageSize = Math.max(minimumPageSize, Math.floor(pageSize / 2));
    const reason = failure.kind === 'timeout' ? 'timeout' : `status ${failure.status}`;
    onEvent({ type: 'page_size_changed', level: 'warn', table: table.name, pageSize, reason });
  };

  const maxPageChars = options.maxPageChars ?? defaultMaxPageChars;
  let bodyLength = 0;
  const fitNextPage = (records: number): void => {
    if (bodyLength <= maxPageChars) return;

    const fitting = Math.floor((records * maxPageChars) / bodyLength);
    pageSize = Math.max(minimumPageSize, Math.min(pageSize, fitting));
  };

  for (;;) {
    const started = performance.now();
    // `accept` has checked the shape before the body is returned.
    const body = (await transport.getJson({
      path: table.path,
      query: () => ({
        after: String(after),
        page_size: String(pageSize),
        ...(table.deletedParam ? { deleted: 'true' } : {}),
      }),
      table: table.name,
      context: 'page',
      accept: isPageEnvelope,
      onRetry: shrinkOn,
      onBodyLength: (length) => {
        bodyLength = length;
      },
      signal,
    })) as { data: XSeriesRecord[] };

    const envelope = readPageEnvelope(body);
    if (envelope.data.length === 0) return;

    const cursor = nextCursor(envelope, after, table.name);
    fitNextPage(envelope.data.length);
    onEvent({
      type: 'page_received',
      level: 'debug',
      table: table.name,
      records: envelope.data.length,
      after,
      cursor,
      durationMs: Math.round(performance.now() - started),
    });
    yield { table: table.name, records: envelope.data, after, cursor };

    after = cursor;
  }
}

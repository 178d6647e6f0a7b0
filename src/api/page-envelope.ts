/**
 * Reads an API 2.0 list response (`{ data: [...], version: { min, max } }`) and works out the
 * cursor to resume from, tolerating the shapes seen for empty pages and for `/taxes`.
 */
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** One record as the API sent it. */
export type XSeriesRecord = Record<string, unknown>;

/** A list response whose shape has been checked. */
export interface PageEnvelope {
  data: XSeriesRecord[];
  /** `version.max` when it is a number; absent, null and `{min:null,max:null}` all give null. */
  versionMax: number | null;
}

/** Returns whether a parsed body is a list envelope: an object with a `data` array of objects. */
export function isPageEnvelope(body: unknown): body is { data: XSeriesRecord[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;

  const data = (body as { data?: unknown }).data;

  return Array.isArray(data) && data.every(isRecord);
}

/** Returns the records and `version.max` of a body that passed `isPageEnvelope`. */
export function readPageEnvelope(body: { data: XSeriesRecord[] }): PageEnvelope {
  const version = (body as { version?: unknown }).version;
  const max =
    typeof version === 'object' && version !== null ? (version as { max?: unknown }).max : null;

  return { data: body.data, versionMax: typeof max === 'number' ? max : null };
}

/**
 * Returns the cursor after a non-empty page: `version.max`, else the highest record `version`;
 * throws `cursor_not_advancing` when that does not exceed `after`, which would loop forever.
 */
export function nextCursor(page: PageEnvelope, after: number, table: string): number {
  const cursor = page.versionMax ?? highestRecordVersion(page.data);
  if (cursor !== null && cursor > after) return cursor;

  throw new LightspeedSyncError(
    'cursor_not_advancing',
    `Reading table ${table} after version ${after} returned ${page.data.length} records whose ` +
      `version is ${cursor === null ? 'missing' : `${cursor}, not higher`}, so paging would ` +
      'repeat the same page forever. The sync stopped; run a full refresh of this table, and if ' +
      'it happens again the store is returning records without increasing versions.',
    { details: { table, after, cursor } },
  );
}

function highestRecordVersion(records: XSeriesRecord[]): number | null {
  let highest: number | null = null;
  for (const record of records) {
    const version = record.version;
    if (typeof version === 'number' && (highest === null || version > highest)) highest = version;
  }

  return highest;
}

function isRecord(value: unknown): value is XSeriesRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

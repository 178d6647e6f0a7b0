import type { WalkRange } from './store-data.ts';

/** Page sizes of list endpoints. */
export interface PageSizeOptions {
  /** Records per page when `page_size` is absent. Default 1000. */
  default?: number;
  /** Larger `page_size` values are clamped to this. Default 5000. */
  max?: number;
}

/** A parsed list query, or the 400 error message explaining what was wrong. */
export type ListQuery = { range: WalkRange; pageSize: number } | { error: string };

const digits = /^\d{1,16}$/;

/**
 * Parses `after`, `before`, `page_size` and `deleted` of a list request. `deleted` is only
 * honoured when the table supports it; elsewhere soft-deleted records are always listed.
 */
export function parseListQuery(
  query: URLSearchParams,
  pageSizes: Required<PageSizeOptions>,
  supportsDeleted: boolean,
): ListQuery {
  const after = integerParam(query, 'after', 0);
  const before = integerParam(query, 'before', Number.POSITIVE_INFINITY);
  const pageSize = integerParam(query, 'page_size', pageSizes.default);
  for (const [name, value] of [
    ['after', after],
    ['before', before],
    ['page_size', pageSize],
  ] as const) {
    if (value === undefined) return { error: invalidMessage(name, query.get(name)) };
  }
  if (pageSize === 0) return { error: invalidMessage('page_size', query.get('page_size')) };

  const deleted = query.get('deleted');

  return {
    range: {
      after: after ?? 0,
      before: before ?? Number.POSITIVE_INFINITY,
      includeDeleted: !supportsDeleted || deleted === 'true' || deleted === '1',
    },
    pageSize: Math.min(pageSize ?? pageSizes.default, pageSizes.max),
  };
}

function integerParam(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return fallback;

  return digits.test(text) ? Number(text) : undefined;
}

function invalidMessage(name: string, value: string | null): string {
  return `Invalid ${name} parameter: expected a non-negative integer, got "${value ?? ''}"`;
}

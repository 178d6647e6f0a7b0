import type { TableName } from '../catalog/table-spec.ts';
import { type ListQuery, type PageSizeOptions, parseListQuery } from './list-query.ts';
import { inventoryIndex } from './records/inventory-records.ts';
import type { FakeRecord } from './store-context.ts';
import type { StoreData } from './store-data.ts';
import { fakeStoreTables } from './table-codes.ts';

/** A JSON answer of the API, before serialisation. */
export interface ApiResponse {
  status: number;
  body: unknown;
}

/** How list and single-record answers are shaped. */
export interface ApiSettings {
  pageSize: Required<PageSizeOptions>;
  emptyPage: 'nulls' | 'absent';
  taxesVersionBlock: boolean;
  domainPrefix: string;
}

/** The API path prefix. */
export const apiPrefix = '/api/2.0';

const tablesWithDeletedParam: ReadonlySet<TableName> = new Set([
  'customers',
  'products',
  'outlets',
  'registers',
]);
const tablesWithSingleGet: ReadonlySet<TableName> = new Set([
  'sales',
  'customers',
  'products',
  'outlets',
  'registers',
  'users',
]);
const singular: Readonly<Record<TableName, string>> = {
  sales: 'sale',
  customers: 'customer',
  products: 'product',
  inventory: 'inventory',
  outlets: 'outlet',
  registers: 'register',
  users: 'user',
  taxes: 'tax',
};

/** Answers one authorised API request (`pathname` starts with /api/2.0). */
export function routeApiRequest(
  data: StoreData,
  settings: ApiSettings,
  method: string,
  pathname: string,
  query: URLSearchParams,
): ApiResponse {
  const parts = pathname.slice(apiPrefix.length).split('/').filter(Boolean);
  const [resource, id, sub] = parts;
  if (method !== 'GET') return { status: 405, body: { error: 'Method not allowed' } };

  if (parts.length === 1 && resource === 'retailer') return retailer(data, settings);
  if (parts.length === 1 && resource === 'user') return single('users', data.current('users', 0));

  const table = fakeStoreTables.find((name) => name === resource);
  if (!table) return notFound();

  if (parts.length === 1) return list(data, settings, table, query);
  if (parts.length === 2 && id && tablesWithSingleGet.has(table)) {
    return single(table, data.find(table, id));
  }
  if (parts.length === 3 && table === 'products' && id && sub === 'inventory') {
    return productInventory(data, id);
  }

  return notFound();
}

/** Returns the path used in stats: the API path with record ids replaced by `:id`. */
export function statsPath(pathname: string): string {
  const parts = pathname.split('/');

  return parts
    .map((part, position) => (position > 3 && part.length === 36 ? ':id' : part))
    .join('/');
}

function list(
  data: StoreData,
  settings: ApiSettings,
  table: TableName,
  query: URLSearchParams,
): ApiResponse {
  const parsed: ListQuery = parseListQuery(
    query,
    settings.pageSize,
    tablesWithDeletedParam.has(table),
  );
  if ('error' in parsed) return { status: 400, body: { error: parsed.error } };

  const records = data.page(table, parsed.range, parsed.pageSize);
  if (table === 'taxes' && !settings.taxesVersionBlock)
    return { status: 200, body: { data: records } };

  const first = records[0];
  const last = records[records.length - 1];
  if (!first || !last) {
    const body =
      settings.emptyPage === 'nulls'
        ? { data: [], version: { min: null, max: null } }
        : { data: [] };

    return { status: 200, body };
  }

  return {
    status: 200,
    body: { data: records, version: { min: first.version, max: last.version } },
  };
}

function single(table: TableName, record: FakeRecord | undefined): ApiResponse {
  if (!record) return { status: 404, body: { error: `${singular[table]} not found` } };

  return { status: 200, body: { data: record } };
}

function productInventory(data: StoreData, productId: string): ApiResponse {
  const product = data.find('products', productId);
  const productIndex = data.ctx.ids.indexOf('products', productId);
  if (!product || productIndex === undefined)
    return { status: 404, body: { error: 'product not found' } };

  const outlets = data.ctx.shape.counts.outlets;
  const records: FakeRecord[] = [];
  for (let outlet = 0; outlet < outlets; outlet++) {
    records.push(data.current('inventory', inventoryIndex(data.ctx, productIndex, outlet)));
  }

  return { status: 200, body: { data: records } };
}

function retailer(data: StoreData, settings: ApiSettings): ApiResponse {
  const { ids, seed } = data.ctx;

  return {
    status: 200,
    body: {
      data: {
        id: ids.idOf('outlets', 1_000_000_000),
        name: `${settings.domainPrefix} store`,
        domain_prefix: settings.domainPrefix,
        currency: 'NZD',
        currency_symbol: '$',
        time_zone: 'Pacific/Auckland',
        display_prices: 'inclusive',
        loyalty_enabled: true,
        created_at: '2023-03-01T00:00:00Z',
        version: String(1_000 + seed),
      },
    },
  };
}

function notFound(): ApiResponse {
  return { status: 404, body: { error: 'Not Found' } };
}

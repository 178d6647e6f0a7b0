import type { ColumnSchema } from './column-type.ts';

/** The names of the X-Series collections this project syncs. */
export type TableName =
  | 'sales'
  | 'customers'
  | 'products'
  | 'inventory'
  | 'outlets'
  | 'registers'
  | 'users'
  | 'taxes';

/** How a table can be synced. */
export type SyncMethod = 'incremental' | 'full_refresh';

/** A nested object whose chosen keys become columns of the parent, e.g. `brand.name`. */
export interface FlattenedField {
  /** The record's field holding the object, e.g. `brand`. */
  field: string;
  /** The key inside the object, e.g. `name`. */
  key: string;
  /** The column it lands in, e.g. `brand_name`. */
  column: string;
}

/** A nested array of a record stored as its own table, e.g. a sale's `line_items`. */
export interface ChildTableSpec {
  /** Warehouse table name, e.g. `sales_line_items`. */
  name: string;
  /** The parent record's array field, e.g. `line_items`. */
  field: string;
  /** The column holding the parent's id, e.g. `sale_id`. */
  parentKey: string;
  /** What one row is, for documentation. */
  description: string;
  /** Known columns (without `parentKey`, which comes first automatically). */
  columns: ColumnSchema[];
}

/** One X-Series collection and how it lands in the warehouse. */
export interface TableSpec {
  name: TableName;
  /** One sentence for `tables` and the web app. */
  description: string;
  /** List path under `/api/2.0`, e.g. `/sales`. */
  path: string;
  /** Whether the list endpoint takes `deleted=true` to include soft-deleted records. */
  deletedParam: boolean;
  /** The methods a user can choose. */
  syncMethods: readonly SyncMethod[];
  /** The field used as the incremental cursor. */
  cursorField: 'version';
  /** The primary key column. */
  primaryKey: 'id';
  /** Known top-level columns, in warehouse order. Unknown API fields are added as they appear. */
  columns: ColumnSchema[];
  /** Nested objects whose keys become columns of this table. */
  flatten: FlattenedField[];
  /** Nested arrays stored as child tables. */
  children: ChildTableSpec[];
}

/** What differs between tables; `defineTable` fills in what every X-Series collection shares. */
export type TableDefinition = Pick<TableSpec, 'name' | 'description' | 'path' | 'deletedParam'> &
  Pick<TableSpec, 'columns'> &
  Partial<Pick<TableSpec, 'flatten' | 'children'>>;

/**
 * Builds a table spec: every X-Series collection syncs incrementally by `version` or by full
 * refresh, and is keyed by `id`.
 */
export function defineTable(definition: TableDefinition): TableSpec {
  return {
    syncMethods: ['incremental', 'full_refresh'],
    cursorField: 'version',
    primaryKey: 'id',
    flatten: [],
    children: [],
    ...definition,
  };
}

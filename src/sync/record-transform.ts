import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import type { RowValue, TableRows } from '../warehouse/warehouse.ts';
import type { GroupLayout } from './group-layout.ts';
import { rescuedDataColumn, syncedAtColumn, type TableLayout } from './table-layout.ts';
import { doesNotFit, inferColumnType } from './value-coercion.ts';

/** The rows one page of records becomes, and the columns it added to the layouts. */
export interface TransformedPage {
  parent: TableRows;
  children: TableRows[];
  /** Descriptions of columns added while transforming, e.g. `sales.loyalty_tier (text)`. */
  addedColumns: string[];
}

interface RowBuilder {
  layout: TableLayout;
  rows: RowValue[][];
}

/**
 * Turns X-Series records into warehouse rows: scalar fields become columns (new fields become
 * new columns), configured nested objects are flattened, configured arrays become child rows,
 * and a value that does not fit its column is kept in `_rescued_data` instead of being dropped.
 * Throws `invalid_record` when a record lacks a usable `id` or `version`.
 */
export function transformPage(
  group: GroupLayout,
  records: readonly Record<string, unknown>[],
  syncedAt: string,
): TransformedPage {
  const addedColumns: string[] = [];
  const parent: RowBuilder = { layout: group.parent, rows: [] };
  const children = new Map<string, RowBuilder>();
  for (const [field, layout] of group.children) children.set(field, { layout, rows: [] });

  records.forEach((record, index) => {
    const id = recordId(group.spec.name, record, index);
    const row = buildRow(parent.layout, record, syncedAt, addedColumns, children);
    for (const flat of group.spec.flatten) {
      const nested = record[flat.field];
      const value = isPlainObject(nested) ? nested[flat.key] : undefined;
      setValue(parent.layout, row, flat.column, value ?? null, addedColumns);
    }
    parent.rows.push(row);

    for (const [field, builder] of children) {
      const items = record[field];
      if (!Array.isArray(items)) continue;

      items.forEach((item, position) => {
        const element = isPlainObject(item) ? item : { value: item };
        const childRow = buildRow(builder.layout, element, syncedAt, addedColumns, undefined);
        setValue(builder.layout, childRow, builder.layout.parentKey ?? 'parent_id', id, []);
        if (childRow[builder.layout.positionOf('id') ?? -1] == null) {
          // Child ids complete the primary key; an element without one is keyed by position.
          setValue(builder.layout, childRow, 'id', String(position), []);
        }
        builder.rows.push(childRow);
      });
    }
  });

  return {
    parent: finish(parent),
    children: [...children.values()].map(finish),
    addedColumns,
  };
}

function buildRow(
  layout: TableLayout,
  record: Record<string, unknown>,
  syncedAt: string,
  addedColumns: string[],
  childFields: Map<string, unknown> | undefined,
): RowValue[] {
  const row: RowValue[] = new Array(layout.columns.length).fill(null);
  let rescued: Record<string, unknown> | undefined;

  for (const key in record) {
    const value = record[key];
    if (value === null || value === undefined) continue;
    // Arrays of child fields become child rows; anything else there is kept as a JSON column.
    if (childFields?.has(key) && Array.isArray(value)) continue;

    let position = layout.positionOf(key);
    if (position === undefined) {
      const type = inferColumnType(value);
      layout.addColumn(key, type);
      addedColumns.push(`${layout.name}.${key} (${type})`);
      position = layout.columns.length - 1;
    }
    const coerce = layout.coercions[position];
    const coerced = coerce ? coerce(value) : doesNotFit;
    if (coerced === doesNotFit) {
      rescued ??= {};
      rescued[key] = value;
    } else {
      row[position] = coerced;
    }
  }

  row[layout.positionOf(syncedAtColumn) ?? -1] = syncedAt;
  if (rescued) row[layout.positionOf(rescuedDataColumn) ?? -1] = JSON.stringify(rescued);

  return row;
}

function setValue(
  layout: TableLayout,
  row: RowValue[],
  column: string,
  value: unknown,
  addedColumns: string[],
): void {
  let position = layout.positionOf(column);
  if (position === undefined) {
    layout.addColumn(column, 'text');
    addedColumns.push(`${layout.name}.${column} (text)`);
    position = layout.columns.length - 1;
  }
  const coerce = layout.coercions[position];
  const coerced = value === null || value === undefined || !coerce ? null : coerce(value);
  row[position] = coerced === doesNotFit ? null : coerced;
}

function finish(builder: RowBuilder): TableRows {
  const width = builder.layout.columns.length;
  for (const row of builder.rows) {
    // Rows built before a column was discovered are shorter: the missing values are null.
    while (row.length < width) row.push(null);
  }

  return {
    table: builder.layout.name,
    columns: builder.layout.columns.map((column) => column.name),
    rows: builder.rows,
  };
}

function recordId(table: string, record: Record<string, unknown>, index: number): string {
  const id = record.id;
  const version = record.version;
  const idOk = (typeof id === 'string' && id !== '') || typeof id === 'number';
  const versionOk = typeof version === 'number' && Number.isSafeInteger(version);
  if (idOk && versionOk) return String(id);

  const missing = idOk ? '`version` (an integer)' : '`id`';
  throw new LightspeedSyncError(
    'invalid_record',
    `Table ${table}: record ${index + 1} of a page has no usable ${missing}, so it cannot be ` +
      'stored or used as a cursor. Nothing of this page was written; the next sync retries it. ' +
      'If it persists, Lightspeed is sending malformed data: report it to Lightspeed support.',
    { details: { table, position: index + 1 } },
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

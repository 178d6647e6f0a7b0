import type { ColumnSchema, ColumnType } from '../catalog/column-type.ts';
import type { TableSchema } from '../warehouse/warehouse.ts';
import { type Coercion, coercionFor } from './value-coercion.ts';

/** Column holding the time a row was written. */
export const syncedAtColumn = '_synced_at';

/** Column holding, as a JSON object, every value that did not fit its column. */
export const rescuedDataColumn = '_rescued_data';

/** Columns the engine adds to every table. */
export const metadataColumns: readonly ColumnSchema[] = [
  { name: syncedAtColumn, type: 'timestamptz' },
  { name: rescuedDataColumn, type: 'json' },
];

/**
 * The columns of one warehouse table as the engine fills them: catalogue columns, columns
 * discovered in earlier runs and columns discovered in this run, each with its coercion.
 */
export class TableLayout {
  readonly name: string;
  readonly primaryKey: string[];
  readonly parentKey: string | undefined;
  readonly columns: ColumnSchema[] = [];
  readonly coercions: Coercion[] = [];
  private readonly positions = new Map<string, number>();

  constructor(name: string, primaryKey: string[], parentKey?: string) {
    this.name = name;
    this.primaryKey = primaryKey;
    this.parentKey = parentKey;
  }

  /** Returns the position of a column, or undefined when the table has no such column. */
  positionOf(column: string): number | undefined {
    return this.positions.get(column);
  }

  /** Adds a column unless present; returns whether it was added. */
  addColumn(name: string, type: ColumnType): boolean {
    if (this.positions.has(name)) return false;

    this.positions.set(name, this.columns.length);
    this.columns.push({ name, type });
    this.coercions.push(coercionFor(type));

    return true;
  }

  /** The table's schema for the warehouse. */
  toSchema(): TableSchema {
    const schema: TableSchema = {
      name: this.name,
      columns: [...this.columns],
      primaryKey: this.primaryKey,
    };
    if (this.parentKey !== undefined) schema.parentKey = this.parentKey;

    return schema;
  }
}

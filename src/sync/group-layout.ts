import type { ColumnSchema } from '../catalog/column-type.ts';
import type { TableSpec } from '../catalog/table-spec.ts';
import type { TableGroupSchema } from '../warehouse/warehouse.ts';
import { metadataColumns, TableLayout } from './table-layout.ts';

/** The columns each table of a group has in the warehouse now (undefined: no table yet). */
export type ExistingColumns = (table: string) => ColumnSchema[] | undefined;

/** The layouts of a collection's table and its child tables, keyed by the record field. */
export interface GroupLayout {
  spec: TableSpec;
  parent: TableLayout;
  /** Child layouts keyed by the parent record's array field (e.g. `line_items`). */
  children: Map<string, TableLayout>;
}

/**
 * Builds the layouts of a collection from the catalogue and what the warehouse already has:
 * an existing column keeps its type (it may have been discovered or widened earlier), and
 * catalogue columns the warehouse lacks are added.
 */
export function buildGroupLayout(spec: TableSpec, existing: ExistingColumns): GroupLayout {
  const parent = new TableLayout(spec.name, [spec.primaryKey]);
  fillLayout(parent, spec.columns, existing(spec.name));

  const children = new Map<string, TableLayout>();
  for (const child of spec.children) {
    const layout = new TableLayout(child.name, [child.parentKey, 'id'], child.parentKey);
    const known = [{ name: child.parentKey, type: 'text' } as const, ...child.columns];
    fillLayout(layout, known, existing(child.name));
    children.set(child.field, layout);
  }

  return { spec, parent, children };
}

/** The warehouse schema of a group as its layouts stand now. */
export function groupSchema(group: GroupLayout): TableGroupSchema {
  return {
    parent: group.parent.toSchema(),
    children: [...group.children.values()].map((layout) => layout.toSchema()),
  };
}

function fillLayout(
  layout: TableLayout,
  known: readonly ColumnSchema[],
  existing: ColumnSchema[] | undefined,
): void {
  const existingTypes = new Map((existing ?? []).map((column) => [column.name, column.type]));
  for (const column of [...known, ...metadataColumns]) {
    layout.addColumn(column.name, existingTypes.get(column.name) ?? column.type);
  }
  for (const column of existing ?? []) layout.addColumn(column.name, column.type);
}

import type { TableName } from '../catalog/table-spec.ts';
import type { SourceConfig } from '../config/source-config.ts';
import type { TableState } from '../warehouse/warehouse.ts';
import { defaultFrequency } from './frequency.ts';
import { type TableHealthKind, tableHealth } from './table-health.ts';

/**
 * The health of a table as `status` shows it, judged with the source's schedule for that table
 * (the default frequency when the source or table is unknown).
 */
export function tableHealthLabel(
  state: TableState,
  source: SourceConfig | undefined,
  now: Date = new Date(),
): TableHealthKind {
  const settings = source?.tables[state.table as TableName] ?? { frequency: defaultFrequency };
  const since = source ? new Date(source.createdAt) : now;

  return tableHealth(state, settings, since, now).kind;
}

import { getTableSpec } from '../catalog/catalog.ts';
import type { TableName } from '../catalog/table-spec.ts';
import type { TableSettings } from '../config/source-config.ts';
import { parseSyncMethod } from '../config/sync-method.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { acceptsTimeOfDay, defaultFrequency, parseFrequency } from '../scheduler/frequency.ts';

/** What a page may change of one table; absent fields keep their value. */
export interface TableSettingsPatch {
  enabled?: boolean;
  method?: string;
  frequency?: string;
}

/**
 * Applies a patch to a table's settings (the defaults when it has none): validates the
 * method and frequency, and throws `invalid_request` for fields of the wrong type.
 */
export function applyTableSettings(
  current: TableSettings | undefined,
  patch: unknown,
): TableSettings {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new LightspeedSyncError('invalid_request', 'Table settings must be a JSON object.');
  }

  const { enabled, method, frequency } = patch as Record<string, unknown>;
  if (enabled !== undefined && typeof enabled !== 'boolean') throw wrongType('enabled', 'boolean');
  if (method !== undefined && typeof method !== 'string') throw wrongType('method', 'string');
  if (frequency !== undefined && typeof frequency !== 'string') {
    throw wrongType('frequency', 'string');
  }

  const base = current ?? { enabled: true, method: 'incremental', frequency: defaultFrequency };
  const next: TableSettings = {
    ...base,
    enabled: enabled ?? base.enabled,
    method: method === undefined ? base.method : parseSyncMethod(method),
    frequency: frequency === undefined ? base.frequency : parseFrequency(frequency),
  };
  // A time of day only fits daily or longer frequencies; a change of frequency may drop it.
  if (next.timeOfDay && !acceptsTimeOfDay(next.frequency)) delete next.timeOfDay;

  return next;
}

/** Parses the tables chosen on the import page: `{ sales: { method, frequency }, ... }`. */
export function parseTableSelection(input: unknown): Partial<Record<TableName, TableSettings>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new LightspeedSyncError('invalid_request', '"tables" must map table names to settings.');
  }

  const settings: Partial<Record<TableName, TableSettings>> = {};
  for (const [name, patch] of Object.entries(input)) {
    settings[getTableSpec(name).name] = applyTableSettings(undefined, patch);
  }
  if (!Object.values(settings).some((table) => table.enabled)) {
    throw new LightspeedSyncError('invalid_request', 'Choose at least one table to sync.');
  }

  return settings;
}

function wrongType(field: string, type: string): LightspeedSyncError {
  return new LightspeedSyncError('invalid_request', `"${field}" must be a ${type}.`, {
    details: { field },
  });
}

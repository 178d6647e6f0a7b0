import type { SyncMethod } from '../catalog/table-spec.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** Parses `incremental` or `full_refresh`; throws `invalid_method` for anything else. */
export function parseSyncMethod(input: string): SyncMethod {
  if (input === 'incremental' || input === 'full_refresh') return input;

  throw new LightspeedSyncError(
    'invalid_method',
    `"${input}" is not a sync method. Use incremental or full_refresh.`,
    { details: { method: input } },
  );
}

import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** The schema a source's tables land in when none is given. */
export const defaultSchemaName = 'lightspeed_retail';

const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Returns `name` when it is a plain SQL identifier (lower-case letter or underscore, then
 * letters, digits or underscores, at most 63 characters), or throws `invalid_schema_name`.
 */
export function validateSchemaName(name: string): string {
  if (schemaNamePattern.test(name)) return name;

  throw new LightspeedSyncError(
    'invalid_schema_name',
    `Invalid schema name "${name}": use lower-case letters, digits and underscores, starting ` +
      'with a letter or underscore, at most 63 characters (e.g. lightspeed_retail or store_2).',
    { details: { schema: name } },
  );
}

import { columns } from '../column-type.ts';
import { defineTable, type TableSpec } from '../table-spec.ts';

/** Users: staff accounts. */
export const usersTable: TableSpec = defineTable({
  name: 'users',
  description: 'A staff user account in Lightspeed Retail.',
  path: '/users',
  deletedParam: false,
  columns: columns({
    id: 'text',
    username: 'text',
    display_name: 'text',
    email: 'text',
    email_verified_at: 'timestamptz',
    switch_id: 'text',
    account_type: 'text',
    roles: 'json',
    enabled: 'boolean',
    restricted_outlet_id: 'text',
    restricted_outlet_ids: 'json',
    permissions: 'json',
    rules: 'json',
    is_primary_user: 'boolean',
    image_source: 'text',
    images: 'json',
    target_daily: 'decimal',
    target_weekly: 'decimal',
    target_monthly: 'decimal',
    seen_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    deleted_at: 'timestamptz',
    time_until_deletion: 'bigint',
    enabled_mfa: 'boolean',
    require_password_change: 'boolean',
    version: 'bigint',
  }),
});

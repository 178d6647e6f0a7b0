import { parseArgs } from 'node:util';
import { catalog } from '../../catalog/catalog.ts';
import type { Command } from '../command.ts';
import { formatTextTable } from '../text-table.ts';

/** `lightspeed-sync tables`: the tables that can be synced. */
export const tablesCommand: Command = {
  name: 'tables',
  summary: 'List the tables, their sync methods, incremental field and primary key',
  usage: 'Usage: lightspeed-sync tables [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
    const rows = catalog.map((table) => ({
      table: table.name,
      description: table.description,
      sync_methods: table.syncMethods.map((m) =>
        m === 'full_refresh' ? 'Full refresh' : 'Incremental',
      ),
      incremental_field: table.cursorField,
      primary_key: table.primaryKey,
      child_tables: table.children.map((child) => child.name),
    }));
    if (values.json) {
      io.out(JSON.stringify(rows, null, 2));
      return 0;
    }

    const lines = formatTextTable(
      ['table', 'description', 'sync method', 'incremental field', 'primary key', 'child tables'],
      rows.map((row) => [
        row.table,
        row.description,
        row.sync_methods.join(', '),
        row.incremental_field,
        row.primary_key,
        row.child_tables.join(', '),
      ]),
    );
    for (const line of lines) io.out(line);

    return 0;
  },
};

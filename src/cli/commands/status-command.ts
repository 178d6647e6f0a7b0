import { parseArgs } from 'node:util';
import { resolveWarehouseTarget } from '../../config/resolve-source.ts';
import { tableHealthLabel } from '../../scheduler/table-health-label.ts';
import type { Command } from '../command.ts';
import { openCommandWarehouse, sourceStore } from '../command-context.ts';
import { formatTextTable } from '../text-table.ts';

/** `lightspeed-sync status`: per table the last sync, rows, cursor, state and last error. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'Show per table the last sync, rows, cursor, state and last error',
  usage: `Usage: lightspeed-sync status [--source NAME] [--warehouse URL] [--json]`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        source: { type: 'string' },
        schema: { type: 'string' },
        warehouse: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const target = await resolveWarehouseTarget(
      { source: values.source, warehouse: values.warehouse, schema: values.schema },
      sourceStore(io),
      io.env,
    );
    const source = target.sourceName ? await sourceStore(io).get(target.sourceName) : undefined;
    const warehouse = await openCommandWarehouse(target.warehouseUrl, target.schema, true);
    try {
      const states = await warehouse.listStates();
      const report = [];
      for (const state of states) {
        report.push({
          table: state.table,
          state:
            state.refreshCursor !== null ? 'refresh_in_progress' : (state.lastStatus ?? 'never'),
          health: tableHealthLabel(state, source),
          rows: await warehouse.countRows(state.table),
          cursor: state.cursor,
          last_started_at: state.lastStartedAt,
          last_finished_at: state.lastFinishedAt,
          last_error: state.lastError ? `${state.lastErrorCode}: ${state.lastError}` : null,
        });
      }
      if (values.json) {
        io.out(
          JSON.stringify(
            {
              source: target.sourceName ?? 'default',
              warehouse: warehouse.location,
              tables: report,
            },
            null,
            2,
          ),
        );
        return 0;
      }

      io.out(
        `source ${target.sourceName ?? 'default'} -> ${warehouse.location} ` +
          `(schema ${target.schema})`,
      );
      if (report.length === 0) io.out('No table has been synced yet. Run `lightspeed-sync sync`.');
      else {
        const header = ['table', 'state', 'health', 'rows', 'cursor', 'last sync', 'last error'];
        const rows = report.map((r) => [
          r.table,
          r.state,
          r.health,
          r.rows,
          r.cursor,
          r.last_finished_at ?? r.last_started_at,
          r.last_error,
        ]);
        for (const line of formatTextTable(header, rows)) io.out(line);
      }

      return 0;
    } finally {
      await warehouse.close();
    }
  },
};

import { parseArgs } from 'node:util';
import { getTableSpec, tableNames } from '../../catalog/catalog.ts';
import type { TableName } from '../../catalog/table-spec.ts';
import type { TableSettings } from '../../config/source-config.ts';
import { parseSyncMethod } from '../../config/sync-method.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { defaultFrequency, parseFrequency, parseTimeOfDay } from '../../scheduler/frequency.ts';
import type { Command } from '../command.ts';
import { sourceStore } from '../command-context.ts';
import { formatTextTable } from '../text-table.ts';

/** `lightspeed-sync configure`: changes how a linked source's tables sync. */
export const configureCommand: Command = {
  name: 'configure',
  summary: "Change a linked source's tables: frequency, time of day, method, on or off",
  usage: `Usage: lightspeed-sync configure [TABLE...] [options]

Changes the named tables of a linked source (default: every table) and prints the result.
With no option it only prints the current settings.

Options:
  --source NAME       the linked source (default: the only one)
  --frequency FREQ    5m 15m 30m 1h 6h 12h 24h 7d 30d never
  --time HH:MM        UTC time of day for 24h, 7d and 30d ("any" clears it)
  --method METHOD     incremental or full_refresh
  --enable            sync these tables
  --disable           stop syncing these tables (their data stays)`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        frequency: { type: 'string' },
        time: { type: 'string' },
        method: { type: 'string' },
        enable: { type: 'boolean', default: false },
        disable: { type: 'boolean', default: false },
      },
    });
    if (values.enable && values.disable) {
      throw new LightspeedSyncError('usage', 'Give --enable or --disable, not both.');
    }
    const store = sourceStore(io);
    const sources = await store.list();
    const source = values.source
      ? sources.find((candidate) => candidate.name === values.source)
      : sources.length === 1
        ? sources[0]
        : undefined;
    if (!source) {
      const names = sources.map((candidate) => candidate.name).join(', ') || 'none';
      throw new LightspeedSyncError(
        'unknown_source',
        `Choose a linked source with --source NAME (linked: ${names}).`,
      );
    }

    const tables =
      positionals.length > 0 ? positionals.map((n) => getTableSpec(n).name) : tableNames;
    for (const table of tables) {
      source.tables[table] = changed(source.tables[table], values);
    }
    const changing = Boolean(
      values.frequency || values.time || values.method || values.enable || values.disable,
    );
    if (changing) {
      source.updatedAt = new Date().toISOString();
      await store.save(source);
    }

    const rows = tableNames.map((table: TableName) => {
      const settings = source.tables[table];
      return [
        table,
        settings?.enabled ? 'yes' : 'no',
        settings?.method ?? '',
        settings?.frequency ?? '',
        settings?.timeOfDay ?? '',
      ];
    });
    for (const line of formatTextTable(['table', 'enabled', 'method', 'frequency', 'time'], rows)) {
      io.out(line);
    }
    if (changing) io.out(`\nSaved. A running scheduler picks the change up at its next tick.`);

    return 0;
  },
};

function changed(
  current: TableSettings | undefined,
  values: { frequency?: string; time?: string; method?: string; enable: boolean; disable: boolean },
): TableSettings {
  const next: TableSettings = current
    ? { ...current }
    : { enabled: false, method: 'incremental', frequency: defaultFrequency };
  if (values.frequency) next.frequency = parseFrequency(values.frequency);
  if (values.method) next.method = parseSyncMethod(values.method);
  if (values.enable) next.enabled = true;
  if (values.disable) next.enabled = false;
  if (values.time === 'any') delete next.timeOfDay;
  else if (values.time) next.timeOfDay = parseTimeOfDay(values.time, next.frequency);
  else if (next.timeOfDay) next.timeOfDay = parseTimeOfDay(next.timeOfDay, next.frequency);

  return next;
}

/**
 * Bench child: builds the same store as the bench's fake store (same options, so the same
 * records) and writes the rows the engine would write, flattened page by page by the engine's
 * own transformPage, to one CSV file per warehouse table, for the load floor. Not timed; it
 * skips HTTP so that it costs a fraction of a sync.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../src/catalog/catalog.ts';
import { startFakeStore } from '../src/fake-store/index.ts';
import { buildGroupLayout, groupSchema } from '../src/sync/group-layout.ts';
import { transformPage } from '../src/sync/record-transform.ts';
import type { TableRows } from '../src/warehouse/warehouse.ts';
import { childInput, replyOnce } from './child-rpc.ts';
import { csvLine } from './csv-row.ts';
import type { DumpedTable, RecordDump, RecordDumpInput } from './record-dump.ts';

const input = childInput<RecordDumpInput>();

interface OpenFile {
  stream: WriteStream;
  dumped: DumpedTable;
}

await replyOnce(async (): Promise<RecordDump> => {
  const store = await startFakeStore(input.store);
  const dump: RecordDump = { groups: [], tables: [], droppedValues: 0 };
  const syncedAt = new Date().toISOString();

  for (const spec of catalog) {
    const group = buildGroupLayout(spec, () => undefined);
    const files = new Map<string, OpenFile>();
    for (const records of pagesOf(store.records(spec.name), input.pageSize)) {
      const transformed = transformPage(group, records, syncedAt);
      if (files.size === 0) dump.groups.push(groupSchema(group));

      for (const rows of [transformed.parent, ...transformed.children]) {
        const file = files.get(rows.table) ?? openFile(rows);
        files.set(rows.table, file);
        dump.droppedValues += await writeRows(file, rows);
      }
    }
    for (const file of files.values()) {
      await new Promise<void>((resolve) => file.stream.end(resolve));
      dump.tables.push(file.dumped);
    }
  }

  await store.stop();

  return dump;
});

function* pagesOf<T>(records: Iterable<T>, pageSize: number): Generator<T[]> {
  let page: T[] = [];
  for (const record of records) {
    page.push(record);
    if (page.length < pageSize) continue;

    yield page;
    page = [];
  }
  if (page.length > 0) yield page;
}

function openFile(rows: TableRows): OpenFile {
  const path = join(input.dir, `${rows.table}.csv`);
  const stream = createWriteStream(path);
  stream.write(`${rows.columns.join(',')}\n`);

  return { stream, dumped: { table: rows.table, path, columns: [...rows.columns], rows: 0 } };
}

async function writeRows(file: OpenFile, rows: TableRows): Promise<number> {
  // The file's columns are fixed by its first page; a column first seen later is left out.
  const width = file.dumped.columns.length;
  let dropped = 0;
  let chunk = '';
  for (const row of rows.rows) {
    for (let index = width; index < row.length; index += 1) dropped += row[index] == null ? 0 : 1;
    chunk += csvLine(row, width);
  }
  file.dumped.rows += rows.rows.length;
  if (!file.stream.write(chunk)) {
    await new Promise<void>((resolve) => file.stream.once('drain', resolve));
  }

  return dropped;
}

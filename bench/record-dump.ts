/** Writes a store's records, flattened as the engine flattens them, to local CSV files. */
import { fileURLToPath } from 'node:url';
import type { FakeStoreOptions } from '../src/fake-store/index.ts';
import type { TableGroupSchema } from '../src/warehouse/warehouse.ts';
import { runChildOnce } from './child-rpc.ts';

/** What the dump child is asked to do. */
export interface RecordDumpInput {
  /** The options the bench's fake store was started with. */
  store: FakeStoreOptions;
  /** Records per transformed page, as the sync asks for. */
  pageSize: number;
  /** Directory the CSV files are written to. */
  dir: string;
}

/** One warehouse table's file. */
export interface DumpedTable {
  table: string;
  path: string;
  /** The file's columns, as in its header line. */
  columns: string[];
  rows: number;
}

/** The files and the schemas of the tables they fill. */
export interface RecordDump {
  /** The table groups, with the columns the files have. */
  groups: TableGroupSchema[];
  tables: DumpedTable[];
  /** Values of columns first seen after a file's first page, left out (0 for the fake store). */
  droppedValues: number;
}

const entry = fileURLToPath(new URL('./record-dump-child.ts', import.meta.url));

/** Dumps every table of a store built with `input.store` into `dir`, in a fresh process. */
export function dumpRecords(input: RecordDumpInput): Promise<RecordDump> {
  return runChildOnce<RecordDump>(entry, input);
}

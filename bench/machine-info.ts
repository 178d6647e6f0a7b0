import { cpus, loadavg, totalmem } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { postgresVersion } from './postgres-database.ts';

/** The machine a bench ran on. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  duckdb: string;
  postgres: string;
  /** 1-minute load average when the bench started: above ~0.5 others shared the CPU. */
  loadAverageAtStart: number;
}

/** Describes this machine and the database versions the bench uses. */
export async function describeMachine(withPostgres: boolean): Promise<MachineInfo> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll('SELECT version()');
  const duckdb = String(reader.getRows()[0]?.[0] ?? 'unknown');
  connection.closeSync();
  instance.closeSync();

  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    duckdb,
    postgres: withPostgres ? await postgresVersion() : 'not used',
    loadAverageAtStart: round2(loadavg()[0] ?? 0),
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

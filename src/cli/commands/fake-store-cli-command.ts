import { runFakeStoreCommand } from '../../fake-store/fake-store-command.ts';
import type { Command } from '../command.ts';

/** `lightspeed-sync fake-store`: serves a fake X-Series store over HTTP. */
export const fakeStoreCommand: Command = {
  name: 'fake-store',
  summary: 'Serve a fake Lightspeed Retail X-Series store over HTTP (for demos and tests)',
  usage: `Usage: lightspeed-sync fake-store [--port 4010] [--token demo] [--sales N] [--seed N]
       [--changes-per-second N] [--rate-limit N] [--rate-window-ms MS] [--no-rate-limit]
       [--fault-5xx P] [--fault-429 P] [--fault-truncate P] [--fault-slow P] [--fault-html P]

Point a sync at it with LIGHTSPEED_API_URL=http://127.0.0.1:PORT and LIGHTSPEED_TOKEN.
POST /_fake/changes with {"creates":N,"updates":N,"deletes":N} applies a batch of changes.`,
  run: (argv, io) => runFakeStoreCommand(argv, io.out),
};

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';

const script = `
import { runFakeStoreCommand } from './src/fake-store/fake-store-command.ts';
const print = (line) => process.stdout.write(line + '\\n');
const code = await runFakeStoreCommand(process.argv.slice(1), print);
process.exitCode = code;
`;

test('the fake-store command serves until SIGTERM, then exits 0', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, '--', '--port', '0', '--sales', '50'],
    { cwd: new URL('../..', import.meta.url), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  const listening = new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)\/api\/2\.0/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
  });

  const url = await listening;
  const response = await fetch(`${url}/api/2.0/outlets`, {
    headers: { Authorization: 'Bearer demo-token' },
  });
  assert.equal(response.status, 200);

  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = await exited;
  assert.equal(code, 0);
  assert.match(output, /Fake store stopped/);
});

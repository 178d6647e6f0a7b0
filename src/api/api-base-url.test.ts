import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { normalizeApiBaseUrl } from './api-base-url.ts';

describe('normalizeApiBaseUrl', () => {
  const accepted: [string, string][] = [
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    [' http://localhost:9000/api/2.0 ', 'http://localhost:9000'],
    ['http://localhost:9000/api/2.0/', 'http://localhost:9000'],
    ['https://proxy.example.com/lightspeed/', 'https://proxy.example.com/lightspeed'],
    ['HTTPS://Proxy.Example.com/x/api/2.0', 'https://proxy.example.com/x'],
  ];
  for (const [input, expected] of accepted) {
    it(`normalises ${JSON.stringify(input)} to ${expected}`, () => {
      assert.equal(normalizeApiBaseUrl(input), expected);
    });
  }

  const rejected = [
    'localhost:8080',
    'ftp://example.com',
    'not a url',
    'http://user:secret@example.com',
    'http://example.com/?a=1',
    'http://example.com/#x',
  ];
  for (const input of rejected) {
    it(`rejects ${JSON.stringify(input)} with invalid_api_base_url`, () => {
      assert.throws(
        () => normalizeApiBaseUrl(input),
        (error: unknown) =>
          error instanceof LightspeedSyncError && error.code === 'invalid_api_base_url',
      );
    });
  }

  it('does not repeat a password given in the URL', () => {
    assert.throws(
      () => normalizeApiBaseUrl('http://user:hunter2@example.com'),
      (error: unknown) =>
        error instanceof LightspeedSyncError &&
        !error.message.includes('hunter2') &&
        !JSON.stringify(error).includes('hunter2'),
    );
  });
});

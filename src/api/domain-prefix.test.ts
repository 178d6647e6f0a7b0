import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { normalizeDomainPrefix } from './domain-prefix.ts';

describe('normalizeDomainPrefix', () => {
  const accepted: [string, string][] = [
    ['mystore', 'mystore'],
    [' MyStore ', 'mystore'],
    ['my-store-2', 'my-store-2'],
    ['https://mystore.retail.lightspeed.app', 'mystore'],
    ['mystore.retail.lightspeed.app/api/2.0', 'mystore'],
    ['HTTPS://mystore.retail.lightspeed.app/', 'mystore'],
    ['https://MyStore.retail.lightspeed.app/sell?x=1', 'mystore'],
    ['mystore.vendhq.com', 'mystore'],
    ['https://mystore.vendhq.com/api/2.0/sales', 'mystore'],
  ];
  for (const [input, expected] of accepted) {
    it(`reads ${JSON.stringify(input)} as ${expected}`, () => {
      assert.equal(normalizeDomainPrefix(input), expected);
    });
  }

  const rejected = [
    '',
    '   ',
    'https://evil.example.com',
    'evil.example.com',
    'mystore.retail.lightspeed.app.evil.com',
    'https://evil.com/mystore.retail.lightspeed.app',
    'https://evil.com@mystore.retail.lightspeed.app',
    'https://mystore.retail.lightspeed.app:8443',
    'ftp://mystore.retail.lightspeed.app',
    'my_store',
    'my store',
    '-mystore',
    'mystore-',
    'a.b.retail.lightspeed.app',
    'secure.retail.lightspeed.app',
    'x'.repeat(64),
  ];
  for (const input of rejected) {
    it(`rejects ${JSON.stringify(input)} with invalid_domain_prefix`, () => {
      assert.throws(
        () => normalizeDomainPrefix(input),
        (error: unknown) =>
          error instanceof LightspeedSyncError &&
          error.code === 'invalid_domain_prefix' &&
          error.message.includes('retail.lightspeed.app'),
      );
    });
  }

  it('never turns another host into a prefix', () => {
    assert.throws(() => normalizeDomainPrefix('https://evil.example.com'), /not a Lightspeed/);
  });
});

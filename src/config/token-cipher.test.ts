import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenCipher } from './token-cipher.ts';

test('a sealed token opens with the same secret and hides the token', () => {
  const cipher = new TokenCipher('correct horse battery staple');
  const sealed = cipher.seal('lsxs_at_secret', 'mystore');

  assert.ok(!sealed.includes('lsxs_at_secret'));
  assert.notEqual(sealed, cipher.seal('lsxs_at_secret', 'mystore'));
  assert.equal(cipher.open(sealed, 'mystore'), 'lsxs_at_secret');
});

test('a sealed token refuses another secret, another source or no secret', () => {
  const sealed = new TokenCipher('one').seal('tok', 'mystore');

  assert.throws(() => new TokenCipher('two').open(sealed, 'mystore'), {
    code: 'token_unreadable',
  });
  assert.throws(() => new TokenCipher('one').open(sealed, 'other'), { code: 'token_unreadable' });
  assert.throws(() => new TokenCipher(undefined).open(sealed, 'mystore'), {
    code: 'secret_key_missing',
  });
});

test('without a secret tokens are stored plain and still readable once a secret is set', () => {
  const stored = new TokenCipher(undefined).seal('tok', 'mystore');

  assert.equal(stored, 'plain:tok');
  assert.equal(new TokenCipher('later').open(stored, 'mystore'), 'tok');
});

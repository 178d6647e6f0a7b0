import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimalFits, normalizeDecimalText, numberToDecimalText } from './decimal-text.ts';

test('keeps the decimal text of parsed money values exactly', () => {
  const cases: [string, string][] = [
    ['12.91', '12.91'],
    ['4.30435', '4.30435'],
    ['-25840.85', '-25840.85'],
    ['58.00000', '58'],
    ['495.9000000000', '495.9'],
    ['0.1', '0.1'],
    ['1e21', '1000000000000000000000'],
    ['1.5e-7', '0.00000015'],
    ['-2.5e-9', '-0.0000000025'],
  ];
  for (const [json, expected] of cases) {
    assert.equal(numberToDecimalText(JSON.parse(json)), expected, json);
  }
});

test('refuses non-finite numbers', () => {
  assert.equal(numberToDecimalText(Number.NaN), null);
  assert.equal(numberToDecimalText(Number.POSITIVE_INFINITY), null);
});

test('normalises decimal strings and rejects other text', () => {
  assert.equal(normalizeDecimalText('058.500'), '58.5');
  assert.equal(normalizeDecimalText('-0.000'), '0');
  assert.equal(normalizeDecimalText(' 7 '), '7');
  assert.equal(normalizeDecimalText('1e5'), null);
  assert.equal(normalizeDecimalText('12,50'), null);
  assert.equal(normalizeDecimalText(''), null);
});

test('tells which decimals fit the widest column', () => {
  assert.equal(decimalFits('1.0123456789'), true);
  assert.equal(decimalFits('1.01234567891'), false);
  assert.equal(decimalFits('1'.repeat(28)), true);
  assert.equal(decimalFits(`-${'1'.repeat(29)}`), false);
});

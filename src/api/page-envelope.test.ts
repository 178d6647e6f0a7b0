import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { isPageEnvelope, nextCursor, readPageEnvelope } from './page-envelope.ts';

describe('isPageEnvelope', () => {
  const shapes: [string, unknown, boolean][] = [
    [
      'a data array with a version block',
      { data: [{ id: 'a' }], version: { min: 1, max: 2 } },
      true,
    ],
    ['an empty page with null versions', { data: [], version: { min: null, max: null } }, true],
    ['an empty page without a version block', { data: [] }, true],
    ['a body without data', { version: { min: 1, max: 2 } }, false],
    ['a bare array', [{ id: 'a' }], false],
    ['data that is not an array', { data: { id: 'a' } }, false],
    ['data holding non-objects', { data: [1, 2] }, false],
    ['null', null, false],
    ['a string', 'data', false],
  ];
  for (const [name, body, expected] of shapes) {
    it(`${expected ? 'accepts' : 'rejects'} ${name}`, () => {
      assert.equal(isPageEnvelope(body), expected);
    });
  }
});

describe('nextCursor', () => {
  const records = [{ version: 12 }, { version: 15 }, { version: 9 }];
  const cursors: [string, unknown, number][] = [
    ['version.max when given', { data: records, version: { min: 9, max: 20 } }, 20],
    ['the highest record version without a version block', { data: records }, 15],
    ['the highest record version when version is null', { data: records, version: null }, 15],
    [
      'the highest record version when min and max are null',
      { data: records, version: { min: null, max: null } },
      15,
    ],
  ];
  for (const [name, body, expected] of cursors) {
    it(`takes ${name}`, () => {
      assert.ok(isPageEnvelope(body));
      assert.equal(nextCursor(readPageEnvelope(body), 5, 'sales'), expected);
    });
  }

  const stuck: [string, unknown][] = [
    ['a cursor equal to after', { data: [{ version: 5 }], version: { min: 5, max: 5 } }],
    ['a cursor below after', { data: [{ version: 3 }] }],
    ['records without versions', { data: [{ id: 'a' }] }],
  ];
  for (const [name, body] of stuck) {
    it(`stops with cursor_not_advancing on ${name}`, () => {
      assert.ok(isPageEnvelope(body));
      assert.throws(
        () => nextCursor(readPageEnvelope(body), 5, 'taxes'),
        (error: unknown) =>
          error instanceof LightspeedSyncError &&
          error.code === 'cursor_not_advancing' &&
          error.message.includes('taxes'),
      );
    });
  }
});

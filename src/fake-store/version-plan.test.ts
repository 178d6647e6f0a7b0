import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseVersion, VersionPlan } from './version-plan.ts';

const counts = {
  sales: 5000,
  customers: 1000,
  products: 130,
  inventory: 260,
  outlets: 2,
  registers: 3,
  users: 5,
  taxes: 3,
};

test('base versions rise with the index, leave gaps and exceed 2^32', () => {
  const plan = new VersionPlan(1, counts);
  let previous = 0;
  for (let index = 0; index < counts.sales; index++) {
    const version = plan.versionOf('sales', index);
    assert.ok(version > previous + 1, `gap expected after ${previous}, got ${version}`);
    previous = version;
  }

  assert.ok(plan.versionOf('sales', 0) > 2 ** 32);
  assert.ok(plan.maxBaseVersion < Number.MAX_SAFE_INTEGER / 1000);
});

test('versions are unique across tables, as one global counter', () => {
  const plan = new VersionPlan(3, counts);
  const seen = new Set<number>();
  for (const [table, count] of Object.entries(counts)) {
    for (let index = 0; index < count; index++) {
      const version = plan.versionOf(table as keyof typeof counts, index);
      assert.ok(!seen.has(version), `${table} ${index} reuses ${version}`);
      seen.add(version);
    }
  }
});

test('firstIndexAfter finds the first record above any cursor', () => {
  const plan = new VersionPlan(9, counts);
  const versions = Array.from({ length: counts.customers }, (_, i) =>
    plan.versionOf('customers', i),
  );
  const cursors = [0, baseVersion - 1, ...versions, ...versions.map((v) => v - 1), 2 ** 40];
  for (const after of cursors) {
    const expected = versions.findIndex((version) => version > after);
    const actual = plan.firstIndexAfter('customers', after);
    assert.equal(actual, expected === -1 ? counts.customers : expected, `after ${after}`);
  }
});

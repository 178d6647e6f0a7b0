// Sources: every linked store with the state of its tables at a glance.
import { api } from '../api.js';
import { formatCount, formatRelative, h, logo, mount, statusBadge } from '../dom.js';

/** Renders the list of linked sources; refreshes while any of them syncs. */
export async function renderSourcesPage(root) {
  const { sources } = await api('/api/sources');
  const newButton = h('a', { class: 'button primary', href: '#/sources/new' }, '+ New source');
  mount(
    root,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        {},
        h('h1', {}, 'Sources'),
        h('p', { class: 'sub' }, 'Stores synced into your warehouse.'),
      ),
      newButton,
    ),
    sources.length === 0
      ? emptyState()
      : h('div', { class: 'source-grid' }, sources.map(sourceCard)),
  );

  if (!sources.some((source) => source.syncing)) return undefined;

  const timer = setTimeout(() => renderSourcesPage(root), 2000);
  return () => clearTimeout(timer);
}

function sourceCard(source) {
  const enabled = source.tables.filter((table) => table.enabled);
  const rows = enabled.reduce((sum, table) => sum + table.rows, 0);
  const failed = enabled.filter((table) => table.status === 'failed' || table.status === 'halted');
  const last = enabled
    .map((table) => table.lastSyncAt)
    .filter(Boolean)
    .sort()
    .at(-1);
  const overall = source.syncing
    ? 'syncing'
    : failed.length > 0
      ? failed[0].status
      : last
        ? 'succeeded'
        : 'never';

  return h(
    'a',
    { class: 'card source-card', href: `#/sources/${encodeURIComponent(source.name)}` },
    h('div', { class: 'source-logo' }, logo(26)),
    h(
      'div',
      {},
      h('h2', {}, source.name, ' ', statusBadge(overall)),
      h(
        'p',
        { class: 'muted' },
        `Lightspeed Retail · ${source.domainPrefix}.retail.lightspeed.app`,
      ),
      h(
        'div',
        { class: 'chips' },
        enabled.map((table) =>
          h('span', { class: `badge ${table.status}`, title: table.status }, table.name),
        ),
      ),
    ),
    h(
      'div',
      { class: 'summary' },
      h('div', {}, h('strong', {}, formatCount(rows)), ' rows'),
      h('div', {}, `${enabled.length} of ${source.tables.length} tables`),
      h('div', {}, last ? `Last sync ${formatRelative(last)}` : 'Never synced'),
    ),
  );
}

function emptyState() {
  return h(
    'div',
    { class: 'card empty' },
    h('h2', {}, 'No store linked yet'),
    h(
      'p',
      { class: 'muted' },
      'Link your Lightspeed Retail store to bring its sales, products, customers and stock ' +
        'into your own warehouse.',
    ),
    h('a', { class: 'button primary', href: '#/sources/new' }, '+ New source'),
  );
}

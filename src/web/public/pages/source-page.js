// One source: its tables with state, live progress, settings and actions, and the run history.
import { api } from '../api.js';
import {
  formatCount,
  formatDateTime,
  formatRelative,
  frequencyLabels,
  h,
  methodLabels,
  mount,
  select,
  statusBadge,
} from '../dom.js';

/** Renders a source page and keeps it live until the page is left (returns the cleanup). */
export async function renderSourcePage(root, name) {
  const path = `/api/sources/${encodeURIComponent(name)}`;
  const live = new Map();
  const notice = h('div');
  let view;
  let refreshTimer;
  let pollTimer;

  const refresh = async () => {
    clearTimeout(refreshTimer);
    clearTimeout(pollTimer);
    try {
      view = await api(path);
    } catch (error) {
      mount(
        notice,
        h(
          'div',
          { class: 'alert bad' },
          h('strong', {}, 'Could not load the source'),
          error.message,
        ),
      );
      return;
    }
    for (const table of view.source.tables) if (table.status !== 'syncing') live.delete(table.name);
    draw();
    // Events drive the page; a slow poll while syncing covers a dropped event stream.
    if (view.source.syncing) pollTimer = setTimeout(refresh, 5000);
  };
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 250);
  };

  const startSync = async (button, body) => {
    button.disabled = true;
    mount(notice);
    try {
      const answer = await api(`${path}/sync`, { method: 'POST', body });
      if (!answer.started) {
        mount(
          notice,
          h('div', { class: 'alert info' }, 'Already syncing: following the sync in progress.'),
        );
      }
    } catch (error) {
      mount(
        notice,
        h('div', { class: 'alert bad' }, h('strong', {}, 'The sync did not start'), error.message),
      );
    }
    await refresh();
  };

  const updateTable = async (table, patch) => {
    mount(notice);
    try {
      await api(`${path}/tables/${table}`, { method: 'PATCH', body: patch });
    } catch (error) {
      mount(
        notice,
        h(
          'div',
          { class: 'alert bad' },
          h('strong', {}, 'The change was not saved'),
          error.message,
        ),
      );
    }
    await refresh();
  };

  const draw = () => {
    const { source, runs } = view;
    const syncNow = h(
      'button',
      {
        class: 'button primary',
        id: 'sync-now',
        disabled: source.syncing,
        onclick: (e) => startSync(e.currentTarget, {}),
      },
      source.syncing ? 'Syncing…' : 'Sync now',
    );
    const resyncAll = h(
      'button',
      {
        class: 'button',
        disabled: source.syncing,
        title: 'Rebuild every enabled table from scratch',
        onclick: (e) => startSync(e.currentTarget, { fullRefresh: true }),
      },
      'Resync all',
    );
    const overall = source.syncing ? 'syncing' : worstStatus(source.tables);

    mount(
      root,
      h(
        'div',
        { class: 'page-head' },
        h(
          'div',
          {},
          h(
            'div',
            { class: 'crumbs' },
            h('a', { href: '#/sources' }, 'Sources'),
            ` / ${source.name}`,
          ),
          h('h1', {}, source.name, ' ', statusBadge(overall)),
          h(
            'p',
            { class: 'sub' },
            `Lightspeed Retail · ${source.domainPrefix}.retail.lightspeed.app`,
          ),
        ),
        h('div', { class: 'actions' }, resyncAll, syncNow),
      ),
      notice,
      source.warehouseError
        ? h(
            'div',
            { class: 'alert bad' },
            h('strong', {}, 'The warehouse cannot be read'),
            source.warehouseError.message,
          )
        : null,
      h(
        'div',
        { class: 'card facts' },
        fact('Store', `${source.domainPrefix}.retail.lightspeed.app`),
        fact('Warehouse', source.warehouse),
        fact('Schema', source.schema),
        fact('Linked', formatDateTime(source.createdAt)),
      ),
      tablesCard(source),
      historyCard(runs),
    );
  };

  const tablesCard = (source) =>
    h(
      'div',
      { class: 'card flush' },
      h(
        'div',
        { class: 'card-head' },
        h('h2', {}, 'Tables'),
        h(
          'span',
          { class: 'faint' },
          'Tables sync on their schedule while the app or lightspeed-sync run is running',
        ),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { id: 'tables', class: 'compact' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [
                '',
                'Table',
                'State',
                'Rows',
                'Last sync',
                'Next sync',
                'Method',
                'Frequency',
                '',
              ].map((label, i) => h('th', { class: i === 3 ? 'num nowrap' : 'nowrap' }, label)),
            ),
          ),
          h(
            'tbody',
            {},
            source.tables.map((table) => tableRow(table)),
          ),
        ),
      ),
    );

  const tableRow = (table) => {
    const syncing = table.status === 'syncing';
    const progress = live.get(table.name);
    const stateCell = h('td', {}, statusBadge(table.status));
    if (syncing) {
      stateCell.append(
        h('div', { class: 'progress' }, h('span')),
        h('div', { class: 'faint', 'data-progress': table.name }, progressText(progress)),
      );
    }
    const nameCell = h(
      'td',
      { class: 'name-cell' },
      h('div', { class: 'table-name' }, table.name),
      h('div', { class: 'faint' }, table.description),
    );
    if (table.lastError && !syncing) {
      nameCell.append(h('div', { class: 'row-error' }, errorInWords(table.lastError)));
    }

    return h(
      'tr',
      { 'data-table': table.name, 'data-status': table.status, class: table.status },
      h(
        'td',
        {},
        h('input', {
          type: 'checkbox',
          class: 'checkbox',
          checked: table.enabled,
          title: table.enabled ? 'Synced: untick to disable' : 'Disabled: tick to sync it',
          'aria-label': `Sync ${table.name}`,
          onchange: (event) => updateTable(table.name, { enabled: event.target.checked }),
        }),
      ),
      nameCell,
      stateCell,
      h('td', { class: 'num dim' }, formatCount(table.rows)),
      h(
        'td',
        { class: 'nowrap dim', title: formatDateTime(table.lastSyncAt) },
        formatRelative(table.lastSyncAt),
      ),
      h(
        'td',
        { class: 'nowrap dim', title: formatDateTime(table.nextSyncAt) },
        nextSyncText(table),
      ),
      h(
        'td',
        {},
        select(methodLabels, table.method, (method) => updateTable(table.name, { method }), {
          'aria-label': `${table.name} sync method`,
        }),
      ),
      h(
        'td',
        {},
        select(
          frequencyLabels,
          table.frequency,
          (frequency) => updateTable(table.name, { frequency }),
          { 'aria-label': `${table.name} frequency` },
        ),
      ),
      h(
        'td',
        {},
        h(
          'div',
          { class: 'cell-actions' },
          h(
            'button',
            {
              class: 'button small',
              disabled: syncing || !table.enabled,
              onclick: (e) => startSync(e.currentTarget, { tables: [table.name] }),
            },
            'Sync',
          ),
          h(
            'button',
            {
              class: 'button small',
              disabled: syncing || !table.enabled,
              title: 'Rebuild from scratch',
              onclick: (e) =>
                startSync(e.currentTarget, { tables: [table.name], fullRefresh: true }),
            },
            'Resync',
          ),
        ),
      ),
    );
  };

  const events = new EventSource(`${path}/events`);
  events.addEventListener('run_started', refreshSoon);
  events.addEventListener('run_finished', refreshSoon);
  events.addEventListener('sync', (message) => {
    const { event } = JSON.parse(message.data);
    if (event.type === 'table_started') live.set(event.table, { rows: 0, retry: null });
    if (event.type === 'checkpoint_committed')
      live.set(event.table, { rows: event.totalRows, retry: null });
    if (event.type === 'retry_scheduled' && event.table) {
      live.set(event.table, { ...(live.get(event.table) ?? { rows: 0 }), retry: event.reason });
    }
    const label = event.table && document.querySelector(`[data-progress="${event.table}"]`);
    if (label) label.textContent = progressText(live.get(event.table));
    if (event.type === 'table_finished' || event.type === 'table_failed') refreshSoon();
  });

  await refresh();

  return () => {
    events.close();
    clearTimeout(refreshTimer);
    clearTimeout(pollTimer);
  };
}

function fact(label, value) {
  return h(
    'div',
    { class: 'fact' },
    h('div', { class: 'label' }, label),
    h('div', { class: 'value' }, value),
  );
}

function progressText(progress) {
  if (!progress) return 'Starting…';
  const rows = `${formatCount(progress.rows)} rows so far`;

  return progress.retry ? `${rows} · waiting: ${progress.retry}` : rows;
}

function nextSyncText(table) {
  if (!table.enabled) return '—';
  if (table.frequency === 'never') return 'Manual';
  if (!table.nextSyncAt) return '—';
  if (Date.parse(table.nextSyncAt) <= Date.now()) return 'Due now';

  return formatRelative(table.nextSyncAt);
}

function worstStatus(tables) {
  const enabled = tables.filter((table) => table.enabled);
  for (const status of ['failed', 'halted', 'never']) {
    if (enabled.some((table) => table.status === status)) return status;
  }

  return enabled.length > 0 ? 'succeeded' : 'disabled';
}

/** What went wrong in words a store owner understands, with the detail after it. */
function errorInWords(error) {
  const summaries = {
    invalid_token: 'Lightspeed no longer accepts the token: link the store again with a new one.',
    permission_denied:
      'The token may not read this data (admin access and the Plus plan are needed).',
    store_not_found: 'Lightspeed knows no store at this address.',
    lightspeed_unavailable: 'Lightspeed was busy or down; the next sync tries again.',
    network_unreachable: 'Lightspeed could not be reached; check the network.',
  };

  return `${summaries[error.code] ?? 'The last sync failed.'} (${error.code}: ${error.message})`;
}

function historyCard(runs) {
  const body =
    runs.length === 0
      ? h('p', { class: 'muted empty' }, 'No finished sync yet.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { id: 'history' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Table', 'Result', 'Started', 'Took', 'Rows', 'Error'].map((label, i) =>
                  h('th', { class: i === 4 ? 'num' : '' }, label),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              runs.map((run) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'table-name' }, run.table),
                  h('td', {}, statusBadge(run.status)),
                  h('td', {}, formatDateTime(run.startedAt)),
                  h('td', {}, duration(run.startedAt, run.finishedAt)),
                  h('td', { class: 'num' }, run.rows === undefined ? '—' : formatCount(run.rows)),
                  h('td', { class: 'faint' }, run.errorMessage ?? ''),
                ),
              ),
            ),
          ),
        );

  return h(
    'div',
    { class: 'card flush' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Sync history')),
    body,
  );
}

function duration(startedAt, finishedAt) {
  if (!finishedAt) return '—';
  const seconds = (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000;

  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}

// New source: pick Lightspeed Retail, enter the store and token, choose tables, import.
import { api } from '../api.js';
import { frequencyLabels, h, logo, methodLabels, mount, select } from '../dom.js';

/** Titles of the credential failures, by the server's error code. */
const failureTitles = {
  invalid_domain_prefix: 'That is not a store address',
  missing_token: 'The personal token is missing',
  invalid_token: 'Lightspeed does not accept this token',
  permission_denied: 'This token may not read the store',
  store_not_found: 'No store at this address',
  lightspeed_unavailable: 'Lightspeed is busy',
  network_unreachable: 'Lightspeed cannot be reached',
  server_unreachable: 'The app server does not answer',
};

/** Renders the list of source types a store owner can link. */
export function renderSourceTypesPage(root) {
  mount(
    root,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        {},
        h('div', { class: 'crumbs' }, h('a', { href: '#/sources' }, 'Sources'), ' / New source'),
        h('h1', {}, 'New source'),
        h('p', { class: 'sub' }, 'Choose where your data comes from.'),
      ),
    ),
    h(
      'div',
      { class: 'card connector' },
      h('div', { class: 'source-logo' }, logo(26)),
      h(
        'div',
        {},
        h('h2', {}, 'Lightspeed Retail', h('span', { class: 'tag' }, 'Alpha')),
        h(
          'p',
          { class: 'muted' },
          'X-Series point of sale: sales, customers, products, inventory, outlets, registers, ' +
            'users and taxes.',
        ),
      ),
      h('a', { class: 'button primary', href: '#/sources/new/lightspeed-retail' }, 'Link'),
    ),
  );
}

/** Renders the two-step form that links a Lightspeed Retail store. */
export async function renderNewSourcePage(root) {
  const catalog = await api('/api/catalog');
  const state = { domainPrefix: '', token: '', tables: {} };
  for (const table of catalog.tables) {
    state.tables[table.name] = {
      enabled: true,
      method: 'incremental',
      frequency: catalog.defaultFrequency,
    };
  }

  showCredentialsStep(root, state, catalog);
}

function header(step) {
  const steps = ['1 · Credentials', '2 · Tables'];

  return h(
    'div',
    { class: 'page-head' },
    h(
      'div',
      {},
      h(
        'div',
        { class: 'crumbs' },
        h('a', { href: '#/sources' }, 'Sources'),
        ' / ',
        h('a', { href: '#/sources/new' }, 'New source'),
        ' / Lightspeed Retail',
      ),
      h('h1', {}, 'Link Lightspeed Retail'),
      h(
        'div',
        { class: 'steps' },
        steps.map((label, index) => h('span', { class: index === step ? 'current' : '' }, label)),
      ),
    ),
  );
}

function failureAlert(error) {
  return h(
    'div',
    { class: 'alert bad', role: 'alert', 'data-code': error.code },
    h('strong', {}, failureTitles[error.code] ?? 'That did not work'),
    h('span', {}, error.message),
  );
}

function showCredentialsStep(root, state, catalog) {
  const alertSlot = h('div');
  const preview = h('p', { class: 'prefix-preview', id: 'prefix-preview' });
  const prefixInput = h('input', {
    id: 'domain-prefix',
    type: 'text',
    value: state.domainPrefix,
    placeholder: 'mystore',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
  });
  const tokenInput = h('input', {
    id: 'token',
    type: 'password',
    value: state.token,
    autocomplete: 'off',
    required: true,
  });
  const next = h('button', { class: 'button primary', type: 'submit', id: 'next' }, 'Next');

  let typed = 0;
  const updatePreview = async () => {
    const input = prefixInput.value.trim();
    const mine = ++typed;
    if (!input) {
      preview.className = 'prefix-preview';
      mount(preview);
      return;
    }
    try {
      const { domainPrefix } = await api(`/api/domain-prefix?input=${encodeURIComponent(input)}`);
      if (mine !== typed) return;
      preview.className = 'prefix-preview ok';
      mount(
        preview,
        '✓ Store ',
        h('strong', {}, domainPrefix),
        `: https://${domainPrefix}.retail.lightspeed.app`,
      );
    } catch {
      if (mine !== typed) return;
      preview.className = 'prefix-preview bad';
      mount(
        preview,
        'Not a store address: enter the part before .retail.lightspeed.app, ' +
          'or paste the store URL.',
      );
    }
  };
  prefixInput.addEventListener('input', updatePreview);

  const form = h(
    'form',
    { class: 'card form-narrow', novalidate: true },
    h(
      'ul',
      { class: 'prereq' },
      h('li', {}, 'A Lightspeed Retail (X-Series) account on the Plus plan or above.'),
      h('li', {}, 'Admin access, to create a personal token under Setup › Personal Tokens.'),
    ),
    alertSlot,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'domain-prefix' }, 'Domain prefix'),
      h('div', { class: 'input-suffix' }, prefixInput, h('span', {}, '.retail.lightspeed.app')),
      h(
        'p',
        { class: 'hint' },
        'The subdomain of your store URL. You can also paste the full URL.',
      ),
      preview,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'token' }, 'Personal token'),
      tokenInput,
      h('p', { class: 'hint' }, 'Kept on this computer only; it is never shown again.'),
    ),
    h(
      'div',
      { class: 'actions' },
      next,
      h('a', { class: 'button', href: '#/sources/new' }, 'Back'),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(alertSlot);
    next.disabled = true;
    next.textContent = 'Checking…';
    try {
      const { domainPrefix } = await api('/api/credentials/check', {
        method: 'POST',
        body: { domainPrefix: prefixInput.value, token: tokenInput.value },
      });
      state.domainPrefix = domainPrefix;
      state.token = tokenInput.value;
      showTablesStep(root, state, catalog);
    } catch (error) {
      mount(alertSlot, failureAlert(error));
      next.disabled = false;
      next.textContent = 'Next';
    }
  });

  mount(root, header(0), form);
  if (state.domainPrefix) updatePreview();
  prefixInput.focus();
}

function showTablesStep(root, state, catalog) {
  const alertSlot = h('div');
  const importButton = h(
    'button',
    { class: 'button primary', type: 'submit', id: 'import' },
    'Import',
  );
  const count = h('span', { class: 'muted' });
  const updateCount = () => {
    const chosen = Object.values(state.tables).filter((table) => table.enabled).length;
    count.textContent = `${chosen} of ${catalog.tables.length} tables selected`;
    importButton.disabled = chosen === 0;
  };

  const rows = catalog.tables.map((table) => {
    const settings = state.tables[table.name];
    const row = h('tr', { class: settings.enabled ? '' : 'off' });
    const box = h('input', {
      type: 'checkbox',
      class: 'checkbox',
      checked: settings.enabled,
      'aria-label': `Sync ${table.name}`,
      'data-table': table.name,
      onchange: (event) => {
        settings.enabled = event.target.checked;
        row.className = settings.enabled ? '' : 'off';
        updateCount();
      },
    });
    mount(
      row,
      h('td', {}, box),
      h(
        'td',
        { class: 'dim' },
        h('div', { class: 'table-name' }, table.name),
        h('div', { class: 'faint' }, table.description),
      ),
      h(
        'td',
        { class: 'dim' },
        select(methodLabels, settings.method, (value) => (settings.method = value), {
          'aria-label': `${table.name} sync method`,
        }),
      ),
      h(
        'td',
        { class: 'dim' },
        select(frequencyLabels, settings.frequency, (value) => (settings.frequency = value), {
          'aria-label': `${table.name} frequency`,
        }),
      ),
    );
    return row;
  });

  const form = h(
    'form',
    { class: 'card flush' },
    h(
      'div',
      { class: 'card-head' },
      h(
        'div',
        {},
        h('h2', {}, 'Select tables'),
        h('p', { class: 'faint' }, `Store ${state.domainPrefix} · token accepted`),
      ),
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'table-picker' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, ''),
            h('th', {}, 'Table'),
            h('th', {}, 'Sync method'),
            h('th', {}, 'Frequency'),
          ),
        ),
        h('tbody', {}, rows),
      ),
    ),
    h(
      'div',
      { class: 'form-foot' },
      count,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            class: 'button',
            type: 'button',
            onclick: () => showCredentialsStep(root, state, catalog),
          },
          'Back',
        ),
        importButton,
      ),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    mount(alertSlot);
    importButton.disabled = true;
    importButton.textContent = 'Importing…';
    const tables = Object.fromEntries(
      Object.entries(state.tables).filter(([, table]) => table.enabled),
    );
    try {
      const { source } = await api('/api/sources', {
        method: 'POST',
        body: { domainPrefix: state.domainPrefix, token: state.token, tables },
      });
      state.token = '';
      location.hash = `#/sources/${encodeURIComponent(source.name)}`;
    } catch (error) {
      mount(alertSlot, failureAlert(error));
      importButton.textContent = 'Import';
      updateCount();
    }
  });

  mount(root, header(1), alertSlot, form);
  updateCount();
}

// The app shell: a hash router that renders one page at a time into <main id="app">.
import { api } from './api.js';
import { h, mount } from './dom.js';
import { renderNewSourcePage, renderSourceTypesPage } from './pages/new-source-page.js';
import { renderQueryPage } from './pages/query-page.js';
import { renderSourcePage } from './pages/source-page.js';
import { renderSourcesPage } from './pages/sources-page.js';

const root = document.getElementById('app');
let leavePage = () => {};

const routes = [
  [/^#\/sources\/new$/, () => renderSourceTypesPage(root)],
  [/^#\/sources\/new\/lightspeed-retail$/, () => renderNewSourcePage(root)],
  [/^#\/sources\/([^/]+)$/, (name) => renderSourcePage(root, decodeURIComponent(name))],
  [/^#\/query$/, () => renderQueryPage(root)],
  [/^#\/sources$/, () => renderSourcesPage(root)],
];

async function render() {
  leavePage();
  leavePage = () => {};
  const hash = location.hash || '#/sources';
  const section = hash.startsWith('#/query') ? 'query' : 'sources';
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('active', link.dataset.nav === section);
  }

  const route = routes.find(([pattern]) => pattern.test(hash));
  if (!route) {
    location.hash = '#/sources';
    return;
  }
  try {
    const leave = await route[1](...route[0].exec(hash).slice(1));
    if (typeof leave === 'function') leavePage = leave;
  } catch (error) {
    mount(
      root,
      h('div', { class: 'alert bad' }, h('strong', {}, 'Something went wrong'), error.message),
    );
  }
}

async function start() {
  const session = await api('/api/session').catch(() => ({ required: false, authorized: true }));
  if (session.required && !session.authorized) {
    location.href = '/login.html';
    return;
  }
  window.addEventListener('hashchange', render);
  await render();
}

start();

// Tiny DOM and formatting helpers shared by the pages.

/** Creates an element: h('a', { href, class: 'x', onclick }, child, 'text', ...). */
export function h(tag, attributes = {}, ...children) {
  const svg = ['svg', 'g', 'path', 'rect', 'line', 'text', 'circle', 'polyline', 'title'];
  const element = svg.includes(tag)
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value' || name === 'checked' || name === 'disabled') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  return element;
}

/** Replaces an element's children. */
export function mount(element, ...children) {
  element.replaceChildren(...children.flat().filter((child) => child != null && child !== false));
}

const numberFormat = new Intl.NumberFormat();

/** Formats a count with thousands separators. */
export function formatCount(value) {
  return numberFormat.format(Number(value) || 0);
}

/** "3 minutes ago", "in 5 hours", or "—" for nothing. */
export function formatRelative(iso) {
  if (!iso) return '—';

  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  const units = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }

  return Math.abs(seconds) < 10 ? 'just now' : format.format(seconds, 'second');
}

/** A full local date and time, for tooltips and history. */
export function formatDateTime(iso) {
  if (!iso) return '—';

  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Names of the sync frequencies as a store owner reads them. */
export const frequencyLabels = {
  '5m': 'Every 5 minutes',
  '15m': 'Every 15 minutes',
  '30m': 'Every 30 minutes',
  '1h': 'Every hour',
  '6h': 'Every 6 hours',
  '12h': 'Every 12 hours',
  '24h': 'Daily',
  '7d': 'Weekly',
  '30d': 'Monthly',
  never: 'Manual only',
};

/** Names of the sync methods. */
export const methodLabels = { incremental: 'Incremental', full_refresh: 'Full refresh' };

/** A select whose options come from a label map. */
export function select(labels, current, onchange, attributes = {}) {
  return h(
    'select',
    { onchange: (event) => onchange(event.target.value), ...attributes },
    Object.entries(labels).map(([value, label]) =>
      h('option', { value, selected: value === current }, label),
    ),
  );
}

/** The status badge of a table. */
export function statusBadge(status) {
  const labels = {
    syncing: 'Syncing',
    succeeded: 'Synced',
    failed: 'Failed',
    halted: 'Halted',
    never: 'Not synced yet',
    disabled: 'Disabled',
  };

  return h('span', { class: `badge ${status}` }, labels[status] ?? status);
}

/** The app's mark, drawn inline so no request is needed. */
export function logo(size = 26) {
  return h(
    'svg',
    { viewBox: '7 7 18 18', width: size, height: size, 'aria-hidden': 'true' },
    h('path', {
      d: 'M9 21.5c2.5-7 6-11 14-12.5-3 2.6-5 5.4-6 9 2-.6 3.7-1.6 5.3-3-1.4 5.3-5.5 8.3-13.3 6.5z',
      fill: '#f5b942',
    }),
  );
}

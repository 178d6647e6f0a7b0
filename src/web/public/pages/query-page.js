// Query: read-only SQL over the warehouse, shown as a chart and a table.
import { api } from '../api.js';
import { renderChart } from '../chart.js';
import { formatCount, h, mount } from '../dom.js';

/**
 * Starter queries. They run on DuckDB and PostgreSQL alike: date_trunc and CAST work in both
 * (strftime and to_char do not).
 */
const starters = [
  {
    title: 'Revenue by outlet and month',
    sql: `SELECT o.name AS outlet,
       CAST(date_trunc('month', s.sale_date) AS DATE) AS month,
       SUM(s.total_price) AS revenue
FROM sales s
JOIN outlets o ON o.id = s.outlet_id
WHERE s.status <> 'VOIDED' AND s.deleted_at IS NULL
GROUP BY 1, 2
ORDER BY 2, 1`,
  },
  {
    title: 'Top products',
    sql: `SELECT p.name AS product,
       SUM(li.quantity) AS units,
       SUM(li.total_price) AS revenue
FROM sales_line_items li
JOIN sales s ON s.id = li.sale_id
JOIN products p ON p.id = li.product_id
WHERE s.status <> 'VOIDED'
GROUP BY p.name
ORDER BY revenue DESC
LIMIT 10`,
  },
  {
    title: 'Stock below reorder point',
    sql: `SELECT p.name AS product,
       o.name AS outlet,
       i.inventory_level AS in_stock,
       i.reorder_point
FROM inventory i
JOIN products p ON p.id = i.product_id
JOIN outlets o ON o.id = i.outlet_id
WHERE i.reorder_point IS NOT NULL
  AND i.inventory_level < i.reorder_point
ORDER BY i.reorder_point - i.inventory_level DESC
LIMIT 50`,
  },
];

let lastSql = starters[0].sql;

/** Renders the query page. */
export async function renderQueryPage(root) {
  const { sources } = await api('/api/sources');
  let source = sources[0]?.name;
  const editor = h('textarea', {
    id: 'sql',
    rows: 11,
    spellcheck: 'false',
    'aria-label': 'SQL query',
  });
  editor.value = lastSql;
  const runButton = h('button', { class: 'button primary', id: 'run-query' }, 'Run');
  const status = h(
    'span',
    { class: 'faint', id: 'query-status' },
    'Ctrl+Enter runs the query. Read-only.',
  );
  const output = h('div', { id: 'query-output' });
  const tableList = h('ul', { class: 'table-list' });

  const run = async () => {
    lastSql = editor.value;
    runButton.disabled = true;
    status.textContent = 'Running…';
    try {
      const result = await api('/api/query', {
        method: 'POST',
        body: { sql: editor.value, source },
      });
      const shown = `${formatCount(result.rows.length)} row${result.rows.length === 1 ? '' : 's'}`;
      const cut = result.truncated ? ' (first 1,000)' : '';
      status.textContent = `${shown}${cut} in ${result.durationMs} ms`;
      mount(output, resultView(result));
    } catch (error) {
      status.textContent = 'The query failed.';
      mount(
        output,
        h(
          'div',
          { class: 'alert bad', role: 'alert' },
          h(
            'strong',
            {},
            error.code === 'query_refused' ? 'Only reading is allowed here' : 'Query failed',
          ),
          error.message,
        ),
      );
    } finally {
      runButton.disabled = false;
    }
  };
  runButton.addEventListener('click', run);
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });

  const loadTables = async () => {
    try {
      const { tables } = await api(
        `/api/query/tables${source ? `?source=${encodeURIComponent(source)}` : ''}`,
      );
      mount(
        tableList,
        tables.length === 0
          ? h('li', { class: 'faint' }, 'No tables yet: sync a source first.')
          : tables.map((table) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    onclick: () => {
                      editor.value = `SELECT *\nFROM ${table}\nLIMIT 100`;
                      run();
                    },
                  },
                  table,
                ),
              ),
            ),
      );
    } catch (error) {
      mount(tableList, h('li', { class: 'faint' }, error.message));
    }
  };

  const sourcePicker =
    sources.length > 1
      ? h(
          'select',
          {
            'aria-label': 'Source',
            onchange: (event) => {
              source = event.target.value;
              loadTables();
            },
          },
          sources.map((s) => h('option', { value: s.name }, s.name)),
        )
      : null;

  mount(
    root,
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        {},
        h('h1', {}, 'Query'),
        h(
          'p',
          { class: 'sub' },
          'Ask your store data questions in SQL. Nothing here can change it.',
        ),
      ),
      sourcePicker,
    ),
    h(
      'div',
      { class: 'query-layout' },
      h('aside', { class: 'card' }, h('h2', {}, 'Tables'), tableList),
      h(
        'div',
        {},
        h(
          'div',
          { class: 'card' },
          h(
            'div',
            { class: 'starters' },
            starters.map((starter) =>
              h(
                'button',
                {
                  class: 'button small',
                  type: 'button',
                  onclick: () => {
                    editor.value = starter.sql;
                    run();
                  },
                },
                starter.title,
              ),
            ),
          ),
          editor,
          h('div', { class: 'editor-foot' }, status, runButton),
        ),
        output,
      ),
    ),
  );
  await loadTables();
}

function resultView(result) {
  const chart = renderChart(result.columns, result.rows);
  // Decimals arrive as text to keep their digits; a column of numbers aligns right.
  const numeric = result.columns.map((_, i) =>
    result.rows.every(
      (row) => row[i] === null || (row[i] !== '' && Number.isFinite(Number(row[i]))),
    ),
  );

  return [
    chart
      ? h(
          'div',
          { class: 'card' },
          chart.svg,
          chart.legend.length > 1
            ? h(
                'div',
                { class: 'legend' },
                chart.legend.map((item) => h('span', {}, swatch(item.color), item.name)),
              )
            : null,
        )
      : null,
    h(
      'div',
      { class: 'card flush' },
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'results', id: 'results' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              result.columns.map((column, i) =>
                h('th', { class: numeric[i] ? 'num' : '' }, column),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            result.rows.map((row) =>
              h(
                'tr',
                {},
                row.map((value, i) => cell(value, numeric[i])),
              ),
            ),
          ),
        ),
      ),
    ),
  ];
}

function cell(value, numeric) {
  if (value === null) return h('td', { class: 'null' }, 'null');

  return h('td', { class: numeric ? 'num' : '', title: String(value) }, String(value));
}

function swatch(color) {
  return h(
    'svg',
    { width: 10, height: 10, class: 'swatch', 'aria-hidden': 'true' },
    h('rect', { width: 10, height: 10, rx: 3, fill: color }),
  );
}

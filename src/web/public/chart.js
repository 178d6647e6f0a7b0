// Draws a query result as an inline SVG chart: lines over dates, bars over categories.
import { h } from './dom.js';

const palette = [
  '#2f6fed',
  '#f5a524',
  '#17864b',
  '#c2342b',
  '#7c4dff',
  '#0ea5b7',
  '#db2777',
  '#64748b',
];
const width = 820;
const height = 280;
const margin = { top: 16, right: 16, bottom: 44, left: 64 };
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

const isNumeric = (value) => value !== null && value !== '' && Number.isFinite(Number(value));
const isDate = (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);

/**
 * Returns `{ svg, legend }` for a result whose shape suits a chart, or null. Shapes: a label
 * column and number columns (bars, or lines when the labels are dates); or a category, a
 * date and a number (one line per category).
 */
export function renderChart(columns, rows) {
  if (rows.length < 2 || rows.length > 500) return null;

  const kinds = columns.map((_, i) => {
    const values = rows.map((row) => row[i]).filter((value) => value !== null);
    if (values.length === 0) return 'empty';
    if (values.every(isNumeric) && !/(^|_)id$/i.test(columns[i])) return 'number';
    return values.every(isDate) ? 'date' : 'text';
  });
  const numbers = kinds.flatMap((kind, i) => (kind === 'number' ? [i] : []));
  const labels = kinds.flatMap((kind, i) => (kind === 'text' || kind === 'date' ? [i] : []));
  if (numbers.length === 0 || labels.length === 0) return null;

  const dateIndex = kinds.indexOf('date');
  if (labels.length >= 2 && dateIndex >= 0) {
    const category = labels.find((i) => i !== dateIndex);
    return seriesChart(rows, dateIndex, numbers[0], (row) => String(row[category]));
  }
  if (dateIndex >= 0) {
    return seriesChart(rows, dateIndex, numbers[0], () => columns[numbers[0]]);
  }

  // The measure usually comes last (SELECT name, count, revenue ... ORDER BY revenue).
  const measure = numbers.at(-1);
  return barChart(rows.slice(0, 30), labels[0], measure, columns[measure]);
}

function scaleY(max) {
  const top = niceCeiling(max);
  const plot = height - margin.top - margin.bottom;

  return { top, y: (value) => margin.top + plot - (Math.max(0, value) / top) * plot };
}

function niceCeiling(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * power >= value) ?? 10;

  return step * power;
}

function frame(scale) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * scale.top);

  return ticks.map((tick) =>
    h(
      'g',
      {},
      h('line', {
        class: 'axis',
        x1: margin.left,
        x2: width - margin.right,
        y1: scale.y(tick),
        y2: scale.y(tick),
      }),
      h(
        'text',
        { x: margin.left - 8, y: scale.y(tick) + 4, 'text-anchor': 'end' },
        compact.format(tick),
      ),
    ),
  );
}

function svg(children, label) {
  return h(
    'svg',
    { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    children,
  );
}

function barChart(rows, labelIndex, valueIndex, valueName) {
  const values = rows.map((row) => Math.max(0, Number(row[valueIndex])));
  const scale = scaleY(Math.max(...values));
  const slot = (width - margin.left - margin.right) / rows.length;
  const bar = Math.min(48, slot * 0.7);
  const every = Math.ceil(rows.length / 12);

  const bars = rows.map((row, i) => {
    const x = margin.left + slot * i + (slot - bar) / 2;
    const y = scale.y(values[i]);
    const label = String(row[labelIndex] ?? '∅');
    return h(
      'g',
      {},
      h(
        'rect',
        { x, y, width: bar, height: Math.max(1, scale.y(0) - y), rx: 3, fill: palette[0] },
        h('title', {}, `${label}: ${row[valueIndex]}`),
      ),
      i % every === 0
        ? h(
            'text',
            { x: x + bar / 2, y: height - margin.bottom + 16, 'text-anchor': 'middle' },
            shorten(label, Math.floor((slot * every) / 6.5)),
          )
        : null,
    );
  });

  return {
    svg: svg([...frame(scale), ...bars], `${valueName} by ${rows.length} labels`),
    legend: [],
  };
}

function seriesChart(rows, xIndex, valueIndex, seriesOf) {
  const xs = [...new Set(rows.map((row) => String(row[xIndex]).slice(0, 10)))].sort();
  const series = new Map();
  for (const row of rows) {
    const name = seriesOf(row);
    if (!series.has(name)) series.set(name, new Map());
    const points = series.get(name);
    const x = String(row[xIndex]).slice(0, 10);
    points.set(x, (points.get(x) ?? 0) + Number(row[valueIndex] ?? 0));
  }
  const names = [...series.keys()].slice(0, palette.length);
  const max = Math.max(...names.flatMap((name) => [...series.get(name).values()]));
  const scale = scaleY(max);
  const step = xs.length > 1 ? (width - margin.left - margin.right) / (xs.length - 1) : 0;
  const xOf = (x) => margin.left + xs.indexOf(x) * step;
  const every = Math.ceil(xs.length / 10);

  const lines = names.map((name, i) => {
    const points = [...series.get(name).entries()].sort(([a], [b]) => a.localeCompare(b));
    return h('polyline', {
      points: points.map(([x, value]) => `${xOf(x)},${scale.y(value)}`).join(' '),
      fill: 'none',
      stroke: palette[i],
      'stroke-width': 2.5,
      'stroke-linejoin': 'round',
    });
  });
  const labels = xs.map((x, i) =>
    i % every === 0
      ? h(
          'text',
          { x: xOf(x), y: height - margin.bottom + 16, 'text-anchor': 'middle' },
          x.slice(0, 7),
        )
      : null,
  );

  return {
    svg: svg(
      [...frame(scale), ...lines, ...labels],
      `${names.length} series over ${xs.length} dates`,
    ),
    legend: names.map((name, i) => ({ name, color: palette[i] })),
  };
}

function shorten(text, room) {
  const fit = Math.max(4, room);

  return text.length > fit ? `${text.slice(0, fit - 1)}…` : text;
}

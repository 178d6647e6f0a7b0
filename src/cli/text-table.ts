/** Formats rows as an aligned plain-text table with a header line. */
export function formatTextTable(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): string[] {
  const cells = rows.map((row) => row.map(cellText));
  const widths = columns.map((column, index) =>
    Math.min(60, Math.max(column.length, ...cells.map((row) => row[index]?.length ?? 0))),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => fit(value, widths[index] ?? 0, isNumeric(value)))
      .join('  ')
      .trimEnd();

  return [
    line(columns),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map((row) => line(row)),
  ];
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);

  return String(value);
}

function isNumeric(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}

function fit(value: string, width: number, alignRight: boolean): string {
  const text = value.length > width ? `${value.slice(0, Math.max(0, width - 1))}…` : value;

  return alignRight ? text.padStart(width) : text.padEnd(width);
}

// Prints aligned plain-text tables, so bench and corpus results read well in a terminal and in CI logs.

export interface Column {
  title: string;
  /** Numbers read best right-aligned; names left-aligned. */
  align?: 'left' | 'right';
}

/** Formats rows under a header and a rule line; every cell is already a string. */
export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => (c.align === 'right' ? (cells[i] ?? '').padStart(widths[i] as number) : (cells[i] ?? '').padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number with a fixed count of decimals, or `n/a` when there is none (an empty corpus, a placeholder parser). */
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

/** An integer with thousands separators, independent of the machine's locale so logs compare across machines. */
export function count(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

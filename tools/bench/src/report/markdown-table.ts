/** A table to print: a header row and rows of cells; `numeric` columns are right-aligned. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Indexes of right-aligned columns. */
  readonly numeric?: readonly number[];
}

/** Escapes what would end a cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Renders a GitHub-flavoured Markdown table.
 * @throws Error when a row has another number of cells than the header (a shifted column misleads)
 */
export function markdownTable(table: Table): string {
  const width = table.header.length;
  table.rows.forEach((row, i) => {
    if (row.length !== width) {
      throw new Error(
        `markdownTable: row ${i} has ${row.length} cells, expected ${width} (${table.header.join(', ')})`,
      );
    }
  });
  const align = table.header.map((_, i) => (table.numeric?.includes(i) ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(table.header), line(align), ...table.rows.map(line)].join('\n');
}

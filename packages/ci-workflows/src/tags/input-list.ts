import { parse } from 'csv-parse/sync';

/**
 * Splits a multi-line action input (`images`, `tags`, `flavor`) into entries the way
 * docker/metadata-action reads it: `Util.getInputList(name, { ignoreComma: true,
 * comment: '#', commentNoInfix: true })` from @docker/actions-toolkit, after
 * `core.getInput` trimmed the whole value. Each line is one CSV record; a record of
 * several fields is joined back with `,`, so double quotes around a field are
 * removed here, before the entry itself is parsed (a quoted value that contains a
 * comma is split again by the entry parser: metadata-action does the same).
 * A `#` starts a comment only at the start of a line.
 */
export function inputList(text: string | undefined): string[] {
  const input = (text ?? '').trim();
  if (input === '') return [];
  const records = parse(input, {
    columns: false,
    relaxQuotes: true,
    comment: '#',
    comment_no_infix: true,
    relaxColumnCount: true,
    skipEmptyLines: true,
  }) as string[][];
  return records
    .map((record) => (record.length === 1 ? record[0]! : record.join(',')))
    .filter((entry) => entry)
    .map((entry) => entry.trim());
}

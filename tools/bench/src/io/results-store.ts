import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { renderDoc, type StoredResults } from '../report/render-doc.js';

/** The JSON beside the doc: `docs/benchmarks.md` → `docs/benchmarks.json`. */
export const jsonPathOf = (doc: string) => doc.replace(/\.md$/, '.json');

/** The stored results, or none. */
export function readResults(doc: string): StoredResults {
  const file = jsonPathOf(doc);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredResults) : {};
}

/** Writes the JSON and the doc rendered from it, each through a temp file and a rename. */
export function writeResults(doc: string, results: StoredResults): void {
  mkdirSync(dirname(doc), { recursive: true });
  const write = (file: string, content: string) => {
    writeFileSync(`${file}.tmp`, content);
    renameSync(`${file}.tmp`, file);
  };
  write(jsonPathOf(doc), `${JSON.stringify(results, null, 2)}\n`);
  write(doc, renderDoc(results));
}

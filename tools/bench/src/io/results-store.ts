import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { notesDir } from '../paths.js';
import { renderDoc, type ScenarioNotes, type StoredResults } from '../report/render-doc.js';
import { scenarioIds } from '../scenario.js';

/** The JSON beside the doc: `docs/benchmarks.md` → `docs/benchmarks.json`. */
export const jsonPathOf = (doc: string) => doc.replace(/\.md$/, '.json');

/** The stored results, or none. */
export function readResults(doc: string): StoredResults {
  const file = jsonPathOf(doc);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredResults) : {};
}

/** The notes of each scenario that has some (`<dir>/<id>.md`). */
export function readNotes(dir: string = notesDir): ScenarioNotes {
  const notes: ScenarioNotes = {};
  for (const id of scenarioIds) {
    const file = join(dir, `${id}.md`);
    if (existsSync(file)) notes[id] = readFileSync(file, 'utf8');
  }
  return notes;
}

/** Writes the JSON and the doc rendered from it (with the notes), each through a temp file and a rename. */
export function writeResults(doc: string, results: StoredResults, notes: ScenarioNotes = readNotes()): void {
  mkdirSync(dirname(doc), { recursive: true });
  const write = (file: string, content: string) => {
    writeFileSync(`${file}.tmp`, content);
    renameSync(`${file}.tmp`, file);
  };
  write(jsonPathOf(doc), `${JSON.stringify(results, null, 2)}\n`);
  write(doc, renderDoc(results, notes));
}

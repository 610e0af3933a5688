import { fileURLToPath } from 'node:url';

/** A compiled worker of this package (`dist/workers/<name>.js`), to run as a child process. */
export function workerPath(name: string): string {
  return fileURLToPath(new URL(`./workers/${name}.js`, import.meta.url));
}

/** The CLI of the tree being measured. */
export const cliBin = 'apps/cli/dist/bin.js';

/** The hand-written notes the doc prints after each scenario's tables (`tools/bench/notes`). */
export const notesDir = fileURLToPath(new URL('../notes/', import.meta.url));

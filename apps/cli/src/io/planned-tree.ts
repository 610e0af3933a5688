import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { preserveSetterValues } from '../render/preserve-setter-values.js';
import type { GeneratedFile } from './write-tree.js';

/** The previous bytes of a file in the output tree, or undefined when it does not exist. */
export function readExisting(out: string, path: string): Promise<string | undefined> {
  return readFile(join(out, path), 'utf8').catch(() => undefined);
}

/**
 * What `synth` writes into `out`: the synthesized files, except that values on lines
 * with a Flux setter marker keep what image automation committed to the tree on disk.
 * `diff` compares against exactly this, so it never reports automation's tags as drift.
 */
export async function plannedTree(out: string, files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(
    files.map(async (f) => ({
      path: f.path,
      content: preserveSetterValues(f.content, await readExisting(out, f.path)),
    })),
  );
}

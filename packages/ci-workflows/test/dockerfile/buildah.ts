/**
 * This package's buildah storage (its own, so pruning its intermediates never touches another
 * suite's builds) through @sugarkube/verify, plus helpers for the example contexts.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildahStore } from '@sugarkube/verify';

export { requireBuildah } from '@sugarkube/verify';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

export const store = buildahStore('ci-workflows-test');
export const {
  run: buildah,
  ensureBaseImages,
  build,
  inspectImage,
  removeImages,
  pruneIntermediates,
  runInImage,
  probeImage,
  elfMachineInImage,
} = store;

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a !== null ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

/** Copies an example app repo into a fresh temp dir (the build context). */
export function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sugarkube-${name}-`));
  cpSync(join(repoRoot, 'examples', name), dir, { recursive: true, filter: (src) => !src.includes('/node_modules') });
  return dir;
}

export function appendLine(file: string, line: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8')}${line}\n`);
}

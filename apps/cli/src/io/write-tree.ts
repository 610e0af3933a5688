import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

import type { GeneratedFile } from '@sugarkube/core';

export type { GeneratedFile };

/** The manifest a writer keeps in the output root: the files it owns. */
export const OWNED_FILES_MANIFEST = '.sugarkube-files.json';

export interface WriteTreeResult {
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
}

function checkPath(root: string, path: string): string {
  const full = resolve(root, path);
  if (path.startsWith('/') || relative(root, full).startsWith('..') || path.split(/[\\/]/).includes('..')) {
    throw new Error(`generated path "${path}" escapes the output directory ${root}`);
  }
  if (path === OWNED_FILES_MANIFEST) throw new Error(`generated path "${path}" is reserved for the writer`);
  return full;
}

/** The files the previous run wrote into `root` (empty when it has no manifest). */
export async function readOwned(root: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(join(root, OWNED_FILES_MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Writes a generated tree into `root`. Each file goes to a temporary sibling
 * and is renamed into place, so a failure never leaves a half-written file.
 * Files the previous run wrote (listed in the owned-files manifest) and that
 * this run no longer generates are removed; files the writer never wrote are
 * never touched.
 */
export async function writeTree(root: string, files: readonly GeneratedFile[]): Promise<WriteTreeResult> {
  const absRoot = resolve(root);
  const seen = new Set<string>();
  for (const file of files) {
    checkPath(absRoot, file.path);
    if (seen.has(file.path)) throw new Error(`generated path "${file.path}" is produced twice`);
    seen.add(file.path);
  }
  const previous = await readOwned(absRoot);
  let written = 0;
  let unchanged = 0;
  for (const file of files) {
    const target = checkPath(absRoot, file.path);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current === file.content) {
      unchanged++;
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.sugarkube-tmp-${process.pid}`;
    await writeFile(temp, file.content);
    await rename(temp, target);
    written++;
  }
  let removed = 0;
  for (const stale of previous) {
    if (seen.has(stale) || stale.split(/[\\/]/).includes('..')) continue;
    await rm(join(absRoot, stale.split('/').join(sep)), { force: true });
    removed++;
  }
  const manifest = `${JSON.stringify({ generatedBy: 'sugarkube', files: [...seen].sort() }, null, 2)}\n`;
  await mkdir(absRoot, { recursive: true });
  const temp = join(absRoot, `${OWNED_FILES_MANIFEST}.tmp-${process.pid}`);
  await writeFile(temp, manifest);
  await rename(temp, join(absRoot, OWNED_FILES_MANIFEST));
  return { written, unchanged, removed };
}

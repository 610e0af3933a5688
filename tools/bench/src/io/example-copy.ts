import { cpSync, existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { freshDir } from './scratch.js';

/**
 * A copy of an example app repo outside the monorepo, as a user's repo after `npm install`:
 * its files (without node_modules) and a `node_modules` link to the workspace's, where projen
 * and the built @sugarkube packages are.
 */
export function copyExample(repoRoot: string, workDir: string, example: string, key: string): string {
  const dir = freshDir(workDir, key);
  cpSync(join(repoRoot, 'examples', example), dir, {
    recursive: true,
    filter: (src) => !src.split('/').includes('node_modules'),
  });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The files projen wrote in a repo (its `.projen/files.json`). */
export function generatedFiles(dir: string): string[] {
  const file = join(dir, '.projen/files.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: not a synthesized projen repo`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { files: string[] }).files;
}

/** Deletes what projen generated, except the files named in `keep`: the state before a first synth. */
export function removeGenerated(dir: string, files: readonly string[], keep: readonly string[]): void {
  for (const path of files) if (!keep.includes(path)) rmSync(join(dir, path), { force: true });
}

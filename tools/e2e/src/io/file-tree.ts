import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Relative paths of the regular files under `dir` (symlinked directories not followed), sorted, minus `skip`. */
export function listFiles(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !skip(path))
    .sort();
}

/** `path → content` of the files under `dir` (UTF-8). */
export function readTree(dir: string, skip?: (path: string) => boolean): Record<string, string> {
  return Object.fromEntries(listFiles(dir, skip).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

/** The files git tracks under `dir` (its working copy, committed or staged), relative to `dir`. */
export function trackedFiles(dir: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '.'], { cwd: dir, encoding: 'utf8' });
  return out.split('\0').filter(Boolean).sort();
}

/** Copies the tracked files of `from` into `to`, as a clone of just that directory would have them. */
export function copyTracked(from: string, to: string): string[] {
  const files = trackedFiles(from);
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(from, file), join(to, file));
  }
  return files;
}

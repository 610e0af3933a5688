import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSpecifier } from '../scenarios/entry-points.js';

/** Whether a tree has this entry point: the package is installed there and exports the subpath. */
export function entryExists(tree: string, specifier: string): boolean {
  const { name, subpath } = splitSpecifier(specifier);
  const file = join(tree, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return false;
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { exports?: Record<string, unknown>; main?: string };
  if (pkg.exports) return subpath in pkg.exports;
  return subpath === '.';
}

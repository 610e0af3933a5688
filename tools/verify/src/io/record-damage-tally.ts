import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DamageTally } from '../damaged-options.js';

/**
 * Writes the damaged-options tally to `<packageDir>/.vitest/damaged-options.json` (where the
 * test reports live) and prints it; returns the line printed.
 */
export function recordDamageTally(packageDir: string, subjects: number, tally: DamageTally): string {
  const record = { subjects, ...tally };
  const dir = join(packageDir, '.vitest');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'damaged-options.json'), `${JSON.stringify(record, null, 2)}\n`);
  const line = `damaged options: ${JSON.stringify(record)}`;
  console.log(line);
  return line;
}

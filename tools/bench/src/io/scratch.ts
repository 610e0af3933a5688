import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** An empty directory `name` under the run's scratch directory (emptied if it exists). */
export function freshDir(workDir: string, name: string): string {
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

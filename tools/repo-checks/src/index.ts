import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root (this package lives at tools/repo-checks). */
export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface WorkspacePackage {
  readonly dir: string;
  readonly manifest: Record<string, unknown> & { name: string; private?: boolean };
}

/** Every workspace package (packages/*, apps/*, examples/*, tools/*) with a package.json. */
export function workspacePackages(): WorkspacePackage[] {
  const result: WorkspacePackage[] = [];
  for (const group of ['packages', 'apps', 'examples', 'tools']) {
    const base = join(repoRoot, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const file = join(base, name, 'package.json');
      if (existsSync(file)) result.push({ dir: join(group, name), manifest: JSON.parse(readFileSync(file, 'utf8')) });
    }
  }
  return result;
}

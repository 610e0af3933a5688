import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The "before" of the import-time table: main's tree before the entry points were split (issue 11). */
export const defaultBeforeRef = '9f030be';

/** The workspace packages of a tree that have a build script (names from their package.json). */
function buildablePackages(tree: string): string[] {
  const names: string[] = [];
  for (const parent of ['packages', 'apps']) {
    const dir = join(tree, parent);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      const file = join(dir, entry, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; scripts?: Record<string, string> };
      if (pkg.scripts?.build) names.push(pkg.name);
    }
  }
  return names;
}

/**
 * A built copy of the repository at `ref`, for before/after measurements: `git archive` into
 * `cacheDir/bench/before-<sha>` (outside the repo, not a worktree), `npm ci`, and nx builds its
 * packages. Done once per commit: a finished tree carries a marker and is reused.
 * @throws Error with the failing step's output
 */
export function prepareBeforeTree(repoRoot: string, ref: string, cacheDir: string, log: (m: string) => void): string {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).trim();
  const dir = join(cacheDir, 'bench', `before-${sha.slice(0, 12)}`);
  const marker = join(dir, '.bench-ready');
  if (existsSync(marker)) return dir;
  log(`preparing the "before" tree ${sha.slice(0, 7)} in ${dir} (git archive, npm ci, build: a few minutes, once)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const step = (what: string, command: string, args: string[], cwd: string) => {
    const r = spawnSync(command, args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
    if (r.status !== 0)
      throw new Error(
        `before tree: ${what} failed (exit ${r.status}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`,
      );
  };
  step('git archive', 'sh', ['-c', `git archive --format=tar ${sha} | tar -x -C '${dir}'`], repoRoot);
  step('npm ci', 'npm', ['ci', '--no-audit', '--no-fund'], dir);
  step(
    'build',
    'npx',
    ['nx', 'run-many', '-t', 'build', '--output-style=static', '-p', ...buildablePackages(dir)],
    dir,
  );
  writeFileSync(marker, `${sha}\n`);
  return dir;
}

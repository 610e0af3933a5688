import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The packaged upstream charts (shared/charts): `$SUGARKUBE_SHARED_CHARTS`, else `shared/charts`
 * beside the main checkout (found through git's common directory, so a worktree finds it too).
 */
export function findSharedCharts(repoRoot: string): string | undefined {
  const fromEnv = process.env.SUGARKUBE_SHARED_CHARTS;
  if (fromEnv) return fromEnv;
  const common = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
    cwd: repoRoot,
    encoding: 'utf8',
  }).stdout.trim();
  const candidates = [
    join(repoRoot, '../shared/charts'),
    ...(common ? [join(dirname(common), '../shared/charts')] : []),
  ];
  return candidates.find((dir) => existsSync(dir));
}

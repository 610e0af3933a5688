/** What every phase of the end-to-end proof shares: paths, the npm environment, a shell, figures. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCommand, type RunResult } from '../../src/io/run-command.js';

export const repoRoot = resolve(import.meta.dirname, '../../../..');
export const examples = ['danielsmith', 'dspace', 'jobbot3000', 'tokenplace'] as const;
export type ExampleName = (typeof examples)[number];

/** A platform every generated image is built for. */
export type Arch = 'amd64' | 'arm64';

/**
 * Whether every app repo's image is built for both platforms. On 2 shared cores the full
 * matrix (4 examples + hello × amd64 + arm64) takes about 11 minutes of buildah from a cold
 * layer cache, so by default every app builds for amd64 and only the apps in `arm64ByDefault`
 * for arm64 too; `SUGARKUBE_E2E_ALL_PLATFORMS=1` builds all of them for both.
 */
export const allPlatforms = process.env['SUGARKUBE_E2E_ALL_PLATFORMS'] === '1';
/** tokenplace: the Python runtime (uid 10001, a native build stage); hello: the docs' own app. */
const arm64ByDefault = new Set(['tokenplace', 'hello']);

/** The platforms an app's image is built for in this run. */
export function platformsOf(name: string): readonly Arch[] {
  return allPlatforms || arm64ByDefault.has(name) ? ['amd64', 'arm64'] : ['amd64'];
}

/** Fixed commit identity and time: the same tree gives the same commit, the same tag. */
const gitIdentity = {
  GIT_AUTHOR_NAME: 'Sugarkube e2e',
  GIT_AUTHOR_EMAIL: 'e2e@sugarkube.invalid',
  GIT_COMMITTER_NAME: 'Sugarkube e2e',
  GIT_COMMITTER_EMAIL: 'e2e@sugarkube.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
};

/** The environment a user's shell has: npm pointed at the test's registry for @sugarkube, git set up. */
export function userEnv(userconfig: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...gitIdentity,
    npm_config_userconfig: userconfig,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // Nothing here may look a name up in the public registry by accident.
    npm_config_yes: 'false',
  };
}

/** Runs a snippet (or any script) with bash, errexit and pipefail, as a user would paste it. */
export function sh(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return runCommand('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, timeoutMs: 600_000 });
}

/** Figures and the report the run prints at the end (and writes to .vitest/e2e-report.json). */
export const report: Record<string, unknown> = {};

export function writeReport(): void {
  const dir = join(import.meta.dirname, '../../.vitest');
  mkdirSync(dir, { recursive: true });
  // In the order the phases run.
  const order = ['release1', 'tarballFiles', 'allPlatforms', 'baseImagesSeconds', 'apps', 'cluster', 'release2'];
  const ordered = Object.fromEntries(
    Object.keys(report)
      .sort((a, b) => order.indexOf(a) - order.indexOf(b))
      .map((k) => [k, report[k]]),
  );
  writeFileSync(join(dir, 'e2e-report.json'), `${JSON.stringify(ordered, null, 2)}\n`);
  console.log(`e2e report:\n${JSON.stringify(ordered, null, 2)}`);
}

export const since = (start: number) => Math.round((performance.now() - start) / 100) / 10;

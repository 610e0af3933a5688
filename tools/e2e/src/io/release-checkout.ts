import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { runCommand, type RunResult } from './run-command.js';

/** A published workspace package: where it is and what it is called. */
export interface PublishedPackage {
  readonly dir: string;
  readonly name: string;
}

/** The workspace packages changesets releases: every non-private package under the root's `workspaces`. */
export function publishedPackages(repoRoot: string): PublishedPackage[] {
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
  const out: PublishedPackage[] = [];
  for (const glob of root.workspaces) {
    const parent = glob.replace(/\/\*$/, '');
    for (const entry of readdirSync(join(repoRoot, parent), { withFileTypes: true })) {
      const manifest = join(repoRoot, parent, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; private?: boolean };
      if (pkg.private !== true) out.push({ dir: `${parent}/${entry.name}`, name: pkg.name });
    }
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Versions by package name, as the checkout's package.json files say. */
export function versionsOf(checkout: string, packages: readonly PublishedPackage[]): Record<string, string> {
  return Object.fromEntries(
    packages.map((p) => [
      p.name,
      (JSON.parse(readFileSync(join(checkout, p.dir, 'package.json'), 'utf8')) as { version: string }).version,
    ]),
  );
}

/**
 * A release checkout: what `changeset version` and `changeset publish` need of this monorepo, in
 * a temp dir so the real packages are never touched: the root manifest and lockfile (changesets
 * finds the workspace through them), `.changeset/`, and per published package its manifest,
 * README, LICENSE, CHANGELOG, built `dist/`, and `src/` with its tsconfig (a generator change is
 * built here). `node_modules` are links to the workspace's, for the tools and for tsc.
 */
export function createReleaseCheckout(repoRoot: string): { dir: string; packages: PublishedPackage[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-release-'));
  const packages = publishedPackages(repoRoot);
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(repoRoot, file), join(dir, file));
  cpSync(join(repoRoot, '.changeset'), join(dir, '.changeset'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  for (const p of packages) {
    const from = join(repoRoot, p.dir);
    const to = join(dir, p.dir);
    mkdirSync(to, { recursive: true });
    for (const entry of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist', 'src', 'tsconfig.json']) {
      if (existsSync(join(from, entry))) cpSync(join(from, entry), join(to, entry), { recursive: true });
    }
    if (existsSync(join(from, 'node_modules'))) symlinkSync(join(from, 'node_modules'), join(to, 'node_modules'));
  }
  return { dir, packages };
}

/** `changeset <args>` in the checkout, with the workspace's @changesets/cli. */
export async function changeset(
  checkout: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunResult> {
  const result = await runCommand(process.execPath, [join(checkout, 'node_modules/@changesets/cli/bin.js'), ...args], {
    cwd: checkout,
    env,
  });
  // changesets colours package names when FORCE_COLOR is set (nx sets it for the tasks of
  // `npm test`): the checks read plain text.
  return {
    ...result,
    stdout: stripVTControlCharacters(result.stdout),
    stderr: stripVTControlCharacters(result.stderr),
  };
}

/**
 * `changeset publish` to the registry `userconfig` names. Provenance needs GitHub's OIDC and npm
 * honours only a command-line flag over a package's `publishConfig.provenance`, so a shim `npm`
 * first on PATH adds `--provenance=false` to `npm publish` (the release workflow publishes with
 * provenance); everything else is changesets' own behaviour. No git tags: the checkout is no repo.
 */
export async function changesetPublish(checkout: string, userconfig: string): Promise<RunResult> {
  const realNpm = (await runCommand('sh', ['-c', 'command -v npm'], { cwd: checkout })).stdout.trim();
  const bin = mkdtempSync(join(tmpdir(), 'sugarkube-npm-shim-'));
  writeFileSync(
    join(bin, 'npm'),
    `#!/bin/sh\nif [ "$1" = publish ]; then exec "${realNpm}" "$@" --provenance=false; fi\nexec "${realNpm}" "$@"\n`,
  );
  chmodSync(join(bin, 'npm'), 0o755);
  try {
    return await changeset(checkout, ['publish', '--no-git-tag'], {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      npm_config_userconfig: userconfig,
    });
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

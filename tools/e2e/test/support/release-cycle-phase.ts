/**
 * A generator change, released: the change, its changeset, the build, `changeset version`,
 * `changeset publish`; then every app repo updates and regenerates, and its diff must be exactly
 * the change. The change exists only in the release checkout of this run: the monorepo's own
 * sources never see it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { changeset, changesetPublish, versionsOf, type PublishedPackage } from '../../src/io/release-checkout.js';
import { runCommand } from '../../src/io/run-command.js';
import type { Snippet } from '../../src/markdown-snippets.js';
import type { AppRepo } from './app-repo-phase.js';
import { repoRoot, report, sh, since } from './e2e-env.js';

/** The generator and the lines the change adds: tool caches stay out of every build context. */
const generator = 'packages/ci-workflows/src/dockerfile/dockerignore.ts';
const anchor = "  '# Logs and coverage.',\n  '**/*.log',\n  '**/coverage',\n";
const changed = "  '# Logs, coverage and tool caches.',\n  '**/*.log',\n  '**/coverage',\n  '**/.cache',\n";
/** What that does to every generated .dockerignore: exactly these lines. */
export const intendedDiff = ['-# Logs and coverage.', '+# Logs, coverage and tool caches.', '+**/.cache'];
const entry =
  '`.dockerignore` keeps tool caches (`**/.cache`: eslint, babel, pip, parcel…) out of every build context.';

const release2: Record<string, unknown> = {};
report['release2'] = release2;
let published: Record<string, string> = {};

/** The +/- lines of a unified diff, without its headers. */
const changedLines = (diff: string) => diff.split('\n').filter((l) => /^[-+]/.test(l) && !/^(\+\+\+|---) /.test(l));

export const releaseCyclePhase = {
  async release(checkout: { dir: string; packages: PublishedPackage[] }, env: NodeJS.ProcessEnv) {
    const source = join(checkout.dir, generator);
    const before = readFileSync(source, 'utf8');
    expect(before, `${generator} still has the lines this change edits`).toContain(anchor);
    writeFileSync(source, before.replace(anchor, changed));
    writeFileSync(
      join(checkout.dir, '.changeset/dockerignore-tool-caches.md'),
      `---\n"@sugarkube/ci-workflows": patch\n---\n\n${entry}\n`,
    );
    // Built as the package builds (its package.json's build script: rm -rf dist && tsc).
    let start = performance.now();
    const pkg = join(checkout.dir, 'packages/ci-workflows');
    rmSync(join(pkg, 'dist'), { recursive: true, force: true });
    await runCommand(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: pkg,
    });
    release2['buildSeconds'] = since(start);

    start = performance.now();
    const versionsBefore = versionsOf(checkout.dir, checkout.packages);
    await changeset(checkout.dir, ['version'], env);
    const versionsAfter = versionsOf(checkout.dir, checkout.packages);
    const bumped = checkout.packages.filter((p) => versionsAfter[p.name] !== versionsBefore[p.name]);
    release2['bumped'] = Object.fromEntries(
      bumped.map((p) => [p.name, `${versionsBefore[p.name]} → ${versionsAfter[p.name]}`]),
    );
    release2['versionSeconds'] = since(start);
    const ciWorkflows = versionsAfter['@sugarkube/ci-workflows']!;
    expect(ciWorkflows).not.toBe(versionsBefore['@sugarkube/ci-workflows']);
    // The CHANGELOG has the entry, under the new version's patch changes.
    const changelog = readFileSync(join(pkg, 'CHANGELOG.md'), 'utf8');
    const section = changelog.slice(
      changelog.indexOf(`## ${ciWorkflows}`),
      changelog.indexOf('\n## ', changelog.indexOf(`## ${ciWorkflows}`) + 1),
    );
    expect(section).toBe(`## ${ciWorkflows}\n\n### Patch Changes\n\n- ${entry}\n`);
    release2['changelog'] = section;

    start = performance.now();
    const out = await changesetPublish(checkout.dir, env.npm_config_userconfig!);
    const text = `${out.stdout}\n${out.stderr}`;
    for (const p of bumped) expect(text, p.name).toContain(`${p.name}@${versionsAfter[p.name]}`);
    release2['published'] = bumped.map((p) => `${p.name}@${versionsAfter[p.name]}`);
    release2['publishSeconds'] = since(start);
    published = Object.fromEntries(bumped.map((p) => [p.name, versionsAfter[p.name]!]));
  },

  async update(o: { env: NodeJS.ProcessEnv; docs: Record<string, Snippet>; apps: Record<string, AppRepo> }) {
    const diffs: Record<string, unknown> = {};
    for (const app of Object.values(o.apps)) {
      const start = performance.now();
      const upgrade = await sh(o.docs['app-upgrade']!.code, app.dir, o.env);
      const files = execFileSync('git', ['diff', '--name-only'], { cwd: app.dir, encoding: 'utf8' }).trim().split('\n');
      // The lockfile records the new versions; the only generated file that changes is the .dockerignore.
      expect(files, app.name).toEqual(['.dockerignore', 'package-lock.json']);
      const dockerignore = execFileSync('git', ['diff', '--unified=0', '--', '.dockerignore'], {
        cwd: app.dir,
        encoding: 'utf8',
      });
      expect(changedLines(dockerignore), app.name).toEqual(intendedDiff);
      const installed = JSON.parse(
        readFileSync(join(app.dir, 'node_modules/@sugarkube/ci-workflows/package.json'), 'utf8'),
      ) as { version: string };
      expect(installed.version).toBe(published['@sugarkube/ci-workflows']);
      diffs[app.name] = {
        seconds: since(start),
        stat: upgrade.stdout.trim().split('\n'),
        dockerignore: changedLines(dockerignore),
      };
    }
    release2['appRepos'] = diffs;
  },
};

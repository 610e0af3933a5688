/** The published packages as npm users get them: the tarballs, and a fresh ESM consumer. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PublishedPackage } from '../../src/io/release-checkout.js';
import { runCommand } from '../../src/io/run-command.js';
import { report, sh } from './e2e-env.js';

let versions: Record<string, string> = {};

export const packagePhase = {
  /** Each package is served at its new version with only dist, README, LICENSE, CHANGELOG and package.json. */
  async servedAsPublished(
    release: { packages: PublishedPackage[] },
    after: Record<string, string>,
    env: NodeJS.ProcessEnv,
    work: string,
  ) {
    versions = after;
    const tarballs: Record<string, number> = {};
    for (const p of release.packages) {
      const dir = mkdtempSync(join(work, 'pack-'));
      await sh(`npm pack ${p.name}@${after[p.name]} --silent`, dir, env);
      const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
      const files = (await runCommand('tar', ['-tzf', tgz], { cwd: dir })).stdout.trim().split('\n');
      expect(files, p.name).toContain('package/package.json');
      expect(files, p.name).toContain('package/dist/index.js');
      expect(
        files.filter((f) => !/^package\/(dist\/|README\.md$|LICENSE$|CHANGELOG\.md$|package\.json$)/.test(f)),
        p.name,
      ).toEqual([]);
      tarballs[p.name] = files.length;
    }
    report['tarballFiles'] = tarballs;
  },

  /** Every library imports in a fresh `"type": "module"` project; the CLI's bin prints its usage. */
  async consumer(release: { packages: PublishedPackage[] }, env: NodeJS.ProcessEnv, work: string) {
    const dir = mkdtempSync(join(work, 'consumer-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const names = release.packages.map((p) => p.name);
    await sh(`npm install ${names.map((n) => `${n}@${versions[n]}`).join(' ')}`, dir, env);
    const script = [
      `const names = ${JSON.stringify(names)};`,
      'for (const n of names) { const m = await import(n); if (Object.keys(m).length === 0) throw new Error(n + " exports nothing"); }',
      'process.stdout.write(`imported ${names.length}\\n`);',
    ].join('\n');
    writeFileSync(join(dir, 'check.mjs'), script);
    expect((await runCommand(process.execPath, ['check.mjs'], { cwd: dir })).stdout.trim()).toBe(
      `imported ${names.length}`,
    );
    const help = await sh('npx sugarkube --help', dir, env);
    expect(help.stdout).toMatch(/^Usage: sugarkube <command>/m);
  },
};

import { readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitleaks, writeTempTree } from '@sugarkube/verify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '@sugarkube/core';
import { defineApp, renderAppTree, validateApp } from '../src/index.js';
import { exampleApps as realApps } from './support/example-apps.js';
import { validDescriptor } from './support/arbitraries.js';

const examples = fileURLToPath(new URL('../../../examples', import.meta.url));
const trees = (): GeneratedFile[] =>
  Object.values(realApps).flatMap((descriptor) => renderAppTree(defineApp(descriptor)));

/** Files gitleaks reads under a directory (it skips node_modules and lockfiles by its own allowlist). */
function countFiles(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return n;
    return n + (statSync(path).isDirectory() ? countFiles(path) : 1);
  }, 0);
}

// Test credentials: shaped like real ones, valid for nothing.
const githubToken = 'ghp_4aB9cD2eF7gH1iJ6kL3mN8oP5qR0sT2uVwXy';
const awsKeyId = 'AKIA2OGYBAH6STMMNXNN';
const databaseUrl = 'postgres://app:Zq7rT2pLx9@db:5432/app';

describe('gitleaks over what Sugarkube generates', () => {
  it('finds nothing in the app trees of the four real apps, nor in examples/', async () => {
    const files = trees();
    const dir = await writeTempTree(files);
    try {
      const report = await gitleaks(dir);
      const fromExamples = await gitleaks(examples);
      console.log(
        `gitleaks: ${files.length} generated files of ${Object.keys(realApps).length} apps, ${report.findings.length} findings; examples/: ${countFiles(examples)} files, ${fromExamples.findings.length} findings`,
      );
      expect(report.findings).toEqual([]);
      expect(fromExamples.findings).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('finds nothing in the trees of 100 generated descriptors that validate (random env values included)', async () => {
    const apps = fc.sample(validDescriptor, { numRuns: 100, seed: 31337 }).map((d) => defineApp(d));
    const files = apps.flatMap((app, i) => renderAppTree(app, { directory: `app-${i}` }));
    const dir = await writeTempTree(files);
    try {
      const report = await gitleaks(dir);
      console.log(
        `gitleaks: ${files.length} files of ${apps.length} generated apps, ${report.findings.length} findings`,
      );
      expect(report.findings).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('finds secrets planted in a generated tree, and validation refuses each of them before they get there (also the URL password gitleaks misses)', async () => {
    const files = trees().map((file) => {
      if (file.path !== 'tokenplace/base/deployment-relay.yaml') return file;
      const planted = file.content.replace(
        /( *)- name: TOKENPLACE_METRICS_TOKEN\n/,
        (line, indent: string) =>
          `${indent}- name: GITHUB_TOKEN\n${indent}  value: ${githubToken}\n${indent}- name: DATABASE_URL\n${indent}  value: ${databaseUrl}\n${line}`,
      );
      expect(planted).not.toBe(file.content);
      return { ...file, content: planted };
    });
    files.push({
      path: 'dspace/overlays/prod/configmap-aws.yaml',
      content: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws\ndata:\n  AWS_ACCESS_KEY_ID: ${awsKeyId}\n`,
    });
    const dir = await writeTempTree(files);
    try {
      const report = await gitleaks(dir);
      const found = report.findings.map((f) => `${relative(dir, f.File)}:${f.StartLine} ${f.RuleID}`).sort();
      console.log(`gitleaks on the planted tree: ${found.join('; ')}`);
      expect(found).toEqual([
        expect.stringMatching(/^dspace\/overlays\/prod\/configmap-aws\.yaml:6 aws-access-token$/),
        expect.stringMatching(/^tokenplace\/base\/deployment-relay\.yaml:\d+ github-pat$/),
      ]);
      expect(report.findings.some((f) => f.Secret.includes('Zq7rT2pLx9'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const planted = structuredClone(realApps.tokenplace) as unknown as Record<string, unknown> & {
      services: { env?: Record<string, unknown> }[];
    };
    planted.services[0]!.env = { ...planted.services[0]!.env, GITHUB_TOKEN: githubToken, DATABASE_URL: databaseUrl };
    planted.configMaps = { aws: { AWS_ACCESS_KEY_ID: awsKeyId } };
    const refused = validateApp(planted).errors.map((e) => e.message.replace(/; seal it instead.*/, ''));
    expect(refused).toEqual([
      'services[0].env.GITHUB_TOKEN: plaintext secret value refused (GITHUB_TOKEN looks like a secret)',
      'services[0].env.DATABASE_URL: plaintext secret value refused (the URL carries a password: postgres://app:…@db:5432)',
      'configMaps.aws.AWS_ACCESS_KEY_ID: plaintext secret value refused (gitleaks rule aws-access-token finds a secret in it)',
    ]);
  }, 120_000);
});

describe('sealed ciphertext in a generated tree', () => {
  it("does not trip a user's gitleaks scan: each value carries gitleaks:allow (and without it gitleaks does flag it)", async () => {
    // Random base64 the length of kubeseal output for a short value, under keys a scanner watches.
    const random = (seed: number) =>
      Buffer.concat(Array.from({ length: 17 }, (_, i) => createHash('sha256').update(`${seed}/${i}`).digest()))
        .toString('base64')
        .slice(0, 704);
    const sealed = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `app-${i}`,
        { encryptedData: { token: `Ag${random(i + 1)}`, password: `Ag${random(i + 101)}` } },
      ]),
    );
    const app = defineApp({
      name: 'shop',
      services: [{ name: 'web', runtime: 'node', image: { repository: 'ghcr.io/acme/shop' }, port: 8080 }],
      sealedSecrets: sealed,
    });
    const files = renderAppTree(app);
    expect(files.some((f) => f.content.includes('# gitleaks:allow'))).toBe(true);
    const dir = await writeTempTree(files);
    const bare = await writeTempTree(
      files.map((f) => ({ ...f, content: f.content.replaceAll(' # gitleaks:allow', '') })),
    );
    try {
      const [marked, unmarked] = await Promise.all([gitleaks(dir), gitleaks(bare)]);
      console.log(
        `gitleaks: ${marked.findings.length} findings with the allowance, ${unmarked.findings.length} without, over 40 sealed values`,
      );
      expect(marked.findings).toEqual([]);
      expect(unmarked.findings.length).toBeGreaterThan(0);
    } finally {
      await Promise.all([rm(dir, { recursive: true, force: true }), rm(bare, { recursive: true, force: true })]);
    }
  }, 120_000);
});

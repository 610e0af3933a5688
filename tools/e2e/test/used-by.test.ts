/**
 * The "used by" proof, in order, against real tools only:
 *   1. a release: `changeset version` and `changeset publish` of this monorepo's pending
 *      changesets to Verdaccio on loopback;
 *   2. each example app repo, copied out of the monorepo, installs from it as docs/app-repo.md
 *      says and `npx projen` regenerates exactly the committed files, each passing its real check,
 *      its image built for both platforms, run as the cluster runs it and pushed;
 *   3. a fresh app repo set up with docs/app-repo.md's own snippets, the same way;
 *   4. a cluster repo set up with docs/cluster-repo.md's snippets takes all five apps from their
 *      git repos, pinned (prod by the pushed digest), and synthesizes a tree Flux can apply;
 *   5. a changeset changes one generator: version, publish, `npm update` + `npx projen` in every
 *      app repo give exactly the intended diff, and the CHANGELOG says so.
 * Figures and the outputs are printed at the end and written to .vitest/e2e-report.json.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildahStore, requireBuildah, startRegistry, type RunningRegistry as OciRegistry } from '@sugarkube/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownSnippets } from '../src/markdown-snippets.js';
import {
  createReleaseCheckout,
  changeset,
  changesetPublish,
  versionsOf,
  type PublishedPackage,
} from '../src/io/release-checkout.js';
import { startVerdaccio, type RunningRegistry } from '../src/io/verdaccio.js';
import { appRepoPhase } from './support/app-repo-phase.js';
import { clusterRepoPhase } from './support/cluster-repo-phase.js';
import { allPlatforms, platformsOf, repoRoot, report, since, userEnv, writeReport } from './support/e2e-env.js';
import { releaseCyclePhase } from './support/release-cycle-phase.js';
import { packagePhase } from './support/package-phase.js';

const verdaccioBin = join(
  dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')),
  'bin',
  'verdaccio',
);
const docs = {
  app: markdownSnippets(readFileSync(join(repoRoot, 'docs/app-repo.md'), 'utf8')),
  cluster: markdownSnippets(readFileSync(join(repoRoot, 'docs/cluster-repo.md'), 'utf8')),
};

let registry: RunningRegistry;
let oci: OciRegistry;
let work: string;
let env: NodeJS.ProcessEnv;
let release: { dir: string; packages: PublishedPackage[] };
const store = buildahStore('e2e');
let bases: Record<string, string>;

beforeAll(async () => {
  requireBuildah();
  work = mkdtempSync(join(tmpdir(), 'sugarkube-e2e-'));
  registry = await startVerdaccio(verdaccioBin);
  const userconfig = join(work, '.npmrc');
  writeFileSync(
    userconfig,
    `@sugarkube:registry=${registry.url}\n${registry.url.replace(/^http:/, '')}:_authToken=${registry.token}\n`,
  );
  env = userEnv(userconfig);
  oci = await startRegistry(work, 'oci', '');
  const start = performance.now();
  bases = store.ensureBaseImages('node', 'python', 'nginx');
  report['baseImagesSeconds'] = since(start);
  report['allPlatforms'] = allPlatforms;
}, 1_800_000);

afterAll(async () => {
  writeReport();
  await registry?.stop();
  await oci?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
  if (release) rmSync(release.dir, { recursive: true, force: true });
}, 300_000);

describe('1. a release: changeset version, changeset publish, to a real npm registry', () => {
  it('bumps every package with a pending changeset, writes its CHANGELOG, and publishes every package', async () => {
    let start = performance.now();
    release = createReleaseCheckout(repoRoot);
    const before = versionsOf(release.dir, release.packages);
    const pending = readdirSync(join(release.dir, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    const versioned = await changeset(release.dir, ['version'], env);
    const after = versionsOf(release.dir, release.packages);
    report['release1'] = {
      changesets: pending.length,
      versionSeconds: since(start),
      bumped: Object.fromEntries(release.packages.map((p) => [p.name, `${before[p.name]} → ${after[p.name]}`])),
    };
    expect(pending.length, 'pending changesets').toBeGreaterThan(0);
    // Every changeset is consumed, and every package it names is bumped.
    expect(
      readdirSync(join(release.dir, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md'),
      versioned.stdout,
    ).toEqual([]);
    const named = new Set(
      pending.flatMap((f) =>
        [
          ...readFileSync(join(repoRoot, '.changeset', f), 'utf8').matchAll(
            /^"(@sugarkube\/[a-z-]+)": (?:major|minor|patch)$/gm,
          ),
        ].map((m) => m[1]!),
      ),
    );
    for (const name of named) expect(after[name], name).not.toBe(before[name]);
    for (const p of release.packages) {
      if (after[p.name] !== before[p.name])
        expect(readFileSync(join(release.dir, p.dir, 'CHANGELOG.md'), 'utf8'), p.name).toContain(`## ${after[p.name]}`);
    }
    start = performance.now();
    const published = await changesetPublish(release.dir, env.npm_config_userconfig!);
    const lines = `${published.stdout}\n${published.stderr}`;
    (report['release1'] as Record<string, unknown>).publishSeconds = since(start);
    (report['release1'] as Record<string, unknown>).published = release.packages.map(
      (p) => `${p.name}@${after[p.name]}`,
    );
    for (const p of release.packages) expect(lines, p.name).toContain(`${p.name}@${after[p.name]}`);
    await packagePhase.servedAsPublished(release, after, env, work);
  }, 600_000);

  it('installs into a fresh ESM project and imports every library under Node 24; the sugarkube bin answers', async () => {
    await packagePhase.consumer(release, env, work);
  }, 300_000);
});

describe('2. the four example app repos, installed from the registry as docs/app-repo.md says', () => {
  for (const name of ['danielsmith', 'dspace', 'jobbot3000', 'tokenplace'] as const) {
    it(`${name}: \`npm i -D projen @sugarkube/manifests\` then \`npx projen\` writes exactly the committed files`, async () => {
      await appRepoPhase.regenerateExample(name, { work, env, docs: docs.app });
    }, 600_000);

    it(`${name}: workflows pass actionlint and zizmor; overlays and image objects pass kustomize and kubeconform`, async () => {
      await appRepoPhase.checkFiles(name);
    }, 300_000);

    const arches = platformsOf(name);
    it(`${name}: builds for ${arches.map((a) => `linux/${a}`).join(' and ')}, runs as the cluster runs it, and is pushed as one index`, async () => {
      await appRepoPhase.buildRunPush(name, { store, bases, oci, context: 'committed example', arches });
    }, 1_800_000);
  }
});

describe('3. a fresh app repo, with the snippets of docs/app-repo.md', () => {
  it('npm init -y … node .projenrc.ts, npx projen: everything generated, checked, and a second run changes nothing', async () => {
    await appRepoPhase.freshFromDocs({ work, env, docs: docs.app });
    await appRepoPhase.checkFiles('hello');
  }, 600_000);

  it('its image builds for both platforms, runs as the cluster runs it, and is pushed', async () => {
    await appRepoPhase.buildRunPush('hello', { store, bases, oci, context: 'app repo', arches: platformsOf('hello') });
  }, 1_200_000);
});

describe('4. a cluster repo, with the snippets of docs/cluster-repo.md', () => {
  it('npm init, init cluster, the five apps added from their git repos, pinned, synthesized', async () => {
    await clusterRepoPhase.setUp({ work, env, docs: docs.cluster, apps: appRepoPhase.repos });
  }, 900_000);

  it('every Flux Kustomization path exists in the repo its GitRepository points at, and builds and validates there', async () => {
    await clusterRepoPhase.checkPaths();
  }, 600_000);

  it('prod pins tag and digest (the pushed index), staging follows builds, and no environment runs a moving tag', async () => {
    await clusterRepoPhase.checkPins();
  }, 300_000);

  it("the repo's own CI (npm test: validate, then diff) passes on the committed tree", async () => {
    await clusterRepoPhase.ci();
  }, 300_000);
});

describe('5. a generator change released through changesets reaches the app repos', () => {
  it('a changeset on @sugarkube/ci-workflows: built, versioned (with its CHANGELOG entry), published', async () => {
    await releaseCyclePhase.release(release, env);
  }, 600_000);

  it('in every app repo, `npm update` then `npx projen` changes exactly the .dockerignore lines the changeset describes', async () => {
    await releaseCyclePhase.update({ env, docs: docs.app, apps: appRepoPhase.repos });
  }, 900_000);

  it('the report names every figure', () => {
    expect(existsSync(release.dir)).toBe(true);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['release1', 'apps', 'cluster', 'release2']));
  });
});

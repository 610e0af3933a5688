/** A cluster repo set up as docs/cluster-repo.md says, taking every app repo of the run from git. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isImmutableTag } from '@sugarkube/core';
import { readAppYaml, resolveEnvironment } from '@sugarkube/manifests';
import { buildFluxPaths, fluxKustomizations, validateManifests } from '@sugarkube/verify';
import { expect } from 'vitest';
import { withValues, type Snippet } from '../../src/markdown-snippets.js';
import type { AppRepo } from './app-repo-phase.js';
import { addApps, clusterFiles, committedFiles, imagesIn, movingReason, referenceParts } from './cluster-checks.js';
import { report, sh, since } from './e2e-env.js';

const state: {
  dir?: string;
  env?: NodeJS.ProcessEnv;
  apps?: Record<string, AppRepo>;
  byUrl?: Record<string, AppRepo>;
  built?: { path: string; content: string }[];
} = {};
const cluster: Record<string, unknown> = {};
report['cluster'] = cluster;

/** The DNS zone of a host: its last two labels (every host of the run is under a two-label zone). */
const zoneOf = (host: string) => host.split('.').slice(-2).join('.');

export const clusterRepoPhase = {
  async setUp(o: {
    work: string;
    env: NodeJS.ProcessEnv;
    docs: Record<string, Snippet>;
    apps: Record<string, AppRepo>;
  }) {
    const start = performance.now();
    await sh(o.docs['cluster-setup']!.code, o.work, o.env);
    const dir = join(o.work, 'cluster');
    Object.assign(state, { dir, env: o.env, apps: o.apps });
    const hello = o.apps['hello']!;
    const examples = Object.values(o.apps).filter((a) => a.name !== 'hello');
    // The app repos as local git repos: `github:acme/hello` is the docs' form of the same dependency.
    await sh(withValues(o.docs['cluster-add-app']!, [['github:acme/hello', `git+file://${hello.dir}`]]), dir, o.env);
    await sh(`npm i -D ${examples.map((a) => `git+file://${a.dir}`).join(' ')}`, dir, o.env);
    for (const app of Object.values(o.apps))
      expect(existsSync(join(dir, 'node_modules', app.packageName, 'sugarkube.yaml')), app.name).toBe(true);

    const entry = o.docs['cluster-app-entry']!;
    const urlOf = (app: AppRepo) => `https://github.com/acme/${app.name}`;
    const entries = Object.values(o.apps).map((app) =>
      withValues(entry, [
        ['hello/sugarkube.yaml', `${app.packageName}/sugarkube.yaml`],
        ['https://github.com/acme/hello', urlOf(app)],
      ]),
    );
    state.byUrl = Object.fromEntries(Object.values(o.apps).map((app) => [urlOf(app), app]));
    // Each app's hosts must be in one of the cluster's zones (the docs' repo has hello's, example.org).
    const zones = new Set<string>();
    for (const app of examples) {
      const descriptor = readAppYaml(join(app.dir, 'sugarkube.yaml')).descriptor;
      for (const env of app.environments)
        for (const route of resolveEnvironment(descriptor, env).routes) zones.add(zoneOf(route.host));
    }
    const module = join(dir, 'cluster.ts');
    writeFileSync(module, addApps(readFileSync(module, 'utf8'), entries, [...zones].sort()));

    // hello's pins as the docs write them, with the tag and digest this run pushed; the examples' the same way.
    const helloPin = hello.pin!;
    const pins = JSON.parse(
      withValues(o.docs['cluster-pins']!, [
        ['main-1767225600-5ca96df', helloPin.tag],
        [/sha256:[0-9a-f]{64}/, helloPin.digest],
      ]),
    ) as Record<string, Record<string, Record<string, { tag: string; digest?: string }>>>;
    for (const app of examples) {
      for (const env of app.environments) {
        pins[env] = {
          ...pins[env],
          [app.name]: { [app.service]: env === 'prod' ? { ...app.pin! } : { tag: app.pin!.tag } },
        };
      }
    }
    writeFileSync(join(dir, 'sugarkube.pins.json'), `${JSON.stringify(pins, null, 2)}\n`);

    const synth = await sh(o.docs['cluster-synth']!.code, dir, o.env);
    expect(synth.stdout).toMatch(/^synthesized \d+ files into /m);
    Object.assign(cluster, {
      setUpSeconds: since(start),
      apps: Object.values(o.apps).map((a) => `${a.packageName} from git+file (${a.commit.sha.slice(0, 7)})`),
      zones: ['example.org', ...zones],
      synth: synth.stdout.split('\n').filter((l) => /^(synthesized|staging:|prod:)/.test(l)),
    });
  },

  async checkPaths() {
    const tree = clusterFiles(state.dir!);
    const kustomizations = fluxKustomizations(tree);
    const repos: Record<string, { path: string; content: string }[]> = {};
    let inCluster = 0;
    let inApps = 0;
    for (const k of kustomizations) {
      if (k.url === undefined) {
        expect(
          tree.some((f) => f.path === `${k.path}/kustomization.yaml`),
          `${k.name}: ${k.path} in the cluster repo`,
        ).toBe(true);
        inCluster++;
        continue;
      }
      const app = state.byUrl![k.url];
      expect(app, `${k.name} points at ${k.url}, an app repo of this run`).toBeDefined();
      repos[k.url] ??= committedFiles(app!.dir);
      // Committed on the branch the GitRepository follows, inside the part its `ignore` keeps.
      expect(
        repos[k.url]!.some((f) => f.path === `${k.path}/kustomization.yaml`),
        `${k.name}: ${k.path} in ${app!.name}`,
      ).toBe(true);
      expect(k.path.startsWith('deploy/'), k.path).toBe(true);
      expect(execFileSync('git', ['branch', '--show-current'], { cwd: app!.dir, encoding: 'utf8' }).trim()).toBe(
        'main',
      );
      inApps++;
    }
    const sources = tree.filter((f) => f.path.startsWith('clusters/') && f.content.includes('kind: GitRepository'));
    for (const f of sources.filter((s) => s.path.includes('/apps/')))
      expect(f.content, f.path).toContain('ignore: |\n    /*\n    !/deploy/\n');
    // Built as kustomize-controller builds them (images and targetNamespace applied), then validated.
    const start = performance.now();
    state.built = await buildFluxPaths(tree, repos);
    let valid = 0;
    for (const built of state.built) {
      const result = await validateManifests(built.content);
      expect(result.problems, built.path).toEqual([]);
      valid += result.valid;
    }
    Object.assign(cluster, {
      kustomizations: { inClusterRepo: inCluster, inAppRepos: inApps },
      builtPaths: state.built.length,
      kubeconformValid: valid,
      buildAndValidateSeconds: since(start),
    });
  },

  async checkPins() {
    const pins = JSON.parse(readFileSync(join(state.dir!, 'sugarkube.pins.json'), 'utf8')) as Record<
      string,
      Record<string, Record<string, { tag: string; digest?: string }>>
    >;
    const appImages = new Set(Object.values(state.apps!).map((a) => a.imageRepository));
    const checked: Record<string, string> = {};
    for (const built of state.built!) {
      const [url, path] = built.path.includes('//')
        ? [built.path.slice(0, built.path.lastIndexOf('//')), built.path.slice(built.path.lastIndexOf('//') + 2)]
        : [undefined, built.path];
      for (const image of imagesIn(built.content)) {
        const parts = referenceParts(image);
        const strict = appImages.has(parts.repository);
        expect(movingReason(image, strict), `${built.path}: ${image}`).toBeUndefined();
        if (url === undefined || !strict) continue;
        const app = state.byUrl![url]!;
        const env = /overlays\/([a-z0-9-]+)$/.exec(path!)?.[1];
        if (env === undefined) continue;
        const pin = pins[env]![app.name]![app.service]!;
        // Prod runs exactly the pushed index: tag and digest; staging the pinned tag, which automation moves.
        expect(parts, `${app.name} in ${env}`).toEqual({
          repository: app.imageRepository,
          tag: pin.tag,
          ...(env === 'prod' ? { digest: app.pin!.digest } : {}),
        });
        expect(isImmutableTag(pin.tag)).toBe(true);
        checked[`${env}/${app.name}`] = image;
      }
    }
    expect(Object.keys(checked).sort()).toEqual(
      Object.values(state.apps!)
        .flatMap((a) => a.environments.map((e) => `${e}/${a.name}`))
        .sort(),
    );
    // Setter markers where staging follows builds, none in prod.
    const appFile = (env: string, app: string) =>
      readFileSync(join(state.dir!, 'clusters', env, 'apps', `${app}.yaml`), 'utf8');
    for (const app of Object.values(state.apps!)) {
      expect(appFile('staging', app.name), app.name).toMatch(
        /newTag: \S+ # \{"\$imagepolicy": "flux-system:[a-z0-9-]+:tag"\}/,
      );
      expect(appFile('prod', app.name), app.name).not.toContain('$imagepolicy');
      expect(appFile('prod', app.name), app.name).toContain(`digest: ${app.pin!.digest}`);
    }
    // No moving tag in any file of the tree either.
    for (const file of clusterFiles(state.dir!).filter((f) => f.path.endsWith('.yaml'))) {
      for (const [, tag] of file.content.matchAll(/newTag: (\S+)/g))
        expect(isImmutableTag(tag!), `${file.path}: ${tag}`).toBe(true);
    }
    cluster['images'] = checked;
  },

  async ci() {
    const test = await sh('npm test', state.dir!, state.env!);
    expect(test.code).toBe(0);
    cluster['npmTest'] = test.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-4);
  },
};

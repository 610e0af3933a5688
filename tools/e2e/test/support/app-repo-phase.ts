/** App repos outside the monorepo, from the registry: regenerated, checked, built, run, pushed. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentsOf, readAppYaml } from '@sugarkube/manifests';
import type { BuildahStore, RunningRegistry } from '@sugarkube/verify';
import { expect } from 'vitest';
import { copyTracked, readTree, trackedFiles } from '../../src/io/file-tree.js';
import type { Snippet } from '../../src/markdown-snippets.js';
import {
  buildPlatforms,
  checkDeploy,
  checkWorkflows,
  podRunSettings,
  publishedTags,
  pushIndex,
  runAsTheCluster,
} from './app-repo-checks.js';
import { repoRoot, report, sh, since, type Arch } from './e2e-env.js';

/** One app repo as the later phases need it. */
export interface AppRepo {
  readonly name: string;
  readonly dir: string;
  /** The package name the cluster repo installs it under. */
  readonly packageName: string;
  readonly imageRepository: string;
  readonly service: string;
  readonly environments: readonly string[];
  /** The examples/ directory it was copied from, if any. */
  readonly example?: string;
  commit: { sha: string; time: number };
  built?: Awaited<ReturnType<typeof checkDeploy>>['built'];
  pin?: { tag: string; digest: string };
}

const repos: Record<string, AppRepo> = {};
const apps: Record<string, Record<string, unknown>> = {};
report['apps'] = apps;

/** Makes the app repo a git repo with everything committed (what the cluster repo clones). */
function commitAll(dir: string, env: NodeJS.ProcessEnv, message: string): { sha: string; time: number } {
  const git = (args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-q', '-m', message]);
  const [sha, time] = git(['log', '-1', '--format=%H %ct']).split(' ');
  return { sha: sha!, time: Number(time) };
}

function describeRepo(name: string, dir: string, example?: string): Omit<AppRepo, 'commit'> {
  const app = readAppYaml(join(dir, 'sugarkube.yaml'));
  const service = app.descriptor.services[0]!;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string };
  return {
    name,
    dir,
    packageName: pkg.name,
    imageRepository: service.image.repository,
    service: service.name,
    environments: Object.keys(environmentsOf(app.descriptor)),
    ...(example ? { example } : {}),
  };
}

/** The one line of the setup snippet that installs the tooling (the examples already have a package.json). */
const installLine = (docs: Record<string, Snippet>) => {
  const line = docs['app-setup']!.code.split('\n').find((l) => l.startsWith('npm i -D '));
  if (!line) throw new Error(`docs/app-repo.md's app-setup snippet installs nothing:\n${docs['app-setup']!.code}`);
  return line;
};

export const appRepoPhase = {
  repos,

  async regenerateExample(name: string, o: { work: string; env: NodeJS.ProcessEnv; docs: Record<string, Snippet> }) {
    const example = join(repoRoot, 'examples', name);
    const dir = join(o.work, 'apps', name);
    const tracked = copyTracked(example, dir);
    const committed = readTree(example, (p) => !tracked.includes(p));
    // Every file projen owns goes, so each must be written again; tasks.json is how `npx projen` starts.
    const owned = (JSON.parse(committed['.projen/files.json']!) as { files: string[] }).files;
    for (const file of owned) if (file !== '.projen/tasks.json') rmSync(join(dir, file), { force: true });
    let start = performance.now();
    await sh(installLine(o.docs), dir, o.env);
    const installSeconds = since(start);
    start = performance.now();
    await sh('npx projen', dir, o.env);
    const projenSeconds = since(start);

    const written = readTree(dir, (p) => p.startsWith('node_modules/'));
    // package.json gains the two devDependencies, package-lock.json their registry URLs; the rest is generated.
    const own = new Set(['package.json', 'package-lock.json']);
    const differing = tracked.filter((p) => !own.has(p) && written[p] !== committed[p]);
    const extra = Object.keys(written).filter((p) => !tracked.includes(p) && !own.has(p));
    expect({ differing, extra }).toEqual({ differing: [], extra: [] });
    // Installed from the test's registry, at the version it just published.
    const lock = JSON.parse(written['package-lock.json']!) as {
      packages: Record<string, { integrity?: string; version?: string }>;
    };
    const manifests = lock.packages['node_modules/@sugarkube/manifests']!;
    const served = await sh(`npm view @sugarkube/manifests@${manifests.version} dist.integrity`, dir, o.env);
    expect(manifests.integrity, 'the lockfile holds what the test registry serves').toBe(served.stdout.trim());
    repos[name] = {
      ...describeRepo(name, dir, example),
      commit: commitAll(dir, o.env, `${name}: generated by Sugarkube`),
    };
    apps[name] = {
      generatedFiles: owned.length,
      identical: tracked.length - own.size,
      installSeconds,
      projenSeconds,
      manifests: manifests.version,
    };
  },

  async freshFromDocs(o: { work: string; env: NodeJS.ProcessEnv; docs: Record<string, Snippet> }) {
    const parent = join(o.work, 'apps');
    const start = performance.now();
    await sh(o.docs['app-setup']!.code, parent, o.env);
    const dir = join(parent, 'hello');
    await sh(o.docs['app-site']!.code, dir, o.env);
    writeFileSync(join(dir, 'sugarkube.yaml'), o.docs['app-descriptor']!.code);
    writeFileSync(join(dir, '.projenrc.ts'), o.docs['app-projenrc']!.code);
    await sh(o.docs['app-first-synth']!.code, dir, o.env);
    const files = trackedFiles(dir);
    for (const path of [
      '.dockerignore',
      '.github/workflows/build-and-push.yml',
      '.github/workflows/smoke.yml',
      'Dockerfile',
      'nginx.conf',
      'deploy/base/deployment-web.yaml',
      'deploy/overlays/staging/kustomization.yaml',
      'deploy/overlays/prod/kustomization.yaml',
      'deploy/image-automation/imagepolicy-hello-web.yaml',
      'deploy/image-automation/imagerepository-hello-web.yaml',
    ])
      expect(files, path).toContain(path);
    // A prebuilt site: nothing runs Node in its image build, so nothing to precompress with.
    expect(files).not.toContain('precompress.mjs');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });
    // `npx projen` again: nothing changes.
    await sh('npx projen', dir, o.env);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');
    const [sha, time] = execFileSync('git', ['log', '-1', '--format=%H %ct'], { cwd: dir, encoding: 'utf8' })
      .trim()
      .split(' ');
    repos['hello'] = { ...describeRepo('hello', dir), commit: { sha: sha!, time: Number(time) } };
    apps['hello'] = { generatedFiles: files.length, fromNpmInitSeconds: since(start) };
  },

  async checkFiles(name: string) {
    const repo = repos[name]!;
    const workflows = await checkWorkflows(repo.dir);
    expect(workflows.actionlint.output).toBe('');
    expect(workflows.actionlint.ok).toBe(true);
    expect(workflows.zizmor.findings).toEqual([]);
    const deploy = await checkDeploy(repo.dir, repo.environments);
    expect(deploy.problems).toEqual([]);
    expect(deploy.valid).toBeGreaterThan(5);
    repo.built = deploy.built;
    apps[name] = {
      ...apps[name],
      actionlint: 'no findings',
      zizmor: `${workflows.zizmor.findings.length} findings at medium or high; low: ${workflows.zizmorLow.join(', ') || 'none'}`,
      kubeconformValid: deploy.valid,
      objects: Object.fromEntries(Object.entries(deploy.built).map(([dir, objects]) => [dir, objects.length])),
    };
  },

  async buildRunPush(
    name: string,
    o: {
      store: BuildahStore;
      bases: Record<string, string>;
      oci: RunningRegistry;
      context: 'committed example' | 'app repo';
      arches: readonly Arch[];
    },
  ) {
    const repo = repos[name]!;
    // An example builds from its committed files, which the regenerated ones equal byte for byte:
    // the app repo's lockfile now names this run's registry port, which the image must not depend on.
    const context = o.context === 'app repo' ? repo.dir : mkdtempSync(join(tmpdir(), `sugarkube-e2e-${name}-`));
    if (o.context === 'committed example') copyTracked(repo.example!, context);
    expect(o.arches[0], 'amd64 first: the smoke job runs the amd64 image').toBe('amd64');
    let built: ReturnType<typeof buildPlatforms>;
    try {
      built = buildPlatforms(o.store, context, name, o.bases, o.arches);
    } finally {
      if (context !== repo.dir) rmSync(context, { recursive: true, force: true });
    }
    const { images, facts, figures } = built;
    const pod = podRunSettings(repo.built!['deploy/overlays/prod']!, repo.service);
    for (const arch of o.arches) {
      expect(facts[arch]!.architecture).toBe(arch);
      expect(facts[arch]!.user, `${arch}: the image runs as the Deployment says`).toBe(pod.user);
      expect(facts[arch]!.exposedPorts).toContain(String(pod.port));
    }
    const smoke = runAsTheCluster(o.store, repo.dir, images.amd64!);
    expect(smoke.run.ok, smoke.run.log).toBe(true);
    expect(smoke.run.runFlags).toMatchObject({
      user: pod.user,
      'read-only': '1',
      'no-new-privileges': '1',
      'cap-drop': 'ALL',
    });
    expect(pod.readOnlyRoot).toBe(true);
    const tmpfs = (smoke.run.runFlags['tmpfs'] as string[]).map((t) => t.split(':')[0]!);
    expect([...tmpfs].sort(), 'tmpfs = the emptyDirs of the pod').toEqual([...pod.writablePaths].sort());
    expect(smoke.healthPaths.split(' ').sort(), 'the smoke job probes what the pod probes').toEqual(
      [...pod.probes].sort(),
    );
    expect(smoke.run.writes['/']).toBe(false);
    for (const path of tmpfs) expect(smoke.run.writes[path], path).toBe(true);

    const start = performance.now();
    const { tags, sortable } = publishedTags(repo.dir, repo.commit);
    const local = `${o.oci.host}/${repo.imageRepository.replace(/^ghcr\.io\//, '')}`;
    const digest = pushIndex(
      o.store,
      o.arches.map((arch) => images[arch]!),
      local,
      tags,
    );
    const index = await fetch(`http://${local.replace(o.oci.host, `${o.oci.host}/v2`)}/manifests/${sortable}`, {
      headers: {
        accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json',
      },
    });
    expect(index.headers.get('docker-content-digest')).toBe(digest);
    const platforms = ((await index.json()) as { manifests: { platform: { architecture: string } }[] }).manifests.map(
      (m) => m.platform.architecture,
    );
    expect(platforms.sort()).toEqual([...o.arches].sort());
    repo.pin = { tag: sortable, digest };
    apps[name] = {
      ...apps[name],
      ...figures,
      platforms: o.arches,
      user: facts.amd64!.user,
      smoke: { seconds: smoke.seconds, steps: smoke.run.steps.map((s) => s.status), probes: smoke.healthPaths, tmpfs },
      pushed: { tags, digest, seconds: since(start) },
    };
  },
};

/**
 * The real checks of everything an app repo generates: actionlint and zizmor for the workflows,
 * kustomize and kubeconform (Kubernetes and CRD schemas) for the overlays and the image objects,
 * buildah for both platforms, and the image run as the cluster runs it (the generated smoke job).
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previewMetadata } from '@sugarkube/ci-workflows/tags';
import { sortableTagRegExp } from '@sugarkube/core';
import {
  actionlint,
  kustomizeBuild,
  runSmokeJob,
  validateManifests,
  zizmor,
  type BuildahStore,
  type ImageFacts,
  type SmokeJobRun,
} from '@sugarkube/verify';
import { parse, parseAllDocuments } from 'yaml';
import type { Arch } from './e2e-env.js';

const seconds = (start: number) => Math.round((performance.now() - start) / 100) / 10;

/**
 * actionlint (with shellcheck) and zizmor (offline) on the repo's workflows. zizmor's gate is
 * medium and up, as for the generators' own tests; low findings are listed for the report.
 */
export async function checkWorkflows(repo: string) {
  const files = ['build-and-push.yml', 'smoke.yml'].map((f) => join(repo, '.github/workflows', f));
  const lint = await actionlint(files);
  // zizmor on a directory of just the workflows (never the repo's node_modules).
  const only = mkdtempSync(join(tmpdir(), 'sugarkube-zizmor-'));
  cpSync(join(repo, '.github'), join(only, '.github'), { recursive: true });
  const audit = await zizmor(only, { minSeverity: 'medium' });
  const low = (await zizmor(only)).findings.map((f) => (f as { ident: string }).ident);
  return { actionlint: lint, zizmor: audit, zizmorLow: [...new Set(low)].sort(), files: files.length };
}

interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string };
  readonly spec?: Record<string, unknown>;
}

/** `kustomize build` of every overlay and of the image automation, each validated by kubeconform. */
export async function checkDeploy(repo: string, environments: readonly string[]) {
  const dirs = [...environments.map((e) => `deploy/overlays/${e}`), 'deploy/image-automation'];
  const built: Record<string, KubeObject[]> = {};
  let valid = 0;
  const problems: string[] = [];
  for (const dir of dirs) {
    const yaml = await kustomizeBuild(join(repo, dir));
    built[dir] = parseAllDocuments(yaml).map((d) => d.toJS() as KubeObject);
    const report = await validateManifests(yaml);
    valid += report.valid;
    problems.push(...report.problems.map((p) => `${dir}: ${p.kind}/${p.name}: ${p.message}`));
  }
  return { built, valid, problems };
}

/** What the Deployment says about how the pod runs its main container. */
export function podRunSettings(objects: readonly KubeObject[], service: string) {
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === service);
  if (!deployment) throw new Error(`no Deployment/${service}`);
  type Container = {
    name: string;
    securityContext: { runAsUser: number; runAsGroup: number; readOnlyRootFilesystem: boolean };
    ports: { containerPort: number }[];
    volumeMounts?: { name: string; mountPath: string }[];
    readinessProbe?: { httpGet?: { path: string } };
    livenessProbe?: { httpGet?: { path: string } };
  };
  const pod = (
    deployment.spec as {
      template: { spec: { containers: Container[]; volumes?: { name: string; emptyDir?: unknown }[] } };
    }
  ).template.spec;
  const main = pod.containers.find((c) => c.name === service)!;
  const emptyDirs = new Set((pod.volumes ?? []).filter((v) => v.emptyDir !== undefined).map((v) => v.name));
  return {
    user: `${main.securityContext.runAsUser}:${main.securityContext.runAsGroup}`,
    readOnlyRoot: main.securityContext.readOnlyRootFilesystem,
    port: main.ports[0]!.containerPort,
    writablePaths: (main.volumeMounts ?? []).filter((m) => emptyDirs.has(m.name)).map((m) => m.mountPath),
    probes: [main.readinessProbe?.httpGet?.path, main.livenessProbe?.httpGet?.path].filter(
      (p): p is string => p !== undefined,
    ),
  };
}

/** Builds the context for each platform (`--layers`: a rebuild of the same files reuses every step). */
export function buildPlatforms(
  store: BuildahStore,
  context: string,
  name: string,
  bases: Record<string, string>,
  arches: readonly Arch[],
) {
  const images: Partial<Record<Arch, string>> = {};
  const facts: Partial<Record<Arch, ImageFacts>> = {};
  const figures: Record<string, number> = {};
  for (const arch of arches) {
    const tag = `localhost/sugarkube-e2e/${name}:${arch}`;
    const start = performance.now();
    store.build({ context, arch, tag, buildArgs: bases, epoch: 1_700_000_000, layers: true });
    figures[`${arch}Seconds`] = seconds(start);
    images[arch] = tag;
    facts[arch] = store.inspectImage(tag);
  }
  return { images, facts, figures };
}

/** The generated smoke workflow's container job on the amd64 image: the image run as the pod runs it. */
export function runAsTheCluster(
  store: BuildahStore,
  repo: string,
  image: string,
): { run: SmokeJobRun; seconds: number; healthPaths: string } {
  const workflow = readFileSync(join(repo, '.github/workflows/smoke.yml'), 'utf8');
  const start = performance.now();
  const run = runSmokeJob(workflow, image, store);
  type Step = { name: string; env?: Record<string, unknown> };
  const steps = (parse(workflow) as { jobs: { container: { steps: Step[] } } }).jobs.container.steps;
  const healthPaths = String(steps.find((s) => s.env?.['HEALTH_PATHS'] !== undefined)?.env?.['HEALTH_PATHS'] ?? '');
  return { run, seconds: seconds(start), healthPaths };
}

/**
 * The tags the generated build-and-push workflow publishes for a push of `sha` to `main`, from
 * its own metadata-action inputs (docker/metadata-action's logic), and the sortable one clusters pin.
 */
export function publishedTags(repo: string, commit: { sha: string; time: number }, defaultBranch = 'main') {
  type Step = { uses?: string; with?: { images: string; tags: string; flavor?: string } };
  const workflow = parse(readFileSync(join(repo, '.github/workflows/build-and-push.yml'), 'utf8')) as {
    jobs: Record<string, { steps?: Step[] }>;
  };
  const meta = workflow.jobs['merge']!.steps!.find((s) => s.uses?.startsWith('docker/metadata-action@'))!.with!;
  const preview = previewMetadata({
    eventName: 'push',
    ref: `refs/heads/${defaultBranch}`,
    sha: commit.sha,
    defaultBranch,
    timestamp: commit.time,
    images: meta.images,
    tags: meta.tags,
    ...(meta.flavor !== undefined ? { flavor: meta.flavor } : {}),
  });
  const tags = preview.tags.map((t) => t.slice(t.lastIndexOf(':') + 1));
  const sortable = tags.find((t) => sortableTagRegExp(defaultBranch).test(t));
  if (!sortable) throw new Error(`the workflow publishes no sortable tag: ${tags.join(', ')}`);
  return { tags, sortable };
}

/** Pushes the images as one multi-arch index under every tag the workflow would publish; returns its digest. */
export function pushIndex(store: BuildahStore, images: readonly string[], repository: string, tags: readonly string[]) {
  const digests = tags.map((tag) => store.pushIndex(images, `${repository}:${tag}`));
  if (new Set(digests).size !== 1) throw new Error(`one index, one digest; got ${digests.join(', ')}`);
  return digests[0]!;
}

import { applySetters, selectTag, type PolicyRef, type SelectTagSpec } from '@sugarkube/image-policy';
import { expect } from 'vitest';
import { parseAllocatedResources } from '../../src/index.js';
import { registryPath } from './app-repos.js';
import { bumpImage } from './image-loop.js';
import { condition, getObject, list, rolledOut, templateImages, until, type KubeItem, type PodItem } from './kube.js';
import type { LiveRun } from './live-run.js';
import { log } from './log.js';
import { runEpoch } from './live-run.js';
import { environments } from './run-tree.js';

const appsIn = (run: LiveRun, env: string) => [...run.repos.values()].filter((r) => r.spec.environments.includes(env));
const countKind = (files: readonly { path: string; content: string }[], dir: string, kind: string) =>
  files
    .filter((f) => f.path.startsWith(dir))
    .reduce((n, f) => n + (f.content.match(new RegExp(`^kind: ${kind}$`, 'gm'))?.length ?? 0), 0);

/**
 * Every app namespace enforces `restricted` and every pod of it exists and is Running and Ready:
 * the real PodSecurity admission admitted it. The HTTPRoutes, ReferenceGrants and the Gateway the
 * tree and the app overlays declare all exist: the API server checked each against its CRD's CEL
 * rules when Flux applied it.
 */
export async function checkPodsAndRoutes(run: LiveRun) {
  const result: Record<string, unknown> = {};
  for (const env of environments) {
    const cluster = run.clusters[env]!;
    let pods = 0;
    for (const app of appsIn(run, env)) {
      const ns = await getObject(cluster, 'namespace', app.name);
      expect(ns?.metadata.labels?.['pod-security.kubernetes.io/enforce'], `${env}/${app.name}`).toBe('restricted');
      const appPods = await list<PodItem>(cluster, 'pods', app.name);
      expect(appPods.length, `${env}/${app.name} pods`).toBeGreaterThan(0);
      for (const pod of appPods) {
        expect(pod.status.phase, `${env}/${app.name}/${pod.metadata.name}`).toBe('Running');
        expect(condition(pod, 'Ready')?.status).toBe('True');
      }
      pods += appPods.length;
    }
    const declared = (kind: string) =>
      countKind(run.tree.files, `infrastructure/configs/${env}/`, kind) +
      appsIn(run, env).reduce((n, a) => n + countKind(a.files, `deploy/overlays/${env}/`, kind), 0);
    const counts = {
      appPodsAdmitted: pods,
      httpRoutes: (await list(cluster, 'httproutes.gateway.networking.k8s.io')).length,
      referenceGrants: (await list(cluster, 'referencegrants.gateway.networking.k8s.io')).length,
      gateways: (await list(cluster, 'gateways.gateway.networking.k8s.io')).length,
    };
    expect(counts.httpRoutes, `${env} HTTPRoutes`).toBe(declared('HTTPRoute'));
    expect(counts.referenceGrants, `${env} ReferenceGrants`).toBe(declared('ReferenceGrant'));
    expect(counts.gateways, `${env} Gateways`).toBe(declared('Gateway'));
    expect(counts.httpRoutes).toBeGreaterThan(0);
    result[env] = counts;
    log(`${env}: ${JSON.stringify(counts)}`);
  }
  return result;
}

/**
 * Every pod of the cluster scheduled (by the real kube-scheduler) on one of its Pi-shaped nodes,
 * none Pending; per node, kubectl's sum of the requests against the node's allocatable.
 */
export async function checkCapacity(run: LiveRun) {
  const result: Record<string, unknown> = {};
  for (const env of environments) {
    const cluster = run.clusters[env]!;
    const names = new Set(cluster.nodes.map((n) => n.name));
    const pods = (await list<PodItem>(cluster, 'pods')).filter((p) => p.status.phase !== 'Succeeded');
    const unplaced = pods.filter(
      (p) => !names.has(p.spec.nodeName ?? '') || condition(p, 'PodScheduled')?.status !== 'True',
    );
    expect(
      unplaced.map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
      env,
    ).toEqual([]);
    const nodes: Record<string, unknown> = {};
    for (const node of await list<KubeItem>(cluster, 'nodes')) {
      const rows = parseAllocatedResources((await cluster.kubectl(['describe', 'node', node.metadata.name])).stdout);
      const row = (r: string) => rows.find((x) => x.resource === r)!;
      const allocatable = node.status!.allocatable as Record<string, string>;
      expect(row('cpu').requestsPercent).toBeLessThanOrEqual(100);
      expect(row('memory').requestsPercent).toBeLessThanOrEqual(100);
      nodes[node.metadata.name] = {
        arch: node.metadata.labels?.['kubernetes.io/arch'],
        pods: pods.filter((p) => p.spec.nodeName === node.metadata.name).length,
        cpu: `${row('cpu').requests} of ${allocatable.cpu} (${row('cpu').requestsPercent} %)`,
        memory: `${row('memory').requests} of ${allocatable.memory} (${row('memory').requestsPercent} %)`,
        memoryLimits: `${row('memory').limits} (${row('memory').limitsPercent} %)`,
      };
    }
    result[env] = { pods: pods.length, nodes };
    log(`${env} requests vs allocatable: ${JSON.stringify(result[env])}`);
  }
  return result;
}

/** The registry's tags of a repository (Distribution's tags/list). */
async function registryTags(run: LiveRun, path: string): Promise<string[]> {
  const r = await fetch(`http://${run.servers.registry.host}/v2/${path}/tags/list`);
  return ((await r.json()) as { tags: string[] }).tags;
}

/**
 * The image loop on danielsmith.io: a newer build on main → ImagePolicy (equal to selectTag on
 * the registry's tags) → the automation's commit (equal to applySetters on the tree it started
 * from) → kustomize-controller → the staging Deployment runs it; prod keeps its tag and digest.
 */
export async function checkImageLoop(run: LiveRun) {
  const app = 'danielsmith';
  const bump = await bumpImage(
    run,
    app,
    runEpoch + 7_200,
    // A change to what the site serves: the build stage and the final COPY rerun, every other layer is reused.
    (files) =>
      files.map((f) => (f.path === 'index.html' ? { ...f, content: `${f.content}<!-- a commit on main -->\n` } : f)),
    8 * 60_000,
  );
  const { before, after } = bump;
  const staging = run.clusters.staging!;
  const image = before.images[0]!;
  expect(after.tag > before.tag && after.images[0]!.digest !== image.digest).toBe(true);

  // image-reflector-controller's choice is selectTag's on the same tags.
  const policy = (await getObject<KubeItem>(staging, 'imagepolicy', `${app}-web`, 'flux-system'))!;
  const repository = (await getObject<KubeItem>(staging, 'imagerepository', `${app}-web`, 'flux-system'))!;
  const tags = await registryTags(run, registryPath(image.repository));
  const latestRef = policy.status!.latestRef as { name: string; tag: string };
  expect(latestRef.tag).toBe(after.tag);
  expect(
    selectTag(policy.spec as unknown as SelectTagSpec, tags, {
      exclusionList: (repository.spec as { exclusionList?: string[] }).exclusionList,
    }),
  ).toBe(latestRef.tag);

  // image-automation-controller's commit is applySetters' output on the tree it started from.
  const [commit, parent] = await run.servers.git.log(run.clusterRepo);
  expect([commit!.sha, parent!.sha]).toEqual([bump.automationCommit, bump.previousHead]);
  expect(commit!.author).toBe('fluxcdbot <fluxcdbot@users.noreply.github.com>');
  expect(commit!.subject).toBe('chore(images): update apps-staging');
  const beforeFiles = await run.servers.git.files(run.clusterRepo, bump.previousHead);
  const afterFiles = await run.servers.git.files(run.clusterRepo, bump.automationCommit);
  const changed = afterFiles.filter((f) => beforeFiles.find((b) => b.path === f.path)?.content !== f.content);
  expect(changed.map((f) => f.path)).toEqual([`clusters/staging/apps/${app}.yaml`]);
  expect(afterFiles.map((f) => f.path)).toEqual(beforeFiles.map((f) => f.path));
  const policies: PolicyRef[] = (await list<KubeItem>(staging, 'imagepolicies', 'flux-system')).map((p) => ({
    namespace: p.metadata.namespace,
    name: p.metadata.name,
    latestRef: p.status?.latestRef as PolicyRef['latestRef'],
  }));
  const expected = applySetters(Object.fromEntries(beforeFiles.map((f) => [f.path, f.content])), policies, {
    namespace: 'flux-system',
    path: 'clusters/staging/apps',
  });
  expect(expected.files).toEqual(changed);
  expect(commit!.message).toContain(`${before.tag} -> ${after.tag}`);

  const pods = await list<PodItem>(staging, 'pods', app);
  for (const pod of pods) expect(pod.spec.containers[0]!.image).toBe(`${image.repository}:${after.tag}`);

  // prod reconciles the same commit and keeps its pin.
  const prod = run.clusters.prod!;
  await until(
    'prod applies the automation commit',
    async () => {
      const ks = await getObject<KubeItem>(prod, 'kustomization', 'flux-system', 'flux-system');
      return String(ks?.status?.lastAppliedRevision ?? '').endsWith(bump.automationCommit) || undefined;
    },
    3 * 60_000,
  );
  const prodDeployment = await getObject(prod, 'deployment', 'web', app);
  expect(templateImages(prodDeployment)).toEqual([`${image.repository}:${before.tag}@${image.digest}`]);
  expect(rolledOut(prodDeployment)).toBe(true);
  for (const f of afterFiles.filter((f) => f.path.startsWith('clusters/prod/')))
    expect(f.content, f.path).toBe(beforeFiles.find((b) => b.path === f.path)!.content);

  const figures = {
    app,
    from: before.tag,
    to: after.tag,
    digests: { from: image.digest, to: after.images[0]!.digest },
    buildAndPushSeconds: Math.round(bump.publishMs / 100) / 10,
    afterPushSeconds: Object.fromEntries(Object.entries(bump.timeline).map(([k, v]) => [k, Math.round(v / 100) / 10])),
    automationCommit: bump.automationCommit,
    prod: templateImages(prodDeployment)[0],
  };
  log(`image loop: ${JSON.stringify(figures)}`);
  return figures;
}

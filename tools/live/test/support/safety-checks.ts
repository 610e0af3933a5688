import { expect } from 'vitest';
import { liveRewrite, type RepoFile } from '../../src/index.js';
import { exampleFiles } from './app-repos.js';
import { bumpImage } from './image-loop.js';
import { condition, getObject, list, requestReconcile, rolledOut, until, type KubeItem, type PodItem } from './kube.js';
import { runEpoch, type LiveRun } from './live-run.js';
import { log } from './log.js';
import { synthesizeRunTree } from './run-tree.js';

const s = (ms: number) => Math.round(ms / 100) / 10;
type Pvc = KubeItem & { spec: { volumeName?: string }; status: { phase: string } };

/**
 * The notes app (one ReadWriteOnce claim, `Recreate`): a newer build rolls it (the automation
 * moves its staging tag) and its claim keeps its uid and volume; then the app leaves the cluster
 * definition, synth drops it from the tree, Flux prunes its objects and keeps the claim (and the
 * namespace holding it), both annotated `kustomize.toolkit.fluxcd.io/prune: disabled`.
 */
export async function checkDataSafety(run: LiveRun) {
  const staging = run.clusters.staging!;
  const app = 'notes';
  const pvc0 = (await getObject<Pvc>(staging, 'pvc', 'web-data', app))!;
  expect(pvc0.status.phase).toBe('Bound');
  expect(pvc0.metadata.annotations?.['kustomize.toolkit.fluxcd.io/prune']).toBe('disabled');
  const pv = (await getObject<KubeItem>(staging, 'pv', pvc0.spec.volumeName!))!;
  const [pod0] = await list<PodItem>(staging, 'pods', app);
  const pvNode = JSON.stringify(pv.spec!.nodeAffinity).match(/"values":\["([^"]+)"\]/)![1];
  expect(pod0!.spec.nodeName).toBe(pvNode);

  // The upgrade: a newer build, followed by staging.
  const bump = await bumpImage(run, app, runEpoch + 9_000, (files) => [...files], 8 * 60_000);
  const pvc1 = (await getObject<Pvc>(staging, 'pvc', 'web-data', app))!;
  const [pod1, ...more] = await list<PodItem>(staging, 'pods', app);
  expect(more).toEqual([]);
  expect(pod1!.metadata.name).not.toBe(pod0!.metadata.name);
  expect(pod1!.spec.containers[0]!.image).toMatch(new RegExp(`:${bump.after.tag}$`));
  expect(pod1!.spec.volumes?.find((v) => v.persistentVolumeClaim)?.persistentVolumeClaim?.claimName).toBe('web-data');
  expect(pod1!.spec.nodeName).toBe(pvNode);
  expect([pvc1.metadata.uid, pvc1.spec.volumeName, pvc1.status.phase]).toEqual([
    pvc0.metadata.uid,
    pv.metadata.name,
    'Bound',
  ]);

  // The removal: synth without the app, with the tags the automation moved kept as pins.
  const pins = structuredClone(run.pins) as Record<string, Record<string, Record<string, { tag: string }>>>;
  for (const r of run.repos.values())
    for (const i of r.images) if (pins.staging?.[r.name]?.[i.service]) pins.staging[r.name]![i.service]!.tag = r.tag;
  // The definition without the app refuses pins for it, as `sugarkube synth` does.
  for (const env of Object.keys(pins)) delete pins[env]![app];
  const tree = synthesizeRunTree(pins, run.endpoints, [app]);
  const head = await run.servers.git.files(run.clusterRepo);
  const removed = head.filter((f) => !tree.files.some((t) => t.path === f.path)).map((f) => f.path);
  const changed = tree.files
    .filter((t) => head.find((f) => f.path === t.path)?.content !== t.content)
    .map((f) => f.path);
  expect(removed).toEqual([`clusters/staging/apps/${app}.yaml`]);
  // Only the app's own file and the lists that named it: every tag the automation moved is kept.
  expect(changed).toContain('clusters/staging/kustomization.yaml');
  expect(changed.filter((p) => !['clusters/README.md', 'clusters/staging/kustomization.yaml'].includes(p))).toEqual([]);
  const t0 = Date.now();
  const sha = await run.servers.git.commit(run.clusterRepo, tree.files, `remove ${app}`, { date: runEpoch + 10_800 });
  await until(
    `${app} pruned`,
    async () => {
      const gone =
        (await getObject(staging, 'kustomization', `app-${app}`, 'flux-system')) === undefined &&
        (await getObject(staging, 'deployment', 'web', app)) === undefined;
      return gone || undefined;
    },
    5 * 60_000,
  );
  const prunedMs = Date.now() - t0;
  const pvc2 = await getObject<Pvc>(staging, 'pvc', 'web-data', app);
  expect([pvc2?.metadata.uid, pvc2?.status.phase, pvc2?.metadata.deletionTimestamp]).toEqual([
    pvc0.metadata.uid,
    'Bound',
    undefined,
  ]);
  expect((await getObject(staging, 'namespace', app))?.metadata.deletionTimestamp).toBeUndefined();
  expect(await getObject(staging, 'service', 'web', app)).toBeUndefined();
  expect(await list(staging, 'networkpolicies', app)).toEqual([]);
  expect(await getObject(staging, 'imagepolicy', `${app}-web`, 'flux-system')).toBeUndefined();
  const figures = {
    claim: { uid: pvc0.metadata.uid, volume: pv.metadata.name, node: pvNode, storageClass: 'local-path' },
    upgrade: { from: bump.before.tag, to: bump.after.tag, secondsAfterPush: s(bump.timeline.running) },
    removal: { commit: sha, treeChanges: { removed, changed }, prunedSeconds: s(prunedMs) },
  };
  log(`data safety: ${JSON.stringify(figures)}`);
  return figures;
}

/** The overlay of jobbot3000 with a ConfigMap whose `data` is a list: kustomize builds it, the API server refuses it. */
function brokenFiles(files: readonly RepoFile[]): RepoFile[] {
  const overlay = 'deploy/overlays/staging/kustomization.yaml';
  return [
    ...files.map((f) =>
      f.path === overlay
        ? { ...f, content: f.content.replace('resources:\n', 'resources:\n  - configmap-broken.yaml\n') }
        : f,
    ),
    {
      path: 'deploy/overlays/staging/configmap-broken.yaml',
      content:
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n  namespace: jobbot3000\ndata:\n  - not\n  - a map\n',
    },
  ];
}

/**
 * A commit with an invalid manifest in jobbot3000's staging overlay: the Kustomization reports
 * the failure (Ready=False naming the object) while the last good revision keeps running; a fix
 * commit brings it back.
 */
export async function checkBrokenCommit(run: LiveRun) {
  const staging = run.clusters.staging!;
  const app = run.repos.get('jobbot3000')!;
  const ks0 = (await getObject<KubeItem>(staging, 'kustomization', `app-${app.name}`, 'flux-system'))!;
  const deployment0 = (await getObject(staging, 'deployment', 'web', app.name))!;
  const pods0 = (await list<PodItem>(staging, 'pods', app.name)).map((p) => p.metadata.name).sort();
  const rewrite = (files: RepoFile[]) => liveRewrite(files, run.endpoints).files;
  const good = exampleFiles('jobbot3000');

  const t0 = Date.now();
  const bad = await run.servers.git.commit(app.repo, rewrite(brokenFiles(good)), 'an invalid manifest', {
    date: runEpoch + 12_000,
  });
  await requestReconcile(staging, 'gitrepository', `app-${app.name}`, 'flux-system');
  const failed = await until(
    'the Kustomization reports the broken revision',
    async () => {
      const ks = await getObject<KubeItem>(staging, 'kustomization', `app-${app.name}`, 'flux-system');
      const ready = condition(ks, 'Ready');
      return String(ks?.status?.lastAttemptedRevision ?? '').endsWith(bad) && ready?.status === 'False'
        ? ks
        : undefined;
    },
    4 * 60_000,
  );
  const reportedMs = Date.now() - t0;
  const message = condition(failed, 'Ready')!.message ?? '';
  expect(message).toMatch(/ConfigMap\/jobbot3000\/broken/);
  expect(failed.status!.lastAppliedRevision).toBe(ks0.status!.lastAppliedRevision);
  const deployment1 = (await getObject(staging, 'deployment', 'web', app.name))!;
  expect(deployment1.metadata.generation).toBe(deployment0.metadata.generation);
  expect(rolledOut(deployment1)).toBe(true);
  expect((await list<PodItem>(staging, 'pods', app.name)).map((p) => p.metadata.name).sort()).toEqual(pods0);
  expect(await getObject(staging, 'configmap', 'broken', app.name)).toBeUndefined();

  const t1 = Date.now();
  const fix = await run.servers.git.commit(app.repo, rewrite(good), 'fix', { date: runEpoch + 12_600 });
  await requestReconcile(staging, 'gitrepository', `app-${app.name}`, 'flux-system');
  await until(
    'the fix is applied',
    async () => {
      const ks = await getObject<KubeItem>(staging, 'kustomization', `app-${app.name}`, 'flux-system');
      return String(ks?.status?.lastAppliedRevision ?? '').endsWith(fix) && condition(ks, 'Ready')?.status === 'True'
        ? true
        : undefined;
    },
    4 * 60_000,
  );
  const figures = {
    app: app.name,
    good: ks0.status!.lastAppliedRevision,
    broken: bad,
    reason: condition(failed, 'Ready')!.reason,
    message: message.slice(0, 400),
    reportedSeconds: s(reportedMs),
    fixedSeconds: s(Date.now() - t1),
  };
  log(`broken commit: ${JSON.stringify(figures)}`);
  return figures;
}

/** Three planted faults, each refused or reported by the layer that owns it. */
export async function checkPlantedFaults(run: LiveRun) {
  const staging = run.clusters.staging!;
  const deployment = (await getObject<KubeItem>(staging, 'deployment', 'web', 'dspace'))!;
  const template = structuredClone(
    (deployment.spec as { template: { spec: Record<string, unknown> } }).template.spec,
  ) as {
    containers: { securityContext?: unknown }[];
    securityContext?: unknown;
  };
  template.containers[0]!.securityContext = { privileged: true };
  delete template.securityContext;
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'planted-privileged', namespace: 'dspace' },
    spec: template,
  };
  const admission = await staging.apply([pod], { allowFailure: true });
  expect(admission.code).not.toBe(0);
  expect(admission.stderr).toMatch(/violates PodSecurity "restricted:latest": privileged/);

  const route = (await getObject<KubeItem>(staging, 'httproute', 'web', 'dspace'))!;
  const spec = structuredClone(route.spec) as { rules: { matches: { path: { type: string; value: string } }[] }[] };
  spec.rules[0]!.matches = [{ path: { type: 'PathPrefix', value: 'no-leading-slash' } }];
  const planted = {
    apiVersion: route.apiVersion,
    kind: 'HTTPRoute',
    metadata: { name: 'planted-path', namespace: 'dspace' },
    spec,
  };
  const cel = await staging.apply([planted], { allowFailure: true });
  expect(cel.code).not.toBe(0);
  expect(cel.stderr).toMatch(
    /value must be an absolute path and start with '\/' when type one of \['Exact', 'PathPrefix'\]/,
  );

  const ks = (await getObject<KubeItem>(staging, 'kustomization', 'app-dspace', 'flux-system'))!;
  const wrong = {
    apiVersion: ks.apiVersion,
    kind: 'Kustomization',
    metadata: { name: 'app-dspace-wrong-path', namespace: 'flux-system' },
    spec: { ...ks.spec, path: './deploy/overlays/stagign' },
  };
  await staging.apply([wrong]);
  const reported = await until(
    'the wrong path is reported',
    async () => {
      const k = await getObject<KubeItem>(staging, 'kustomization', 'app-dspace-wrong-path', 'flux-system');
      return condition(k, 'Ready')?.status === 'False' ? condition(k, 'Ready') : undefined;
    },
    2 * 60_000,
  );
  expect(reported.message).toMatch(/kustomization path not found.*deploy\/overlays\/stagign/);
  await staging.kubectl(['delete', 'kustomization', 'app-dspace-wrong-path', '-n', 'flux-system', '--wait=true']);
  const figures = {
    admission: admission.stderr.trim().split('\n')[0],
    cel: cel.stderr.trim().split('\n')[0],
    fluxPath: { reason: reported.reason, message: reported.message },
  };
  log(`planted faults: ${JSON.stringify(figures)}`);
  return figures;
}

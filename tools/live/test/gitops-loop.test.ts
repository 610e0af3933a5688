/**
 * The whole loop, live and offline (issue 14): the real clusters' synthesized tree and the four app
 * repos in a git server, the apps' images built by buildah for both platforms in a registry, the
 * pinned charts in a chart repository; staging and prod as two live clusters (real etcd,
 * kube-apiserver with Pod Security, controller manager, scheduler, kwok Pi nodes) reconciled by
 * the six Flux controllers as processes. Figures are printed as `[live]` lines and written to
 * .vitest/live-report.json and .vitest/live-report.md (kept when a test fails: what was measured).
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { dependencyEdges } from '../src/index.js';
import { declaredFluxObjects, startLiveRun, type LiveRun } from './support/live-run.js';
import { checkCapacity, checkImageLoop, checkPodsAndRoutes } from './support/loop-checks.js';
import { checkBrokenCommit, checkDataSafety, checkPlantedFaults } from './support/safety-checks.js';
import { log } from './support/log.js';
import { writeReport } from './support/report.js';
import { environments } from './support/run-tree.js';

/** Where the figures go (JSON and markdown), beside vitest's own report. */
const reportDir = resolve('.vitest');

let run: LiveRun;
let failed = false;
/** Every figure of the run, by assertion. */
const figures: Record<string, unknown> = {};
const seconds = (ms: number) => Math.round(ms / 100) / 10;

const minutes = (n: number) => n * 60_000;

function noteFailure() {
  onTestFailed(() => {
    failed = true;
  });
}

/**
 * On by default (npm test, .ci/run); `SUGARKUBE_LIVE_LOOP=0` turns it off for a quick local run,
 * and vitest then lists every test below as skipped.
 */
const loopEnabled = process.env.SUGARKUBE_LIVE_LOOP !== '0';

describe.runIf(loopEnabled)('the GitOps loop on two live clusters (staging, prod)', () => {
  beforeAll(async () => {
    const t0 = Date.now();
    run = await startLiveRun();
    figures.preparation = { ...run.timings, totalSeconds: seconds(Date.now() - t0) };
    figures.images = Object.fromEntries(
      [...run.repos.values()].map((r) => [
        r.name,
        { tag: r.tag, digests: r.images.map((i) => i.digest), buildSeconds: r.buildSeconds },
      ]),
    );
    log(`prepared in ${seconds(Date.now() - t0)} s: ${JSON.stringify(run.timings)}`);
    log(`images: ${JSON.stringify(figures.images)}`);
    log(`charts served: ${run.charts.join(', ')}`);
  }, minutes(60));

  afterAll(async () => {
    if (failed && run) console.log(run.logTails(40));
    for (const path of writeReport(reportDir, figures)) log(`report: ${path}`);
    await run?.stop({ keep: failed });
  }, minutes(2));

  it('runs Flux as processes where the FluxInstance would install it', () => {
    noteFailure();
    for (const env of environments) {
      const cluster = run.clusters[env]!;
      const instance = run.tree.files.find((f) => f.path === `clusters/${env}/flux-system/flux-instance.yaml`)!.content;
      const components = [...instance.matchAll(/^ {4}- (\S+-controller)$/gm)].map((m) => m[1]);
      expect(components.sort(), env).toEqual(Object.keys(cluster.flux.processes).sort());
      for (const proc of Object.values(cluster.flux.processes)) expect(proc.running()).toBe(true);
      expect(instance).toMatch(/version: "2\.9\.x"/);
    }
    figures.fluxVersions = run.clusters.staging!.versions;
    log(`Flux as processes (FluxInstance components): ${JSON.stringify(run.clusters.staging!.versions)}`);
  });

  it(
    'makes every Kustomization and every runnable HelmRelease Ready, in the dependency order the tree declares',
    async () => {
      noteFailure();
      const ready: Record<string, unknown> = {};
      await Promise.all(
        environments.map(async (env) => {
          const declared = declaredFluxObjects(run.tree, env);
          const watch = run.watches[env]!;
          const runnable = declared.filter((d) => !d.suspended);
          const id = (d: { kind: string; namespace: string; name: string }) => `${d.kind} ${d.namespace}/${d.name}`;
          const deadline = Date.now() + minutes(30);
          while (runnable.some((d) => !watch.firstReady.has(id(d)))) {
            if (Date.now() > deadline) {
              const pending = watch
                .current()
                .filter((s) => runnable.some((d) => id(d) === id(s)) && !watch.firstReady.has(id(s)));
              throw new Error(`${env}: not Ready after 30 min: ${JSON.stringify(pending, null, 1)}`);
            }
            await new Promise((r) => setTimeout(r, 1_000));
          }
          // What runs is what the tree declares: nothing more, nothing missing.
          expect(watch.current().map(id).sort()).toEqual(declared.map(id).sort());
          const suspended = declared.filter((d) => d.suspended).map(id);
          expect(suspended, env).toEqual(['HelmRelease flux-system/flux-operator']);
          const reasons = run.tree.edits.filter(
            (e) => e.field === 'spec.suspend' && e.file.startsWith(`clusters/${env}/`),
          );
          const edges = dependencyEdges(declared, watch.firstReady);
          expect(edges.length).toBeGreaterThan(0);
          expect(edges.filter((e) => !e.inOrder)).toEqual([]);
          const t0 = run.bootstrappedAt[env]!;
          ready[env] = {
            readySecondsAfterBootstrap: Object.fromEntries(
              runnable
                .map((d) => [id(d), seconds(watch.firstReady.get(id(d))! - t0)])
                .sort((a, b) => Number(a[1]) - Number(b[1])),
            ),
            suspended: reasons.map((e) => ({ object: e.object, reason: e.reason })),
            dependsOnEdgesInOrder: edges.length,
          };
          log(`${env}: ${runnable.length} Ready, ${suspended.length} suspended: ${JSON.stringify(ready[env])}`);
        }),
      );
      figures.ready = ready;
    },
    minutes(32),
  );

  it(
    "admits every app pod under Pod Security restricted; the Gateway API objects pass the CRDs' CEL rules",
    async () => {
      noteFailure();
      figures.admission = await checkPodsAndRoutes(run);
    },
    minutes(2),
  );

  it(
    'has the real scheduler place every pod on the Pi-shaped nodes: requests against allocatable per node',
    async () => {
      noteFailure();
      figures.capacity = await checkCapacity(run);
    },
    minutes(2),
  );

  it(
    'follows a newer build into staging (reflector → automation commit → kustomize → Deployment), prod unchanged',
    async () => {
      noteFailure();
      figures.imageLoop = await checkImageLoop(run);
    },
    minutes(10),
  );

  it(
    'keeps the data of an app through an upgrade and its removal from the tree (its PVC and uid stay)',
    async () => {
      noteFailure();
      figures.dataSafety = await checkDataSafety(run);
    },
    minutes(12),
  );

  it(
    'leaves the last good revision running when a broken commit arrives, and reports the failure',
    async () => {
      noteFailure();
      figures.brokenCommit = await checkBrokenCommit(run);
    },
    minutes(6),
  );

  it(
    'catches a planted fault at each layer: admission, CEL, a Kustomization with a wrong path',
    async () => {
      noteFailure();
      figures.plantedFaults = await checkPlantedFaults(run);
    },
    minutes(4),
  );
});

// The HelmReleases the cluster tree writes, rendered by real Helm (the v4.2.4 library Flux's
// helm-controller links) from the real charts at the pinned versions (their source from the Go
// module proxy, tools/upstream/tools/helm-charts.sh): the values are accepted (each chart's
// values.schema.json, where it has one, is enforced by helm), every rendered object passes
// kubeconform -strict, and the requests the summary counts for a chart are the requests its
// rendered pods carry: the infrastructure memory figure is checked against the charts themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helmTemplate, pinnedChartDir, validateManifests } from '@sugarkube/verify';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  infraComponents,
  parseClusterDefinition,
  summarizeClusterTree,
  synthesizeClusterTree,
  type ClusterSummary,
} from '../src/index.js';
import { parseCpu, parseMemory } from '../src/definition/quantities.js';
import { testCluster, testPins } from './fixture.js';

/** Charts whose source a module release holds: helm-charts.sh fetches them (the others have none reachable here). */
const renderable = infraComponents.filter((c) => c.chart.sourceModule).map((c) => c.chart.name ?? c.id);

interface Release {
  readonly env: string;
  readonly file: string;
  readonly chart: string;
  readonly version: string;
  readonly releaseName: string;
  readonly namespace: string;
  readonly values: unknown;
}

type Obj = { kind?: string; metadata?: { name?: string }; spec?: Record<string, unknown> };

let releases: Release[];
let summary: ClusterSummary;

beforeAll(() => {
  const cluster = parseClusterDefinition(testCluster(), testPins).value!;
  const files = synthesizeClusterTree(cluster);
  summary = summarizeClusterTree(cluster, files);
  releases = [];
  for (const file of files.filter((f) => f.path.startsWith('infrastructure/controllers/'))) {
    for (const doc of parseAllDocuments(file.content)) {
      const o = doc.toJS() as {
        kind?: string;
        metadata: { name: string; namespace: string };
        spec: {
          chart: { spec: { chart: string; version: string } };
          releaseName?: string;
          targetNamespace?: string;
          values?: unknown;
          valuesFrom?: unknown;
        };
      };
      if (o?.kind !== 'HelmRelease' || !renderable.includes(o.spec.chart.spec.chart)) continue;
      expect(o.spec.valuesFrom, `${file.path}: valuesFrom is not rendered here`).toBeUndefined();
      releases.push({
        env: file.path.split('/')[2]!,
        file: file.path,
        chart: o.spec.chart.spec.chart,
        version: o.spec.chart.spec.version,
        releaseName: o.spec.releaseName ?? o.metadata.name,
        namespace: o.spec.targetNamespace ?? o.metadata.namespace,
        values: o.spec.values ?? {},
      });
    }
  }
});

/** Requests of the rendered workloads: containers × replicas (DaemonSets × nodes), as the summary counts pods. */
function renderedRequests(objects: Obj[], nodes: number): { cpuMillis: number; memoryBytes: number } {
  let cpuMillis = 0;
  let memoryBytes = 0;
  for (const o of objects) {
    if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind ?? '')) continue;
    const pods = o.kind === 'DaemonSet' ? nodes : ((o.spec?.replicas as number | undefined) ?? 1);
    const containers =
      (
        o.spec?.template as {
          spec?: { containers?: { resources?: { requests?: { cpu?: string; memory?: string } } }[] };
        }
      )?.spec?.containers ?? [];
    for (const c of containers) {
      cpuMillis += (c.resources?.requests?.cpu ? parseCpu(c.resources.requests.cpu) : 0) * pods;
      memoryBytes += (c.resources?.requests?.memory ? parseMemory(c.resources.requests.memory) : 0) * pods;
    }
  }
  return { cpuMillis, memoryBytes };
}

describe('infrastructure HelmReleases rendered by helm from the pinned charts', () => {
  it('the fixture installs every renderable chart in some environment', () => {
    expect([...new Set(releases.map((r) => r.chart))].sort()).toEqual([...renderable].sort());
  });

  it('each release pins the version of the chart source the tests render', () => {
    for (const r of releases) {
      const chartYaml = readFileSync(join(pinnedChartDir(r.chart), 'Chart.yaml'), 'utf8');
      expect(`${r.chart} ${/^version: *(\S+)$/m.exec(chartYaml)?.[1]}`).toBe(`${r.chart} ${r.version}`);
    }
  });

  it(
    'helm renders every release with its values; kubeconform accepts every object; the summary counts the requests the pods carry',
    { timeout: 300_000 },
    async () => {
      for (const r of releases) {
        const rendered = await helmTemplate({
          chart: r.chart,
          releaseName: r.releaseName,
          namespace: r.namespace,
          values: r.values,
        });
        const objects = parseAllDocuments(rendered)
          .map((d) => d.toJS() as Obj)
          .filter((o) => o?.kind);
        expect(objects.length, `${r.file}: ${r.chart} renders objects`).toBeGreaterThan(0);
        // CRDs have no core schema (kubeconform's known gap); everything else must validate strictly.
        const report = await validateManifests([{ path: `${r.file} (${r.chart} rendered)`, content: rendered }], {
          allowMissing: ['apiextensions.k8s.io/v1/CustomResourceDefinition'],
        });
        expect(report.problems, `${r.file}`).toEqual([]);
        const env = summary.environments.find((e) => e.name === r.env)!;
        const counted = env.infra.filter((l) => l.name.startsWith(`${r.chart}/`));
        const want = {
          cpuMillis: counted.reduce((n, l) => n + l.cpuMillis, 0),
          memoryBytes: counted.reduce((n, l) => n + l.memoryBytes, 0),
        };
        expect({ chart: `${r.env} ${r.chart}`, ...renderedRequests(objects, env.capacity.nodes) }).toEqual({
          chart: `${r.env} ${r.chart}`,
          ...want,
        });
      }
    },
  );
});

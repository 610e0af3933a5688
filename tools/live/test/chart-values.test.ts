/**
 * The values our HelmReleases set, key by key, against the chart's own values.yaml (its
 * subcharts' merged in), for every chart that ships no values.schema.json: Helm checks nothing
 * there, and a misspelt key is silently ignored. The charts are the pinned ones the live run
 * serves (`$SUGARKUBE_CACHE/current/helm-charts`, `upstream-charts`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { componentPins, infraComponents, parseClusterDefinition, synthesizeClusterTree } from '@sugarkube/cluster';
import sugarkube from '@sugarkube/sugarkube-cluster';
import { cacheEntry } from '@sugarkube/verify';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkValuesKeys, liveEntry, readChartValues, type ChartValues } from '../src/index.js';

const pins = JSON.parse(readFileSync(sugarkube.pinsFile, 'utf8')) as unknown;
const tree = synthesizeClusterTree(parseClusterDefinition(sugarkube.definition, pins).value!);

interface HelmRelease {
  kind: string;
  metadata: { name: string; namespace: string };
  spec: { chart?: { spec: { chart: string; version: string } }; values?: unknown };
}
const releases = tree
  .filter((f) => f.path.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(f.content).map((d) => ({ path: f.path, object: d.toJS() as HelmRelease })))
  .filter((r) => r.object?.kind === 'HelmRelease' && r.object.spec.chart);

/** Where the run gets each pinned chart: the module release's directory, or the archive. */
function chartSource(chart: string, version: string): string {
  const pin = componentPins(infraComponents).components.find((c) => c.chart === chart && c.version === version);
  if (!pin) throw new Error(`${chart} ${version} is not a pinned chart`);
  return pin.sourceModule
    ? join(cacheEntry('helm-charts'), chart)
    : join(liveEntry('upstream-charts'), `${chart}-${version}.tgz`);
}

const charts = new Map<string, ChartValues & { schema: boolean }>();
async function chartOf(chart: string, version: string) {
  const key = `${chart}-${version}`;
  if (!charts.has(key)) {
    const source = chartSource(chart, version);
    const schema = source.endsWith('.tgz')
      ? execFileSync('tar', ['-tzf', source], { encoding: 'utf8' }).split('\n').includes(`${chart}/values.schema.json`)
      : existsSync(join(source, 'values.schema.json'));
    charts.set(key, { ...(await readChartValues(source)), schema });
  }
  return charts.get(key)!;
}

describe("our HelmReleases' values against the charts' values.yaml", () => {
  it('sets only keys the chart has, in every HelmRelease of a chart without a values schema', async () => {
    const checked: Record<string, unknown> = {};
    for (const { path, object } of releases) {
      const { chart, version } = object.spec.chart!.spec;
      const values = await chartOf(chart, version);
      if (values.schema) continue; // helm-controller validates these values against the schema at install
      const report = checkValuesKeys(object.spec.values ?? {}, values);
      expect(report.unknown, `${path} (${chart} ${version})`).toEqual([]);
      checked[`${path} ${chart}@${version}`] = { known: report.known.length, freeForm: report.freeForm.length };
    }
    // The two charts the issue names, and sealed-secrets (no schema either), in both environments.
    expect(
      Object.keys(checked)
        .map((k) => k.split(' ')[1]!.split('@')[0])
        .sort(),
    ).toEqual([
      'kube-prometheus-stack',
      'kube-prometheus-stack',
      'longhorn',
      'longhorn',
      'sealed-secrets',
      'sealed-secrets',
    ]);
    console.log(`[live] values keys checked against values.yaml: ${JSON.stringify(checked)}`);
  });

  it('finds a misspelt key, in the chart itself and in a subchart', async () => {
    const kps = releases.find((r) => r.object.spec.chart!.spec.chart === 'kube-prometheus-stack')!.object;
    const values = structuredClone(kps.spec.values) as Record<string, Record<string, unknown>>;
    values.grafana!.persistance = { enabled: false };
    values.prometheusOperator!.resourcez = {};
    values.alertmanagr = { enabled: true };
    const report = checkValuesKeys(values, await chartOf('kube-prometheus-stack', kps.spec.chart!.spec.version));
    expect(report.unknown).toEqual(['alertmanagr', 'grafana.persistance', 'prometheusOperator.resourcez']);
  });
});

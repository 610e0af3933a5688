import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheEntry, toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';
import { writeTempTree } from './write-temp-tree.js';

export interface HelmTemplateOptions {
  /** A chart under `$SUGARKUBE_CACHE/current/helm-charts/` (tools/upstream/tools/helm-charts.sh). */
  readonly chart: string;
  readonly releaseName: string;
  readonly namespace: string;
  /** The values, as a HelmRelease's `spec.values` holds them. */
  readonly values: unknown;
  /** The Kubernetes version `.Capabilities.KubeVersion` reports. @default 'v1.33.0' */
  readonly kubeVersion?: string;
}

/** The directory of a pinned chart in the cache. */
export function pinnedChartDir(chart: string): string {
  return join(cacheEntry('helm-charts'), chart);
}

/**
 * `helm template` of a pinned chart with these values, as helm-controller renders a HelmRelease
 * (same Helm library version). The chart's `values.schema.json`, when it has one, is enforced.
 * Resolves with the rendered YAML stream; rejects with helm's error.
 */
export async function helmTemplate(options: HelmTemplateOptions): Promise<string> {
  const dir = await writeTempTree([{ path: 'values.json', content: JSON.stringify(options.values ?? {}) }]);
  try {
    const valuesFile = join(dir, 'values.json');
    const args = [
      'template',
      options.releaseName,
      pinnedChartDir(options.chart),
      '--namespace',
      options.namespace,
      '--values',
      valuesFile,
      '--kube-version',
      options.kubeVersion ?? 'v1.33.0',
    ];
    // Helm keeps its config and cache under HOME/XDG dirs: point them at the temp dir.
    const env = {
      ...process.env,
      HELM_CACHE_HOME: join(dir, 'cache'),
      HELM_CONFIG_HOME: join(dir, 'config'),
      HELM_DATA_HOME: join(dir, 'data'),
    };
    const run = await runTool(toolPath('helm'), args, { env });
    if (run.code !== 0)
      throw new Error(`helm template ${options.chart} failed (exit ${run.code}):\n${run.stderr}${run.stdout}`);
    return run.stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

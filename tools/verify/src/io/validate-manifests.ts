import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestReportFromKubeconform, type ManifestReport } from '../manifest-report.js';
import { cacheEntry, toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';
import { writeTempTree, type TreeFile } from './write-temp-tree.js';

/** Options of {@link validateManifests}. */
export interface ValidateManifestsOptions {
  /**
   * Kinds that may lack a schema (counted as skipped): `Kind` or `apiVersion/Kind`.
   * @default [] (every kind without a schema is a problem)
   */
  readonly allowMissing?: readonly string[];
}

/**
 * `kubeconform -strict` against the Kubernetes 1.33 schemas and every pinned CRD schema
 * (tools/upstream). A kind with no schema is a problem, not a skip, unless allowed.
 * A string input is one multi-document YAML stream (reported as `input.yaml`).
 */
export async function validateManifests(
  input: string | ReadonlyArray<TreeFile>,
  options: ValidateManifestsOptions = {},
): Promise<ManifestReport> {
  const kubeconform = toolPath('kubeconform');
  const k8s = cacheEntry('kubernetes-schemas');
  const crds = cacheEntry('crd-schemas');
  const files = typeof input === 'string' ? [{ path: 'input.yaml', content: input }] : input;
  if (files.length === 0) return { valid: 0, invalid: 0, skipped: 0, problems: [] };
  // Stored under numbered names so any caller path (with odd characters or
  // non-YAML extensions) reaches kubeconform; mapped back for the report.
  const stored = files.map((f, i) => ({ path: `${String(i).padStart(4, '0')}.yaml`, content: f.content }));
  const dir = await writeTempTree(stored);
  try {
    const run = await runTool(
      kubeconform,
      [
        '-strict',
        '-output',
        'json',
        '-verbose',
        '-schema-location',
        join(k8s, '{{.ResourceKind}}{{.KindSuffix}}.json'),
        '-schema-location',
        join(crds, '{{.Group}}_{{.ResourceKind}}_{{.ResourceAPIVersion}}.json'),
        ...stored.map((f) => f.path),
      ],
      { cwd: dir },
    );
    if (run.code !== 0 && run.code !== 1) {
      throw new Error(`kubeconform exited ${run.code}:\n${run.stderr}${run.stdout}`);
    }
    const byStored = new Map(stored.map((f, i) => [f.path, files[i]!.path]));
    return manifestReportFromKubeconform(run.stdout, options.allowMissing ?? [], (name) => byStored.get(name) ?? name);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

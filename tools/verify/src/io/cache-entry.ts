import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The tools @sugarkube/verify can run. */
export type VerifyTool =
  'kubeconform' | 'actionlint' | 'zizmor' | 'kustomize' | 'promtool' | 'helm' | 'gitleaks' | 'kubeseal';

/** Everything `tools/upstream/install.sh` links under `$SUGARKUBE_CACHE/current/`. */
export type CacheEntry =
  | VerifyTool
  | 'check-jsonschema'
  | 'kubernetes-schemas'
  | 'crd-schemas'
  | 'github-workflow-schema.json'
  | 'distribution-registry'
  | 'helm-charts'
  | 'gitleaks-config.toml'
  | 'gitleaks-config.json'
  | 'kubernetes-openapi.json'
  | 'kustomize-openapi.json';

/** `$SUGARKUBE_CACHE`, default `~/.cache/sugarkube` (the same rule as tools/upstream/lib.sh). */
export function sugarkubeCache(): string {
  const fromEnv = process.env.SUGARKUBE_CACHE;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(homedir(), '.cache', 'sugarkube');
}

/** Absolute path of an installed entry; throws the install hint when it is missing. */
export function cacheEntry(entry: CacheEntry): string {
  const path = join(sugarkubeCache(), 'current', entry);
  if (!existsSync(path)) {
    throw new Error(`${entry} is not installed: run \`bash tools/upstream/install.sh\``);
  }
  return path;
}

/** Path of an upstream tool's executable; throws `<tool> is not installed: run …` if missing. */
export function toolPath(tool: VerifyTool): string {
  return cacheEntry(tool);
}

import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sugarkubeCache } from '@sugarkube/verify';
import type { FluxController } from '../flux-controller.js';

/** Everything `tools/upstream/install-live.sh` links under `$SUGARKUBE_CACHE/current/`. */
export type LiveEntry =
  | 'etcd'
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'kubectl'
  | 'kwok'
  | 'kwok-stages.yaml'
  | 'gateway-api-crds'
  | 'platform-crds'
  | 'upstream-charts'
  | FluxController
  | `${FluxController}-crds`;

/** Absolute path of an installed live entry; throws the install command when it is missing. */
export function liveEntry(entry: LiveEntry): string {
  const path = join(sugarkubeCache(), 'current', entry);
  if (!existsSync(path)) {
    throw new Error(`${entry} is not installed in ${dirname(path)}: run \`bash tools/upstream/install-live.sh\``);
  }
  return path;
}

/**
 * The pinned version of an installed entry, read from the cache directory it links to
 * (`<tool>-<version>/…`), so the pins live only in the install scripts.
 */
export function liveVersion(entry: LiveEntry): string {
  let dir = realpathSync(liveEntry(entry));
  while (dir !== dirname(dir)) {
    const match = /-(v\d+\.\d+\.\d+)$/.exec(basename(dir));
    if (match) return match[1]!;
    dir = dirname(dir);
  }
  throw new Error(
    `${entry}: no version in the cache path ${realpathSync(liveEntry(entry))} (expected …/<tool>-vX.Y.Z/…)`,
  );
}

import { stringify } from 'yaml';
import { liveEntry } from './live-binary.js';
import { run, type RunOptions, type RunResult } from './run.js';

/** The pinned kubectl (same release as the API server) against `kubeconfig`. */
export function kubectl(kubeconfig: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return run(liveEntry('kubectl'), [`--kubeconfig=${kubeconfig}`, ...args], options);
}

/** Objects as one multi-document YAML stream. */
export function toYamlStream(objects: readonly unknown[]): string {
  return objects.map((o) => `---\n${stringify(o)}`).join('');
}

/**
 * Server-side apply of objects (or a YAML stream), as Flux's kustomize-controller applies;
 * rejects with kubectl's message (an admission refusal, a CEL rule) when the server refuses any.
 */
export function applyObjects(
  kubeconfig: string,
  objects: readonly unknown[] | string,
  options: RunOptions = {},
): Promise<RunResult> {
  const input = typeof objects === 'string' ? objects : toYamlStream(objects);
  return kubectl(
    kubeconfig,
    ['apply', '--server-side', '--field-manager=sugarkube-live', '--force-conflicts', '-f', '-'],
    { ...options, input },
  );
}

import { toolPath } from './cache-entry.js';
import { runTool } from './run-tool.js';

/** `kustomize build DIR` through the pinned entry point (kubectl kustomize or kustomize v5); rejects with stderr on failure. */
export async function kustomizeBuild(dir: string): Promise<string> {
  const run = await runTool(toolPath('kustomize'), ['build', dir]);
  if (run.code !== 0) throw new Error(`kustomize build ${dir} failed (exit ${run.code}):\n${run.stderr}`);
  return run.stdout;
}

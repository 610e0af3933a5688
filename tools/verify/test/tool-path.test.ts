import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { toolPath, validateManifests } from '../src/index.js';

const saved = process.env.SUGARKUBE_CACHE;
afterEach(() => {
  if (saved === undefined) delete process.env.SUGARKUBE_CACHE;
  else process.env.SUGARKUBE_CACHE = saved;
});

it('resolves every tool in the installed cache', () => {
  for (const tool of ['kubeconform', 'actionlint', 'zizmor', 'kustomize'] as const) {
    expect(toolPath(tool)).toMatch(new RegExp(`/current/${tool}$`));
  }
});

it('throws the install hint when a tool is missing', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'sugarkube-empty-cache-'));
  try {
    process.env.SUGARKUBE_CACHE = empty;
    expect(() => toolPath('kubeconform')).toThrow('kubeconform is not installed: run `bash tools/upstream/install.sh`');
    await expect(validateManifests('kind: ConfigMap\n')).rejects.toThrow(/is not installed/);
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});

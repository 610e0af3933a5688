import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/index.js';
import {
  crdSchemasKeyLine,
  kubeTypesCommand,
  kubeTypesPath,
  kubeTypesSource,
  readKubeTypeInputs,
} from '../src/kube-types.js';

describe(`the generated Kubernetes and CRD types ${kubeTypesPath}`, () => {
  it('are what the pinned OpenAPI document and CRD schemas give (regenerated and compared: a hand edit or a pin bump without regenerating fails)', async () => {
    await expect(
      await kubeTypesSource(readKubeTypeInputs()),
      `${kubeTypesPath} differs from the pinned schemas: regenerate it with \`${kubeTypesCommand}\``,
    ).toMatchFileSnapshot(join(repoRoot, kubeTypesPath));
  }, 60_000);

  it("reads the CRD schema set of this checkout's pins, named as crd-schemas.sh names it", () => {
    const script = readFileSync(join(repoRoot, 'tools/upstream/tools/crd-schemas.sh'), 'utf8');
    expect(script.split('\n')).toContain(crdSchemasKeyLine);
  });
});

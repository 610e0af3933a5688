import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appJsonSchema, Testing } from '../src/index.js';
import { exampleApps as realApps } from './support/example-apps.js';

/**
 * Small golden files, one app per runtime, reviewed by eye (see test/golden/README.md).
 * Regenerate after an intended change: `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`.
 */
const goldenDir = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string) {
  const file = join(goldenDir, name);
  if (update || !existsSync(file)) {
    if (!update)
      throw new Error(
        `missing golden file ${name}: run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts and review it`,
      );
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const perRuntime = [
  ['python', realApps.tokenplace, 'relay'],
  ['node', realApps.dspace, 'web'],
  ['static-nginx', realApps.danielsmith, 'web'],
  ['static-node', realApps.jobbot3000, 'web'],
] as const;

describe('golden files', () => {
  it.each(perRuntime)(
    '%s (%s): base Deployment and the staging and prod kustomizations',
    (runtime, descriptor, service) => {
      const files = Testing.synth(descriptor);
      golden(
        `${runtime}/${descriptor.name}/base/deployment-${service}.yaml`,
        files[`${descriptor.name}/base/deployment-${service}.yaml`]!,
      );
      for (const env of ['staging', 'prod']) {
        golden(
          `${runtime}/${descriptor.name}/overlays/${env}/kustomization.yaml`,
          files[`${descriptor.name}/overlays/${env}/kustomization.yaml`]!,
        );
      }
    },
  );

  it('the JSON Schema of sugarkube.yaml', () => {
    golden('sugarkube.schema.json', `${JSON.stringify(appJsonSchema(), null, 2)}\n`);
  });
});

import { applySetters } from '@sugarkube/image-policy';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defineApp, imagePolicyRef, renderImageAutomation } from '../src/index.js';
import { exampleApps } from './support/example-apps.js';

describe("the app's Flux image objects (deploy/image-automation)", () => {
  const app = defineApp(exampleApps.dspace);
  const files = renderImageAutomation(app, { directory: 'deploy' });
  const byPath = Object.fromEntries(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    files.map((f) => [f.path, parse(f.content.replace(/^#.*\n/, '')) as Record<string, any>]),
  );

  it('scans the image and picks the newest default-branch build by its timestamp, named as the setter markers name it', () => {
    const ref = imagePolicyRef(app.descriptor, app.descriptor.services[0]!);
    expect(ref).toEqual({ namespace: 'flux-system', name: 'dspace-web' });
    expect(Object.keys(byPath).sort()).toEqual([
      'deploy/image-automation/imagepolicy-dspace-web.yaml',
      'deploy/image-automation/imagerepository-dspace-web.yaml',
      'deploy/image-automation/kustomization.yaml',
    ]);
    expect(byPath['deploy/image-automation/imagerepository-dspace-web.yaml']!.spec.image).toBe(
      'ghcr.io/democratizedspace/dspace',
    );
    expect(byPath['deploy/image-automation/imagepolicy-dspace-web.yaml']!.spec).toMatchObject({
      imageRepositoryRef: { name: 'dspace-web' },
      filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' },
      policy: { numerical: { order: 'asc' } },
    });
  });

  it("a setter marker naming that policy is moved by applySetters (Flux semantics) to the policy's pick", () => {
    const ref = imagePolicyRef(app.descriptor, app.descriptor.services[0]!);
    const line = `images:\n  - name: ghcr.io/democratizedspace/dspace\n    newTag: main-1-abc1234 # {"$imagepolicy": "${ref.namespace}:${ref.name}:tag"}\n`;
    const result = applySetters(
      { 'apps/dspace.yaml': line },
      [{ ...ref, latestRef: { name: 'ghcr.io/democratizedspace/dspace', tag: 'main-1764000000-abcdef1' } }],
      { namespace: 'flux-system', path: '.' },
    );
    expect(result.changes).toEqual([
      expect.objectContaining({ oldValue: 'main-1-abc1234', newValue: 'main-1764000000-abcdef1' }),
    ]);
  });
});

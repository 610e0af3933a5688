import { applySetters } from '@sugarkube/image-policy';
import { describe, expect, it } from 'vitest';
import { defineApp, imagePolicyRef, planApp, realApps, renderAppTree } from '../src/index.js';
import { buildOverlays } from './support/build.js';

describe('Flux image automation on the rendered tree', () => {
  it('moves the staging tag through the setter marker and leaves prod pinned', async () => {
    const app = defineApp(realApps.dspace);
    const files = renderAppTree(app, { directory: 'apps/dspace' });
    const ref = imagePolicyRef(app.descriptor, app.descriptor.services[0]!);
    expect(ref).toEqual({ namespace: 'flux-system', name: 'dspace-web' });
    const result = applySetters(
      Object.fromEntries(files.map((f) => [f.path, f.content])),
      [{ ...ref, latestRef: { name: 'ghcr.io/democratizedspace/dspace', tag: 'main-1764000000-abcdef1' } }],
      { namespace: 'flux-system', path: 'apps' },
    );
    expect(result.problemFiles).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(['apps/dspace/overlays/staging/kustomization.yaml']);
    expect(result.changes).toEqual([expect.objectContaining({ oldValue: 'edge', newValue: 'main-1764000000-abcdef1' })]);
    const updated = files.map((f) => result.files.find((u) => u.path === f.path) ?? f);
    const built = await buildOverlays(updated, ['apps/dspace/overlays/staging', 'apps/dspace/overlays/prod']);
    const image = (overlay: string) => (built.get(overlay)!.objects.find((o) => o.kind === 'Deployment') as unknown as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0]!.image;
    expect(image('apps/dspace/overlays/staging')).toBe('ghcr.io/democratizedspace/dspace:main-1764000000-abcdef1');
    expect(image('apps/dspace/overlays/prod')).toBe('ghcr.io/democratizedspace/dspace:main-1a31a56');
    expect(planApp(app, 'prod').length).toBe(built.get('apps/dspace/overlays/prod')!.objects.length);
  }, 60_000);
});

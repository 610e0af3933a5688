import { validateManifests } from '@sugarkube/verify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineApp, environmentsOf, planApp, renderAppTree } from '../src/index.js';
import { validDescriptor } from './support/arbitraries.js';
import { buildOverlays, canonical } from './support/build.js';

/** How many generated descriptors go through the real tools (all 5,000 would take minutes). */
const sampleSize = 30;

describe(`real tools on ${sampleSize} generated descriptors`, () => {
  it('kustomize builds each overlay to exactly the plan, and kubeconform accepts all of it in one call', async () => {
    const apps = fc.sample(validDescriptor, { numRuns: sampleSize, seed: 424242 }).map((d) => defineApp(d));
    const files = apps.flatMap((app, i) => renderAppTree(app, { directory: `app-${i}` }));
    const overlays = apps.flatMap((app, i) =>
      Object.keys(environmentsOf(app.descriptor)).map((env) => ({ i, env, path: `app-${i}/overlays/${env}` })),
    );
    const built = await buildOverlays(
      files,
      overlays.map((o) => o.path),
    );
    for (const { i, env, path } of overlays) {
      expect(canonical(built.get(path)!.objects), path).toEqual(canonical(planApp(apps[i]!, env)));
    }
    const report = await validateManifests([...built].map(([path, b]) => ({ path, content: b.yaml })));
    expect(report.problems).toEqual([]);
    expect(report.invalid).toBe(0);
    expect(report.valid).toBe([...built.values()].reduce((n, b) => n + b.objects.length, 0));
    console.log(
      `${sampleSize} descriptors, ${overlays.length} overlays, ${report.valid} objects validated by kubeconform`,
    );
  }, 300_000);
});

import { defineApp, renderAppTree, renderImageAutomation } from '@sugarkube/manifests';
import { expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseClusterDefinition, synthesizeClusterTree } from '../src/index.js';
import { testCluster, testPins } from './fixture.js';
import { buildAndValidate } from './real-tools.js';

it(
  'kustomize builds every Flux Kustomization path, in this repo and in the app repo, and kubeconform accepts every object',
  { timeout: 300_000 },
  async () => {
    const files = synthesizeClusterTree(parseClusterDefinition(testCluster(), testPins).value!);
    // The app repo as `npx projen` writes it there (SugarkubeApp): deploy/ from the same descriptor.
    const hello = defineApp(testCluster().apps[0]!.app as never);
    const appRepo = [
      ...renderAppTree(hello, { directory: 'deploy' }),
      ...renderImageAutomation(hello, { directory: 'deploy' }),
    ];
    const { paths, objects, report, built } = await buildAndValidate(files, {
      'https://github.com/acme/hello': appRepo,
    });
    expect(paths).toEqual([
      'apps/prod/legacy',
      'apps/staging/legacy',
      'clusters/prod',
      'clusters/staging',
      'https://github.com/acme/hello//deploy/image-automation',
      'https://github.com/acme/hello//deploy/overlays/prod',
      'https://github.com/acme/hello//deploy/overlays/staging',
      'infrastructure/configs/prod',
      'infrastructure/configs/staging',
      'infrastructure/controllers/prod',
      'infrastructure/controllers/staging',
    ]);
    expect(report.problems).toEqual([]);
    // Everything built was checked against a schema, the two FluxInstances included.
    expect([report.valid, report.skipped]).toEqual([objects, 0]);
    // What runs: staging's pinned build (automation moves it), prod's promoted digest. No mutable tag anywhere.
    const images = (suffix: string) =>
      built
        .filter((b) => b.path.includes(suffix))
        .flatMap((b) =>
          parseAllDocuments(b.content).map(
            (d) => d.toJS() as { kind: string; spec?: { template?: { spec?: { containers?: { image: string }[] } } } },
          ),
        )
        .filter((o) => o.kind === 'Deployment')
        .flatMap((o) => o.spec!.template!.spec!.containers!.map((c) => c.image));
    expect(images('overlays/staging')).toEqual(['ghcr.io/acme/hello:main-1700000000-abc1234']);
    // kustomize writes both: the tag for people, the digest for the runtime.
    expect(images('overlays/prod')).toEqual([`ghcr.io/acme/hello:main-1690000000-0123abc@sha256:${'a'.repeat(64)}`]);
    const imageObjects = built.find((b) => b.path.includes('image-automation'))!.content;
    expect(imageObjects).toMatch(/kind: ImagePolicy[\s\S]*namespace: flux-system/);
  },
);

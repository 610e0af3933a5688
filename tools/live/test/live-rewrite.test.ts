import { parseClusterDefinition, synthesizeClusterTree } from '@sugarkube/cluster';
import sugarkube from '@sugarkube/sugarkube-cluster';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liveRewrite } from '../src/index.js';

const pins = JSON.parse(readFileSync(sugarkube.pinsFile, 'utf8')) as unknown;
const tree = synthesizeClusterTree(parseClusterDefinition(sugarkube.definition, pins).value!);
const endpoints = {
  gitUrl: 'http://127.0.0.1:1001',
  registryHost: '127.0.0.1:1002',
  chartsUrl: 'http://127.0.0.1:1003',
};

describe('liveRewrite: the real tree, served from loopback', () => {
  const { files, edits, problems } = liveRewrite(tree, endpoints);

  it('points every GitRepository, HelmRepository and ImageRepository at the run and suspends the flux-operator chart', () => {
    expect(problems).toEqual([]);
    const summary = edits.map((e) => `${e.file} ${e.object} ${e.field}: ${String(e.from)} -> ${String(e.to)}`);
    expect(summary.filter((l) => l.includes('GitRepository flux-system/flux-system'))).toEqual([
      'clusters/prod/flux-system/flux-sync.yaml GitRepository flux-system/flux-system spec.url: https://github.com/futuroptimist/sugarkube -> http://127.0.0.1:1001/futuroptimist/sugarkube',
      'clusters/staging/flux-system/flux-sync.yaml GitRepository flux-system/flux-system spec.url: https://github.com/futuroptimist/sugarkube -> http://127.0.0.1:1001/futuroptimist/sugarkube',
    ]);
    expect(summary).toContain(
      'clusters/staging/apps/dspace.yaml GitRepository flux-system/app-dspace spec.url: https://github.com/democratizedspace/dspace -> http://127.0.0.1:1001/democratizedspace/dspace',
    );
    expect(summary.filter((l) => l.includes('spec.suspend'))).toEqual([
      'clusters/prod/flux-system/flux-operator.yaml OCIRepository flux-system/flux-operator spec.suspend: undefined -> true',
      'clusters/prod/flux-system/flux-operator.yaml HelmRelease flux-system/flux-operator spec.suspend: undefined -> true',
      'clusters/staging/flux-system/flux-operator.yaml OCIRepository flux-system/flux-operator spec.suspend: undefined -> true',
      'clusters/staging/flux-system/flux-operator.yaml HelmRelease flux-system/flux-operator spec.suspend: undefined -> true',
    ]);
    expect(edits.find((e) => e.field === 'spec.suspend')!.reason).toMatch(
      /oci:\/\/ghcr\.io\/controlplaneio-fluxcd\/charts\/flux-operator:0\.59\.0\) cannot be had offline/,
    );
    // Every HelmRepository of both environments, and nothing else of theirs.
    const helm = edits.filter((e) => e.object.startsWith('HelmRepository'));
    expect(new Set(helm.map((e) => e.to))).toEqual(new Set([endpoints.chartsUrl]));
    expect(helm.length).toBe(8);
  });

  it('changes only those fields: every other byte, comment and setter marker stays', () => {
    const changed = new Set(edits.map((e) => e.file));
    for (const [i, file] of files.entries()) {
      if (!changed.has(file.path)) expect(file).toBe(tree[i]);
    }
    const app = files.find((f) => f.path === 'clusters/staging/apps/dspace.yaml')!.content;
    const before = tree.find((f) => f.path === 'clusters/staging/apps/dspace.yaml')!.content;
    expect(app.replace('http://127.0.0.1:1001/', 'https://github.com/')).toBe(before);
    expect(app).toContain('# {"$imagepolicy": "flux-system:dspace-web:tag"}');
  });

  it("moves an app repo's ImageRepository to the run's registry, insecure (plain HTTP)", () => {
    const repo = liveRewrite(
      [
        {
          path: 'deploy/image-automation/imagerepository-app-web.yaml',
          content:
            '# header\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: app-web\n  namespace: flux-system\nspec:\n  image: ghcr.io/owner/app\n  interval: 5m\n',
        },
      ],
      endpoints,
    );
    expect(repo.files[0]!.content).toBe(
      '# header\napiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: app-web\n  namespace: flux-system\nspec:\n  image: 127.0.0.1:1002/owner/app\n  interval: 5m\n  insecure: true\n',
    );
  });

  it('names what it cannot serve instead of leaving it pointing at the internet', () => {
    const { problems: found } = liveRewrite(
      [
        {
          path: 'a.yaml',
          content:
            'apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata:\n  name: x\n  namespace: flux-system\nspec:\n  url: https://gitlab.com/a/b\n',
        },
        {
          path: 'b.yaml',
          content:
            'apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nmetadata:\n  name: y\n  namespace: flux-system\nspec:\n  image: docker.io/library/nginx\n',
        },
      ],
      endpoints,
    );
    expect(found).toEqual([
      'a.yaml: GitRepository flux-system/x: spec.url https://gitlab.com/a/b is not on github.com',
      'b.yaml: ImageRepository flux-system/y: spec.image docker.io/library/nginx is not on ghcr.io',
    ]);
  });
});

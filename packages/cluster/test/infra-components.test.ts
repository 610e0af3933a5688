import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { clusterSecrets, infraComponents, parseClusterDefinition, synthesizeClusterTree } from '../src/index.js';
import { testCluster, testPins } from './fixture.js';

const src = join(import.meta.dirname, '../src');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('the component registry', () => {
  it('lists each component once, with a kebab-case id, in install order (every dependency earlier)', () => {
    const ids = infraComponents.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    infraComponents.forEach((component, index) => {
      for (const dep of component.dependsOn ?? []) {
        expect(infraComponents.indexOf(dep), `${component.id} depends on ${dep.id}`).toBeGreaterThanOrEqual(0);
        expect(infraComponents.indexOf(dep), `${component.id} depends on ${dep.id}, listed after it`).toBeLessThan(
          index,
        );
      }
    });
  });

  it('gives every namespace synth creates one Pod Security level, and every secret one owner', () => {
    const levels = new Map<string, string>();
    for (const { namespace } of infraComponents) {
      const known = levels.get(namespace.name);
      if (known !== undefined) expect(namespace.podSecurity, namespace.name).toBe(known);
      levels.set(namespace.name, namespace.podSecurity);
    }
    const names = clusterSecrets.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    // Listed by namespace: the order of errors ("one of …") and of secrets.yaml.
    expect(clusterSecrets.map((s) => `${s.namespace}/${s.name} (${s.component})`)).toEqual([
      'cert-manager/cloudflare-api-token (cert-manager)',
      'cloudflared/cloudflared-token (cloudflared)',
      'external-dns/external-dns-cloudflare (external-dns)',
      'flux-system/flux-github-token (flux)',
      'flux-system/flux-chat-webhook (flux)',
      'longhorn-system/longhorn-backup (longhorn)',
    ]);
  });

  it("takes a chart's CRDs from the release its chart source comes from", () => {
    for (const component of infraComponents) {
      const source = component.chart.sourceModule;
      if (!source) continue;
      for (const crd of (component.crds ?? []).filter((c) => c.module === source.module))
        expect(`${component.id} ${crd.version}`).toBe(`${component.id} ${source.version}`);
    }
    const crd = (id: string) => infraComponents.find((c) => c.id === id)!.crds!.map((c) => `${c.module}@${c.version}`);
    expect(crd('metallb')).toEqual(['go.universe.tf/metallb@v0.15.3']);
    // The prometheus-operator release kube-prometheus-stack 88.1.3 ships (its appVersion and CRDs subchart).
    expect(crd('kube-prometheus-stack')).toEqual(['github.com/prometheus-operator/prometheus-operator@v0.93.0']);
    // The one exception says why.
    const longhorn = infraComponents.find((c) => c.id === 'longhorn')!;
    expect([longhorn.chart.version, longhorn.crds![0]!.version]).toEqual(['1.12.1', 'v1.12.0']);
    expect(longhorn.crds![0]!.note).toMatch(/does not serve longhorn-manager v1\.12\.1/);
  });

  it('is the only list of components: no other source file keys anything by a component id', () => {
    const offenders = sources(src).filter((file) =>
      /\bid\s*===\s*['"]|chartEntry\(|chartTable/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('installs what is enabled, where its dependencies are', () => {
    const tree = synthesizeClusterTree(parseClusterDefinition(testCluster(), testPins).value!);
    const objects = (path: string) =>
      parseAllDocuments(tree.find((f) => f.path === path)!.content).map(
        (d) => d.toJS() as { kind: string; metadata: { name: string } },
      );
    const names = (path: string) => objects(path).map((o) => o.metadata.name);
    // Staging: tunnel, prod: MetalLB; external-dns and sealed-secrets in both; Flux in flux-system.
    expect(
      tree.filter((f) => f.path.startsWith('infrastructure/controllers/staging/')).map((f) => f.path.split('/')[3]),
    ).toEqual([
      'cert-manager.yaml',
      'external-dns.yaml',
      'helm-repositories.yaml',
      'kube-prometheus-stack.yaml',
      'kustomization.yaml',
      'longhorn.yaml',
      'namespaces.yaml',
      'sealed-secrets.yaml',
      'traefik.yaml',
    ]);
    expect(names('infrastructure/controllers/prod/helm-repositories.yaml')).toEqual([
      'longhorn',
      'kube-prometheus-stack',
      'cert-manager',
      'sealed-secrets',
      'external-dns',
      'metallb',
    ]);
    expect(names('infrastructure/controllers/staging/namespaces.yaml')).toEqual([
      'longhorn-system',
      'monitoring',
      'cert-manager',
      'cloudflared',
      'external-dns',
    ]);
    expect(names('infrastructure/controllers/prod/namespaces.yaml')).toEqual([
      'longhorn-system',
      'monitoring',
      'cert-manager',
      'external-dns',
      'metallb-system',
    ]);
    // Shared files list each component's objects in install order.
    expect(
      objects('infrastructure/configs/staging/monitoring.yaml').map((o) => `${o.kind} ${o.metadata.name}`),
    ).toEqual([
      'PodMonitor traefik',
      'ServiceMonitor longhorn',
      'PrometheusRule sugarkube',
      'ConfigMap dashboard-sugarkube-ingress',
      'ConfigMap dashboard-sugarkube-cluster',
    ]);
    expect(names('clusters/staging/flux-system/flux-operator.yaml')).toEqual(['flux-operator', 'flux-operator']);
  });
});

import { describe, expect, it } from 'vitest';
import { validateManifests } from '../src/index.js';

const deployment = (containerExtra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: demo
spec:
  replicas: 1
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: web
          image: ghcr.io/example/web:sha-1234567
          ports: [{ containerPort: 8080, name: http }]
          resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 256Mi } }
${containerExtra}`;

describe('validateManifests: Kubernetes 1.33 core kinds', () => {
  it('passes a valid Deployment', async () => {
    const report = await validateManifests(deployment());
    expect(report).toEqual({ valid: 1, invalid: 0, skipped: 0, problems: [] });
  });

  it('fails a Deployment with a misspelled field (strict)', async () => {
    const report = await validateManifests(deployment('          imagePullPolicyy: Always\n'));
    expect(report.valid).toBe(0);
    expect(report.invalid).toBe(1);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ source: 'input.yaml', kind: 'Deployment', name: 'web' });
    expect(report.problems[0]!.message).toContain("'imagePullPolicyy' not allowed");
    expect(report.problems[0]!.message).toContain('/spec/template/spec/containers/0');
  });

  it('fails a wrong type and a missing required field', async () => {
    const report = await validateManifests(`apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  ports: [{ port: "eighty" }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: c }
data: { a: 1 }
`);
    expect(report.invalid).toBe(2);
    expect(report.problems.map((p) => p.kind)).toEqual(['ConfigMap', 'Service']);
  });

  it('maps problems back to the caller file paths and counts every document', async () => {
    const report = await validateManifests([
      { path: 'base/deployment.yaml', content: deployment() },
      {
        path: 'base/bad.yaml',
        content: deployment('          imagee: x\n').replace('name: web\n  namespace', 'name: bad\n  namespace'),
      },
    ]);
    expect(report.valid).toBe(1);
    expect(report.invalid).toBe(1);
    expect(report.problems[0]).toMatchObject({ source: 'base/bad.yaml', kind: 'Deployment', name: 'bad' });
  });

  it('reports a YAML syntax error as a problem', async () => {
    const report = await validateManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n');
    expect(report.invalid).toBe(1);
    expect(report.problems).toHaveLength(1);
  });

  it('treats an unknown kind as a problem, or as skipped when allowed', async () => {
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\n';
    const strict = await validateManifests(widget);
    expect(strict).toMatchObject({ valid: 0, invalid: 1, skipped: 0 });
    expect(strict.problems[0]!.message).toMatch(/^no schema for example\.com\/v1 Widget/);
    expect(await validateManifests(widget, { allowMissing: ['Widget'] })).toEqual({
      valid: 0,
      invalid: 0,
      skipped: 1,
      problems: [],
    });
    expect(await validateManifests(widget, { allowMissing: ['example.com/v1/Widget'] })).toMatchObject({
      skipped: 1,
      invalid: 0,
    });
    expect(await validateManifests(widget, { allowMissing: ['example.com/v2/Widget'] })).toMatchObject({
      skipped: 0,
      invalid: 1,
    });
  });
});

describe('validateManifests: CRDs (Flux 2.9 GA, Gateway API, cert-manager, sealed-secrets, prometheus-operator, k3s)', () => {
  it('validates a Flux kustomize.toolkit.fluxcd.io/v1 Kustomization', async () => {
    const report = await validateManifests(`apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: { name: apps, namespace: flux-system }
spec:
  interval: 10m
  path: ./clusters/staging/apps
  prune: true
  sourceRef: { kind: GitRepository, name: flux-system }
  dependsOn: [{ name: infra }]
`);
    expect(report).toEqual({ valid: 1, invalid: 0, skipped: 0, problems: [] });
  });

  it('reports the removed kustomize.toolkit.fluxcd.io/v1beta2 Kustomization (no schema)', async () => {
    const report = await validateManifests(`apiVersion: kustomize.toolkit.fluxcd.io/v1beta2
kind: Kustomization
metadata: { name: apps, namespace: flux-system }
spec:
  interval: 10m
  path: ./apps
  prune: true
  sourceRef: { kind: GitRepository, name: flux-system }
`);
    expect(report).toMatchObject({ valid: 0, invalid: 1, skipped: 0 });
    expect(report.problems[0]!.message).toContain('no schema for kustomize.toolkit.fluxcd.io/v1beta2 Kustomization');
  });

  it('rejects a misspelled field inside a CRD spec and at the root (strict CRD schemas)', async () => {
    const report = await validateManifests(`apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: { name: a, namespace: flux-system }
spec:
  interval: 10m
  prune: true
  sourceRef: { kind: GitRepository, name: flux-system }
  dependOn: [{ name: infra }]
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: { name: b, namespace: flux-system }
spec:
  interval: 1m
  url: https://github.com/example/gitops
  ref: { branch: main }
extra: true
`);
    expect(report.invalid).toBe(2);
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(/'dependOn' not allowed/);
    expect(report.problems.map((p) => p.message).join('\n')).toMatch(/'extra' not allowed/);
  });

  it('validates the GA Flux sources, HelmRelease v2, image automation v1 and notifications', async () => {
    const report = await validateManifests(`apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata: { name: sealed-secrets, namespace: flux-system }
spec: { interval: 1h, url: https://bitnami.github.io/sealed-secrets }
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata: { name: podinfo, namespace: flux-system }
spec: { interval: 10m, url: oci://ghcr.io/stefanprodan/charts/podinfo, ref: { semver: ">=6.0.0" } }
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: { name: sealed-secrets, namespace: kube-system }
spec:
  interval: 1h
  chart:
    spec:
      chart: sealed-secrets
      version: 2.17.x
      sourceRef: { kind: HelmRepository, name: sealed-secrets, namespace: flux-system }
  values: { fullnameOverride: sealed-secrets-controller }
---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageRepository
metadata: { name: web, namespace: flux-system }
spec: { image: ghcr.io/example/web, interval: 5m }
---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImagePolicy
metadata: { name: web, namespace: flux-system }
spec:
  imageRepositoryRef: { name: web }
  filterTags: { pattern: '^main-(?P<ts>[0-9]+)-[0-9a-f]{7}$', extract: '$ts' }
  policy: { numerical: { order: asc } }
---
apiVersion: image.toolkit.fluxcd.io/v1
kind: ImageUpdateAutomation
metadata: { name: staging, namespace: flux-system }
spec:
  interval: 10m
  sourceRef: { kind: GitRepository, name: flux-system }
  git:
    checkout: { ref: { branch: main } }
    commit:
      author: { name: fluxcdbot, email: fluxcdbot@users.noreply.github.com }
      messageTemplate: '{{range .Changed.Changes}}{{print .OldValue}} -> {{println .NewValue}}{{end}}'
    push: { branch: main }
  update: { path: ./clusters/staging, strategy: Setters }
---
apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Provider
metadata: { name: github, namespace: flux-system }
spec: { type: github, address: https://github.com/example/gitops, secretRef: { name: github-token } }
---
apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Alert
metadata: { name: all, namespace: flux-system }
spec:
  providerRef: { name: github }
  eventSources: [{ kind: Kustomization, name: '*' }]
---
apiVersion: notification.toolkit.fluxcd.io/v1
kind: Receiver
metadata: { name: github, namespace: flux-system }
spec:
  type: github
  events: [push]
  secretRef: { name: webhook-token }
  resources: [{ kind: GitRepository, name: flux-system }]
`);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ valid: 9, invalid: 0, skipped: 0 });
  });

  it('validates an HTTPRoute, a Certificate, a SealedSecret, a ServiceMonitor and a HelmChartConfig', async () => {
    const report = await validateManifests(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: demo }
spec:
  parentRefs: [{ name: traefik-gateway, namespace: kube-system }]
  hostnames: [staging.example.com]
  rules:
    - matches: [{ path: { type: PathPrefix, value: / } }]
      backendRefs: [{ name: web, port: 80 }]
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: { name: web, namespace: demo }
spec:
  secretName: web-tls
  dnsNames: [staging.example.com]
  renewBefore: 360h
  issuerRef: { kind: ClusterIssuer, name: letsencrypt-staging }
---
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: { name: cloudflare-token, namespace: cert-manager }
spec:
  encryptedData: { api-token: AgBy8hCF8xQ== }
  template: { metadata: { name: cloudflare-token, namespace: cert-manager } }
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: { name: web, namespace: demo }
spec:
  selector: { matchLabels: { app: web } }
  endpoints: [{ port: http, path: /metrics, interval: 30s }]
---
apiVersion: helm.cattle.io/v1
kind: HelmChartConfig
metadata: { name: traefik, namespace: kube-system }
spec:
  valuesContent: |-
    providers:
      kubernetesGateway:
        enabled: true
`);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ valid: 5, invalid: 0, skipped: 0 });
  });

  it('validates Longhorn, MetalLB and Traefik kinds too', async () => {
    const report = await validateManifests(`apiVersion: longhorn.io/v1beta2
kind: RecurringJob
metadata: { name: daily-backup, namespace: longhorn-system }
spec: { cron: "0 3 * * *", task: backup, retain: 7, concurrency: 1, groups: [default] }
---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: { name: lan, namespace: metallb-system }
spec: { addresses: [192.168.1.240-192.168.1.250] }
---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: https-redirect, namespace: kube-system }
spec: { redirectScheme: { scheme: https, permanent: true } }
`);
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(3);
  });

  it('flags an invalid Certificate (wrong type) and an HTTPRoute with a bad path type', async () => {
    const report = await validateManifests(`apiVersion: cert-manager.io/v1
kind: Certificate
metadata: { name: web, namespace: demo }
spec:
  secretName: web-tls
  dnsNames: staging.example.com
  issuerRef: { kind: ClusterIssuer, name: letsencrypt-staging }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: demo }
spec:
  rules:
    - matches: [{ path: { type: Prefix, value: / } }]
`);
    expect(report.invalid).toBe(2);
    expect(report.problems.map((p) => p.kind).sort()).toEqual(['Certificate', 'HTTPRoute']);
  });
});

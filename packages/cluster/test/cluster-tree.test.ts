/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read parsed YAML of known shape */
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { infraComponents, parseClusterDefinition, synthesizeClusterTree, validateClusterTree } from '../src/index.js';
import type { GeneratedFile } from '@sugarkube/core';
import { testCluster, testPins } from './fixture.js';

const cluster = () => parseClusterDefinition(testCluster(), testPins).value!;
const files = synthesizeClusterTree(cluster());
const file = (path: string) => files.find((f) => f.path === path)?.content ?? '';
const objects = (path: string) => parseAllDocuments(file(path)).map((d) => d.toJS() as Record<string, any>);
const all = files
  .filter((f) => f.path.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(f.content).map((d) => ({ path: f.path, object: d.toJS() as Record<string, any> })));

describe('synthesizeClusterTree', () => {
  it('is deterministic: two runs give byte-identical trees', () => {
    const again = synthesizeClusterTree(cluster());
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    expect(again).toEqual(files);
  });

  it('passes its own structural validation, with Flux ordered controllers → configs → apps', () => {
    const { problems, order } = validateClusterTree(files);
    expect(problems).toEqual([]);
    expect(order.staging).toEqual([
      'flux-system/flux-system',
      'flux-system/infra-controllers',
      'flux-system/infra-configs',
      'flux-system/app-hello',
      'flux-system/app-hello-images',
      'flux-system/app-legacy',
    ]);
    const layers = objects('clusters/staging/infrastructure.yaml');
    expect(
      layers.map((k) => [k.metadata.name, k.spec.dependsOn ?? [], k.spec.prune, k.spec.wait, k.spec.timeout]),
    ).toEqual([
      ['infra-controllers', [], true, true, '30m'],
      ['infra-configs', [{ name: 'infra-controllers' }], true, true, '10m'],
    ]);
    const apps = [
      ...objects('clusters/staging/apps/hello.yaml'),
      ...objects('clusters/staging/apps/legacy.yaml'),
    ].filter((o) => o.kind === 'Kustomization');
    expect(apps).toHaveLength(3);
    expect(apps.every((k) => k.spec.dependsOn[0].name === 'infra-configs')).toBe(true);
  });

  it('emits only GA Flux APIs', () => {
    const flux = all.filter(({ object }) => /fluxcd\.io\//.test(object.apiVersion));
    expect(flux.length).toBeGreaterThan(20);
    for (const { object } of flux) {
      expect(object.apiVersion).toMatch(
        /^(kustomize\.toolkit\.fluxcd\.io\/v1|source\.toolkit\.fluxcd\.io\/v1|helm\.toolkit\.fluxcd\.io\/v2|image\.toolkit\.fluxcd\.io\/v1|notification\.toolkit\.fluxcd\.io\/v1beta3|fluxcd\.controlplane\.io\/v1)$/,
      );
    }
  });

  it('fails validation on a removed Flux API, a missing path, a missing resource and a dependsOn cycle', () => {
    const broken: GeneratedFile[] = files.map((f) => {
      if (f.path === 'infrastructure/controllers/staging/cert-manager.yaml')
        return { ...f, content: f.content.replace('helm.toolkit.fluxcd.io/v2', 'helm.toolkit.fluxcd.io/v2beta2') };
      if (f.path === 'clusters/staging/infrastructure.yaml') {
        return {
          ...f,
          content: f.content.replace(
            'interval: 1h\n  path: ./infrastructure/controllers/staging',
            'dependsOn:\n    - name: infra-configs\n  interval: 1h\n  path: ./infrastructure/controllers/staging',
          ),
        };
      }
      if (f.path === 'clusters/prod/apps/legacy.yaml')
        return { ...f, content: f.content.replace('./apps/prod/legacy', './apps/prod/legcy') };
      if (f.path === 'infrastructure/configs/prod/kustomization.yaml')
        return { ...f, content: f.content.replace('gateway.yaml', 'gateways.yaml') };
      return f;
    });
    const messages = validateClusterTree(broken).problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual([
      'clusters/prod/apps/legacy.yaml: Kustomization app-legacy path ./apps/prod/legcy has no kustomization.yaml in the tree',
      'infrastructure/configs/prod/kustomization.yaml: resource "gateways.yaml" does not exist (no file infrastructure/configs/prod/gateways.yaml nor infrastructure/configs/prod/gateways.yaml/kustomization.yaml)',
      'infrastructure/controllers/staging/cert-manager.yaml: HelmRelease uses the removed Flux API helm.toolkit.fluxcd.io/v2beta2; emit only GA versions (v1, helm v2)',
      'clusters/staging/apps/hello.yaml: Kustomization dependsOn cycle in staging among flux-system/app-hello, flux-system/app-hello-images, flux-system/app-legacy, flux-system/infra-configs, flux-system/infra-controllers',
    ]);
  });

  it('orders HelmReleases by dependsOn (Longhorn before Prometheus before its ServiceMonitor users)', () => {
    const release = (id: string) =>
      objects(`infrastructure/controllers/staging/${id}.yaml`).find((o) => o.kind === 'HelmRelease')!;
    expect(release('kube-prometheus-stack').spec.dependsOn).toEqual([
      { name: 'longhorn', namespace: 'longhorn-system' },
    ]);
    expect(release('cert-manager').spec.dependsOn).toEqual([
      { name: 'kube-prometheus-stack', namespace: 'monitoring' },
    ]);
    expect(release('longhorn').spec.dependsOn).toBeUndefined();
  });

  it('puts MetalLB only where it is the exposure, cloudflared only behind a tunnel', () => {
    expect(files.some((f) => f.path === 'infrastructure/controllers/prod/metallb.yaml')).toBe(true);
    expect(files.some((f) => f.path === 'infrastructure/controllers/staging/metallb.yaml')).toBe(false);
    expect(objects('infrastructure/configs/prod/metallb.yaml').map((o) => [o.kind, o.spec])).toEqual([
      ['IPAddressPool', { addresses: ['192.168.1.240-192.168.1.250'] }],
      ['L2Advertisement', { ipAddressPools: ['sugarkube'] }],
    ]);
    expect(files.some((f) => f.path === 'infrastructure/configs/prod/cloudflared.yaml')).toBe(false);
    const traefik = (env: string) =>
      objects(`infrastructure/controllers/${env}/traefik.yaml`)[0]!.spec.valuesContent as string;
    expect(traefik('prod')).toContain('type: LoadBalancer');
    expect(traefik('staging')).toContain('type: ClusterIP');
    expect(traefik('staging')).toMatch(/kubernetesGateway:\n\s+enabled: true/);
  });

  it('runs cloudflared as two ready-probed replicas whose egress is the Cloudflare edge and Traefik only', () => {
    const deployment = objects('infrastructure/configs/staging/cloudflared.yaml').find((o) => o.kind === 'Deployment')!;
    expect(deployment.spec.replicas).toBe(2);
    const container = deployment.spec.template.spec.containers[0];
    expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'metrics' });
    expect(container.env[0].valueFrom.secretKeyRef).toEqual({ name: 'cloudflared-token', key: 'token' });
    const policy = objects('infrastructure/configs/staging/network-policies.yaml').find(
      (o) => o.metadata.name === 'cloudflared',
    )!;
    const ports = policy.spec.egress.map((rule: any) =>
      rule.ports.map((p: any) => `${p.protocol}/${p.port}`).join(','),
    );
    expect(ports).toEqual(['UDP/53,TCP/53', 'TCP/7844,UDP/7844', 'TCP/8000,TCP/8443']);
  });

  it('issues certificates through Cloudflare DNS-01 with the sealed token', () => {
    const issuers = objects('infrastructure/configs/staging/cluster-issuers.yaml');
    expect(issuers.map((i) => i.metadata.name)).toEqual(['letsencrypt-staging', 'letsencrypt-production']);
    expect(issuers[1]!.spec.acme.solvers[0].dns01.cloudflare.apiTokenSecretRef).toEqual({
      name: 'cloudflare-api-token',
      key: 'api-token',
    });
    const sealed = objects('infrastructure/configs/staging/secrets.yaml').map(
      (o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`,
    );
    expect(sealed).toEqual([
      'SealedSecret cert-manager/cloudflare-api-token',
      'SealedSecret cloudflared/cloudflared-token',
    ]);
  });

  it('backs up every Longhorn volume (default group) and snapshots without a target', () => {
    const jobs = (env: string) =>
      objects(`infrastructure/configs/${env}/storage.yaml`)
        .filter((o) => o.kind === 'RecurringJob')
        .map((o) => [o.spec.task, o.spec.retain, o.spec.groups]);
    expect(jobs('staging')).toEqual([
      ['snapshot', 7, ['default']],
      ['backup', 14, ['default']],
    ]);
    expect(jobs('prod')).toEqual([['snapshot', 7, ['default']]]);
  });

  it('deploys a Helm-path app from its OCI chart with per-environment values and the setter marker on the tag', () => {
    const staging = file('apps/staging/legacy/helm-release.yaml');
    expect(staging).toContain('url: oci://ghcr.io/acme/charts/legacy');
    expect(staging).toContain('tag: "0.2.0"');
    expect(staging).toContain('tag: main-1700000000-abc1234 # {"$imagepolicy": "flux-system:legacy-web:tag"}');
    const prod = objects('apps/prod/legacy/helm-release.yaml').find((o) => o.kind === 'HelmRelease')!;
    expect(prod.spec.values).toEqual({
      image: { repository: 'ghcr.io/acme/legacy', tag: 'main-1700000000-abc1234' },
      ingress: { host: 'legacy.example.org' },
      replicaCount: 2,
    });
    expect(file('apps/prod/legacy/helm-release.yaml')).not.toContain('$imagepolicy');
  });

  it('gives the Gateway one HTTPS listener per descriptor app host (the app repo brings its ReferenceGrant)', () => {
    const gateway = objects('infrastructure/configs/prod/gateway.yaml')[0]!;
    expect(gateway.spec.listeners.map((l: any) => [l.name, l.hostname, l.port])).toEqual([
      ['web', undefined, 8000],
      ['https-hello-web', 'hello.example.org', 8443],
    ]);
    expect(gateway.spec.listeners[1].tls.certificateRefs).toEqual([
      { kind: 'Secret', name: 'web-tls', namespace: 'hello' },
    ]);
    expect(files.some((f) => f.path.startsWith('apps/prod/hello/'))).toBe(false);
  });

  it('takes a repo app from its own repo: only its deploy tree, its overlay per environment, every image pinned', () => {
    const [source, app, images] = objects('clusters/staging/apps/hello.yaml');
    expect(source).toMatchObject({
      kind: 'GitRepository',
      metadata: { name: 'app-hello' },
      spec: { url: 'https://github.com/acme/hello', ref: { branch: 'main' }, ignore: '/*\n!/deploy/\n' },
    });
    expect(app!.spec).toMatchObject({
      sourceRef: { kind: 'GitRepository', name: 'app-hello' },
      path: './deploy/overlays/staging',
      prune: true,
      wait: true,
    });
    expect(app!.spec.images).toEqual([{ name: 'ghcr.io/acme/hello', newTag: 'main-1700000000-abc1234' }]);
    expect(file('clusters/staging/apps/hello.yaml')).toContain(
      'newTag: main-1700000000-abc1234 # {"$imagepolicy": "flux-system:hello-web:tag"}\n',
    );
    expect(images!.spec).toMatchObject({ path: './deploy/image-automation', targetNamespace: 'flux-system' });
    // Prod runs exactly the promoted build: tag and digest, no marker, no image objects.
    const prod = objects('clusters/prod/apps/hello.yaml');
    expect(prod.map((o) => o.kind)).toEqual(['GitRepository', 'Kustomization']);
    expect(prod[1]!.spec.images).toEqual([
      { name: 'ghcr.io/acme/hello', newTag: 'main-1690000000-0123abc', digest: `sha256:${'a'.repeat(64)}` },
    ]);
    expect(file('clusters/prod/apps/hello.yaml')).not.toContain('$imagepolicy');
  });

  it('pins every component to an exact version, with Pi-sized values', () => {
    for (const component of infraComponents)
      expect(component.chart.version, component.id).toMatch(/^(v?\d+\.\d+\.(\d+|x)|bundled with k3s)$/);
    const sealed = infraComponents.find((c) => c.id === 'sealed-secrets')!;
    expect(sealed.chart.source).toEqual({ kind: 'helm', url: 'https://bitnami.github.io/sealed-secrets' });
    const kps = objects('infrastructure/controllers/staging/kube-prometheus-stack.yaml').find(
      (o) => o.kind === 'HelmRelease',
    )!.spec.values;
    expect([kps.kubeControllerManager, kps.kubeScheduler, kps.kubeProxy, kps.kubeEtcd]).toEqual(
      Array(4).fill({ enabled: false }),
    );
    expect(kps.prometheus.prometheusSpec).toMatchObject({
      retention: '7d',
      retentionSize: '8GB',
      scrapeInterval: '60s',
    });
    const longhorn = objects('infrastructure/controllers/staging/longhorn.yaml')[0]!.spec.values;
    expect([longhorn.persistence.defaultClassReplicaCount, longhorn.defaultSettings.defaultReplicaCount]).toEqual([
      2, 2,
    ]);
  });

  it('alerts on cert expiry < 15 days, 5xx, throttling, restarts and SLO burn', () => {
    const rules = objects('infrastructure/configs/staging/monitoring.yaml').find((o) => o.kind === 'PrometheusRule')!;
    const alerts = rules.spec.groups[1].rules.map((r: any) => r.alert);
    expect(alerts).toEqual([
      'CertificateExpiresSoon',
      'IngressHigh5xxRatio',
      'ContainerCpuThrottled',
      'PodRestartBurst',
      'IngressSloFastBurn',
      'IngressSloSlowBurn',
      'IngressMedianLatencyHigh',
    ]);
    expect(rules.spec.groups[1].rules[4].expr).toBe(
      'sugarkube:ingress_error_ratio:rate1h > (14.4 * 0.005) and sugarkube:ingress_error_ratio:rate5m > (14.4 * 0.005)',
    );
  });

  it('lets staging follow builds through image automation for every setter marker, and leaves prod to promotion', () => {
    const automation = objects('clusters/staging/image-automation.yaml');
    // The repo app brings its ImageRepository and ImagePolicy itself; the chart app gets them here.
    expect(automation.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'ImageRepository flux-system/legacy-web',
      'ImagePolicy flux-system/legacy-web',
      'ImageUpdateAutomation flux-system/apps-staging',
    ]);
    expect(automation[2]!.spec.update).toEqual({ path: './clusters/staging/apps', strategy: 'Setters' });
    expect(file('clusters/staging/kustomization.yaml')).toContain('- image-automation.yaml');
    expect(files.some((f) => f.path === 'clusters/prod/image-automation.yaml')).toBe(false);
  });

  it('with SOPS: no sealed-secrets controller, SOPS Secrets kept as encrypted, decryption on configs and apps', () => {
    const sopsSecret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'cloudflare-api-token', namespace: 'cert-manager' },
      stringData: { 'api-token': 'ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]' },
      sops: { age: [{ recipient: 'age1xyz' }], mac: 'ENC[AES256_GCM,data:m]', version: '3.10.2' },
    };
    const input = testCluster({ secrets: { kind: 'sops' } });
    const staging = input.environments.staging!;
    const { sealedSecrets: _sealed, ...rest } = staging;
    const withSops = (docs: unknown[]) =>
      parseClusterDefinition(
        { ...input, environments: { ...input.environments, staging: { ...rest, sopsSecrets: docs } } },
        testPins,
      );
    expect(
      withSops([{ ...sopsSecret, metadata: { name: 'cloudflare-api-token', namespace: 'default' } }]).errors.map(
        (e) => e.message,
      ),
    ).toEqual(['environments.staging.sopsSecrets[0].metadata.namespace: expected "cert-manager", received "default"']);
    const parsed = withSops([sopsSecret]);
    expect(parsed.errors).toEqual([]);
    const tree = synthesizeClusterTree(parsed.value!);
    const read = (path: string) =>
      parseAllDocuments(tree.find((f) => f.path === path)!.content).map((d) => d.toJS() as Record<string, any>);
    expect(tree.some((f) => f.path === 'infrastructure/controllers/staging/sealed-secrets.yaml')).toBe(false);
    // Verbatim (nothing added: the SOPS MAC covers every value).
    expect(read('infrastructure/configs/staging/secrets.yaml')).toEqual([sopsSecret]);
    const layers = read('clusters/staging/infrastructure.yaml');
    expect(layers.map((k) => k.spec.decryption)).toEqual([
      undefined,
      { provider: 'sops', secretRef: { name: 'sops-age' } },
    ]);
    expect(validateClusterTree(tree).problems).toEqual([]);
  });

  it('runs on k3s local-path alone when Longhorn is off', () => {
    const tree = synthesizeClusterTree(
      parseClusterDefinition(testCluster({ storage: { longhorn: false } }), testPins).value!,
    );
    const paths = tree.map((f) => f.path);
    expect(paths.filter((p) => /longhorn|storage\.yaml/.test(p))).toEqual([]);
    const kps = parseAllDocuments(
      tree.find((f) => f.path === 'infrastructure/controllers/prod/kube-prometheus-stack.yaml')!.content,
    )[0]!.toJS() as Record<string, any>;
    expect(kps.spec.dependsOn).toBeUndefined();
    expect(kps.spec.values.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe(
      'local-path',
    );
    expect(validateClusterTree(tree).problems).toEqual([]);
  });

  it('ships small hand-written Grafana dashboards that parse as JSON', () => {
    const dashboards = objects('infrastructure/configs/staging/monitoring.yaml').filter((o) => o.kind === 'ConfigMap');
    expect(dashboards.map((d) => [d.metadata.name, d.metadata.labels.grafana_dashboard])).toEqual([
      ['dashboard-sugarkube-ingress', '1'],
      ['dashboard-sugarkube-cluster', '1'],
    ]);
    for (const d of dashboards) {
      const json = JSON.parse(Object.values(d.data as Record<string, string>)[0]!) as {
        panels: { targets: { expr: string }[] }[];
      };
      expect(json.panels.length).toBeGreaterThanOrEqual(4);
      for (const panel of json.panels) expect(panel.targets[0]!.expr).not.toBe('');
    }
  });

  it('notifies GitHub commit status and the chat webhook from sealed secrets', () => {
    const notifications = objects('infrastructure/configs/staging/flux-notifications.yaml');
    expect(notifications.map((o) => `${o.apiVersion} ${o.kind} ${o.metadata.name}`)).toEqual([
      'notification.toolkit.fluxcd.io/v1beta3 Provider github-commit-status',
      'notification.toolkit.fluxcd.io/v1beta3 Alert github-commit-status',
      'notification.toolkit.fluxcd.io/v1beta3 Provider chat',
      'notification.toolkit.fluxcd.io/v1beta3 Alert reconciliation-failures',
    ]);
    expect(notifications[0]!.spec).toEqual({
      address: 'https://github.com/acme/gitops',
      secretRef: { name: 'flux-github-token' },
      type: 'github',
    });
  });
});

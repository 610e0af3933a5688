// Child process of scenario (c) and (a): a cdk8s app, written as a cdk8s + cdk8s-plus user would,
// that synthesizes for each generated app what Sugarkube plans for it in prod (one chart per
// app, its namespace): Namespace, Deployment, Service, HTTPRoute, Certificate, ReferenceGrant and
// four NetworkPolicies. cdk8s-plus has constructs for the first three and for NetworkPolicy's
// peers but not for a default-deny policy by name, so those are its L1 `k8s` classes; the CRDs
// are `ApiObject`s, as cdk8s documents for resources without a construct; what the restricted
// Pod Security level needs beyond cdk8s-plus' properties is a JSON patch (its escape hatch). `app.synth()` writes
// one YAML file per chart. Prints one JSON line: construct and synth times (ms).
// Usage: node dist/workers/cdk8s-app.js N OUT_DIR
import { ApiObject, App, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { appName } from '../fixtures/generated-apps.js';

const n = Number(process.argv[2]);
const outdir = process.argv[3];
if (!Number.isInteger(n) || n < 1 || !outdir) throw new Error('usage: cdk8s-app.js N OUT_DIR');

const probe = {
  port: 8080,
  periodSeconds: Duration.seconds(10),
  timeoutSeconds: Duration.seconds(3),
  failureThreshold: 3,
};

const t0 = performance.now();
const app = new App({ outdir });
for (let i = 0; i < n; i++) {
  const name = appName(i);
  const labels = {
    'app.kubernetes.io/managed-by': 'cdk8s',
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': name,
  };
  const chart = new Chart(app, name, { namespace: name, labels });
  new kplus.Namespace(chart, 'namespace', {
    metadata: {
      name,
      labels: {
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    },
  });
  const deployment = new kplus.Deployment(chart, 'web', {
    metadata: { name: 'web', labels: { 'app.kubernetes.io/component': 'web' } },
    replicas: 1,
    automountServiceAccountToken: false,
    securityContext: { user: 1000, group: 1000, fsGroup: 1000, ensureNonRoot: true },
    strategy: kplus.DeploymentStrategy.rollingUpdate({
      maxSurge: kplus.PercentOrAbsolute.absolute(1),
      maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
    }),
    containers: [
      {
        name: 'web',
        image: `ghcr.io/acme/${name}:main-1690000000-0123abc`,
        imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        ports: [{ name: 'http', number: 8080 }],
        readiness: kplus.Probe.fromHttpGet('/healthz', probe),
        liveness: kplus.Probe.fromHttpGet('/livez', probe),
        resources: {
          cpu: { request: kplus.Cpu.millis(200) },
          memory: { request: Size.mebibytes(384), limit: Size.mebibytes(384) },
        },
        securityContext: {
          user: 1000,
          group: 1000,
          ensureNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
        },
        volumeMounts: [{ path: '/tmp', volume: kplus.Volume.fromEmptyDir(chart, 'tmp', 'tmp') }],
      },
    ],
  });
  // What the restricted Pod Security level needs and cdk8s-plus has no property for: its escape hatch.
  ApiObject.of(deployment).addJsonPatch(
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
    JsonPatch.add('/spec/template/spec/containers/0/securityContext/seccompProfile', { type: 'RuntimeDefault' }),
    JsonPatch.add('/spec/template/spec/containers/0/securityContext/capabilities', { drop: ['ALL'] }),
    JsonPatch.add('/spec/template/spec/enableServiceLinks', false),
    JsonPatch.replace('/spec/revisionHistoryLimit', 3),
  );
  new kplus.Service(chart, 'service', {
    metadata: { name: 'web' },
    selector: deployment,
    ports: [{ name: 'http', port: 8080, targetPort: 8080 }],
  });
  new ApiObject(chart, 'route', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'web' },
    spec: {
      hostnames: [`${name}.example.org`],
      parentRefs: [
        { name: 'traefik-gateway', namespace: 'kube-system', group: 'gateway.networking.k8s.io', kind: 'Gateway' },
      ],
      rules: [{ backendRefs: [{ name: 'web', port: 8080 }], matches: [{ path: { type: 'PathPrefix', value: '/' } }] }],
    },
  });
  new ApiObject(chart, 'certificate', {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'web' },
    spec: {
      dnsNames: [`${name}.example.org`],
      issuerRef: { name: 'letsencrypt-production', group: 'cert-manager.io', kind: 'ClusterIssuer' },
      privateKey: { algorithm: 'ECDSA', rotationPolicy: 'Always', size: 256 },
      renewBefore: '720h',
      secretName: 'web-tls',
    },
  });
  new ApiObject(chart, 'reference-grant', {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { name: 'gateway-tls' },
    spec: {
      from: [{ namespace: 'kube-system', group: 'gateway.networking.k8s.io', kind: 'Gateway' }],
      to: [{ group: '', kind: 'Secret' }],
    },
  });
  const kubeSystem = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } };
  new kplus.k8s.KubeNetworkPolicy(chart, 'default-deny', {
    metadata: { name: 'default-deny' },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
  });
  new kplus.k8s.KubeNetworkPolicy(chart, 'allow-dns', {
    metadata: { name: 'allow-dns' },
    spec: {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ...kubeSystem, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
          ports: [
            { port: kplus.k8s.IntOrString.fromNumber(53), protocol: 'UDP' },
            { port: kplus.k8s.IntOrString.fromNumber(53), protocol: 'TCP' },
          ],
        },
      ],
    },
  });
  new kplus.k8s.KubeNetworkPolicy(chart, 'allow-same-namespace', {
    metadata: { name: 'allow-same-namespace' },
    spec: {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    },
  });
  new kplus.k8s.KubeNetworkPolicy(chart, 'allow-ingress-web', {
    metadata: { name: 'allow-ingress-web' },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'web', 'app.kubernetes.io/name': name } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            { ...kubeSystem, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } } },
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cloudflared' } } },
          ],
          ports: [{ port: kplus.k8s.IntOrString.fromNumber(8080), protocol: 'TCP' }],
        },
      ],
    },
  });
}
const t1 = performance.now();
app.synth();
const t2 = performance.now();
console.log(JSON.stringify({ constructMs: t1 - t0, synthMs: t2 - t1 }));

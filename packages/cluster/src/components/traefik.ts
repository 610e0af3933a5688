import { gatewayHosts, planGateway } from '../plan/gateway.js';
import { kubeObject, managedByLabel } from '../plan/kube-object.js';
import type { InfraComponent } from './infra-component.js';
import { monitorLabels } from './monitor-labels.js';
import { podResources } from './pod-resources.js';

/**
 * Traefik, the ingress controller k3s installs and upgrades itself: synth only sets its values
 * (HelmChartConfig), the Gateway on its GatewayClass and its metrics PodMonitor. First in
 * install order: k3s runs it before Flux exists.
 * @see https://docs.k3s.io/helm#customizing-packaged-components-with-helmchartconfig
 */
export const traefik: InfraComponent = {
  id: 'traefik',
  namespace: { name: 'kube-system', podSecurity: 'existing' },
  chart: {
    version: 'bundled with k3s',
    source: { kind: 'k3s', url: 'https://docs.k3s.io/networking/networking-services#traefik-ingress-controller' },
    pinnedBecause: 'k3s ships and upgrades Traefik; synth only sets values through HelmChartConfig',
    values: ({ env }) => ({
      deployment: { replicas: 2 },
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
      resources: podResources('100m', '64Mi', '256Mi'),
      providers: { kubernetesIngress: { enabled: true }, kubernetesGateway: { enabled: true } },
      // The Gateway lives in infrastructure/configs, with one HTTPS listener per app host.
      gateway: { enabled: false },
      gatewayClass: { enabled: true, name: 'traefik' },
      // Behind the tunnel nothing needs a LAN address; with MetalLB, Traefik takes one from the pool.
      service: { type: env.exposure.kind === 'metallb' ? 'LoadBalancer' : 'ClusterIP' },
      metrics: { prometheus: { entryPoint: 'metrics' } },
    }),
    workloads: [
      { name: 'traefik', replicas: 2, replicasPath: 'deployment.replicas', requestsPath: 'resources.requests' },
    ],
  },
  configs: ({ cluster, env }) => ({
    // Helm-path apps bring their own Ingress and certificate; only descriptor apps attach to the Gateway.
    'gateway.yaml': [
      planGateway(
        gatewayHosts(
          cluster.apps.filter((a) => !a.helm && a.environments.includes(env.name)).map((a) => a.app.descriptor),
          env.name,
        ),
      ),
    ],
    // Traefik's metrics endpoint (k3s installs it, so no chart ServiceMonitor).
    'monitoring.yaml': [
      kubeObject(
        'monitoring.coreos.com/v1',
        'PodMonitor',
        { name: 'traefik', namespace: 'kube-system', labels: { ...managedByLabel, ...monitorLabels } },
        {
          spec: {
            selector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } },
            podMetricsEndpoints: [{ port: 'metrics', interval: '30s' }],
          },
        },
      ),
    ],
  }),
  crds: [
    // Traefik's own kinds (traefik.io/v1alpha1: IngressRoute, Middleware…), for objects apps may add.
    {
      kind: 'files',
      module: 'github.com/traefik/traefik/v3',
      version: 'v3.7.13',
      paths: ['docs/content/reference/dynamic-configuration/kubernetes-crd-definition-v1.yml'],
    },
    // The Gateway API (standard channel) Traefik's kubernetesGateway provider serves: Gateway, HTTPRoute, ReferenceGrant…
    { kind: 'files', module: 'sigs.k8s.io/gateway-api', version: 'v1.3.0', paths: ['config/crd/standard/*.yaml'] },
    // k3s' Helm controller: HelmChartConfig, the object that sets Traefik's values.
    {
      kind: 'files',
      module: 'github.com/k3s-io/helm-controller',
      version: 'v0.17.9',
      paths: ['pkg/crds/yaml/generated/*.yaml'],
    },
  ],
  enabled: () => true,
};

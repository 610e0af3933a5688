import { fluxOperator } from '../components/flux-operator.js';
import { clusterHeader } from './render-objects.js';
import type { ResolvedCluster } from '../definition/resolve-cluster.js';

/** The tree's README: layout, environments and the one-time bootstrap per cluster. */
export function renderClusterReadme(cluster: ResolvedCluster): string {
  const operator = fluxOperator.chart;
  const lines = [
    `<!-- ${clusterHeader} -->`,
    `# Sugarkube clusters: ${cluster.name}`,
    '',
    'Flux reconciles this tree; nothing is applied by hand after the bootstrap below.',
    '',
    '| environment | kube context | nodes | node labels | exposure | Flux path |',
    '| --- | --- | --- | --- | --- | --- |',
    ...cluster.environments.map((env) => {
      const labels =
        Object.entries(env.nodeLabels)
          .map(([k, v]) => `\`${k}=${v}\``)
          .join(', ') || '-';
      return `| ${env.name} | ${env.kubeContext} | ${env.nodes.count} × ${env.nodes.model} (${env.nodes.cpu} CPU, ${env.nodes.memory}) | ${labels} | ${env.exposure.kind} | \`clusters/${env.name}\` |`;
    }),
    '',
    'Layout: `clusters/<env>/` (Flux itself and the ordered Kustomizations), `infrastructure/controllers/<env>/`',
    '(HelmReleases), `infrastructure/configs/<env>/` (issuers, Gateway, rules, secrets), `apps/<env>/<app>/`.',
    'Order: `infra-controllers` → `infra-configs` → `app-*`, each waiting for the previous to be healthy.',
    '',
    '## Bootstrap (once per cluster)',
    '',
    '```sh',
    `kubectl config use-context <context>`,
    `helm install flux-operator ${operator.source.url} --version ${operator.version} --namespace flux-system --create-namespace`,
    'kubectl apply -f clusters/<env>/flux-system/flux-instance.yaml',
    'kubectl -n flux-system wait fluxinstance/flux --for=condition=Ready --timeout=5m',
    'kubectl apply -f clusters/<env>/flux-system/flux-sync.yaml',
    '```',
    '',
  ];
  return `${lines.join('\n')}`;
}

/**
 * Where the cluster's shared parts live. The cluster tree installs them here;
 * app objects point at them (network policies, ServiceMonitor labels).
 */
export const clusterConventions = {
  /** k3s runs Traefik in kube-system. */
  ingressNamespace: 'kube-system',
  ingressPodLabels: { 'app.kubernetes.io/name': 'traefik' },
  /** cloudflared (Cloudflare Tunnel connector) namespace. */
  tunnelNamespace: 'cloudflared',
  /** kube-prometheus-stack namespace and the label its Prometheus selects ServiceMonitors by. */
  monitoringNamespace: 'monitoring',
  serviceMonitorLabels: { release: 'kube-prometheus-stack' },
  dnsNamespace: 'kube-system',
  dnsPodLabels: { 'k8s-app': 'kube-dns' },
  /** Flux annotation that keeps an object when it disappears from Git. */
  pruneDisabled: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
} as const;

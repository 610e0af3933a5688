import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import type { ResolvedEnvironment, ResolvedLonghorn } from '../definition/resolve-cluster.js';

/**
 * `longhorn-retain`: Longhorn volumes that outlive their claim (for data you
 * must not lose to a deleted PVC). The chart's own `longhorn` class (Delete) stays the default.
 * @see https://longhorn.io/docs/latest/references/storage-class-parameters/
 */
export function planStorageClasses(longhorn: ResolvedLonghorn): KubeObject[] {
  return [
    kubeObject('storage.k8s.io/v1', 'StorageClass', { name: 'longhorn-retain', labels: { ...managedByLabel } }, {
      provisioner: 'driver.longhorn.io',
      allowVolumeExpansion: true,
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'Immediate',
      parameters: { numberOfReplicas: String(longhorn.replicas), staleReplicaTimeout: '30', fsType: 'ext4', dataLocality: 'best-effort' },
    }),
  ];
}

/**
 * Recurring snapshots (and backups, with a backup target) for every Longhorn
 * volume: jobs in the `default` group apply to each volume without its own job labels.
 * @see https://longhorn.io/docs/latest/snapshots-and-backups/scheduling-backups-and-snapshots/
 */
export function planRecurringJobs(longhorn: ResolvedLonghorn, env: ResolvedEnvironment): KubeObject[] {
  const job = (name: string, task: 'snapshot' | 'backup', schedule: { cron: string; retain: number }) =>
    kubeObject('longhorn.io/v1beta2', 'RecurringJob', { name, namespace: 'longhorn-system', labels: { ...managedByLabel } }, {
      spec: { name, task, cron: schedule.cron, retain: schedule.retain, concurrency: 1, groups: ['default'], labels: {} },
    });
  return [
    job('snapshot-daily', 'snapshot', longhorn.snapshot),
    ...(env.backupTarget ? [job('backup-daily', 'backup', longhorn.backup)] : []),
  ];
}

/** Longhorn's metrics (installed before Prometheus, so its ServiceMonitor comes here). */
export function planLonghornMonitor(): KubeObject {
  return kubeObject('monitoring.coreos.com/v1', 'ServiceMonitor', { name: 'longhorn', namespace: 'longhorn-system', labels: { ...managedByLabel, release: 'kube-prometheus-stack' } }, {
    spec: { selector: { matchLabels: { app: 'longhorn-manager' } }, endpoints: [{ port: 'manager', interval: '60s' }] },
  });
}

/** MetalLB L2: the address pool and its advertisement. @see https://metallb.io/configuration/ */
export function planMetallbPool(addresses: readonly string[]): KubeObject[] {
  return [
    kubeObject('metallb.io/v1beta1', 'IPAddressPool', { name: 'sugarkube', namespace: 'metallb-system', labels: { ...managedByLabel } }, {
      spec: { addresses: [...addresses] },
    }),
    kubeObject('metallb.io/v1beta1', 'L2Advertisement', { name: 'sugarkube', namespace: 'metallb-system', labels: { ...managedByLabel } }, {
      spec: { ipAddressPools: ['sugarkube'] },
    }),
  ];
}

/** Traefik's metrics endpoint (k3s installs it, so no chart ServiceMonitor). */
export function planTraefikMonitor(): KubeObject {
  return kubeObject('monitoring.coreos.com/v1', 'PodMonitor', { name: 'traefik', namespace: 'kube-system', labels: { ...managedByLabel, release: 'kube-prometheus-stack' } }, {
    spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } }, podMetricsEndpoints: [{ port: 'metrics', interval: '30s' }] },
  });
}

import { kubeObject, managedByLabel, type KubeObject } from '../plan/kube-object.js';
import type { ResolvedEnvironment, ResolvedLonghorn } from '../definition/resolve-cluster.js';
import type { ConfigFiles, InfraComponent } from './infra-component.js';
import { monitorLabels } from './monitor-labels.js';

/**
 * `longhorn-retain`: Longhorn volumes that outlive their claim (for data you
 * must not lose to a deleted PVC). The chart's own `longhorn` class (Delete) stays the default.
 * @see https://longhorn.io/docs/latest/references/storage-class-parameters/
 */
function storageClasses(longhorn: ResolvedLonghorn): KubeObject[] {
  return [
    kubeObject(
      'storage.k8s.io/v1',
      'StorageClass',
      { name: 'longhorn-retain', labels: { ...managedByLabel } },
      {
        provisioner: 'driver.longhorn.io',
        allowVolumeExpansion: true,
        reclaimPolicy: 'Retain',
        volumeBindingMode: 'Immediate',
        parameters: {
          numberOfReplicas: String(longhorn.replicas),
          staleReplicaTimeout: '30',
          fsType: 'ext4',
          dataLocality: 'best-effort',
        },
      },
    ),
  ];
}

/**
 * Recurring snapshots (and backups, with a backup target) for every Longhorn
 * volume: jobs in the `default` group apply to each volume without its own job labels.
 * @see https://longhorn.io/docs/latest/snapshots-and-backups/scheduling-backups-and-snapshots/
 */
function recurringJobs(longhorn: ResolvedLonghorn, env: ResolvedEnvironment): KubeObject[] {
  const job = (name: string, task: 'snapshot' | 'backup', schedule: { cron: string; retain: number }) =>
    kubeObject(
      'longhorn.io/v1beta2',
      'RecurringJob',
      { name, namespace: 'longhorn-system', labels: { ...managedByLabel } },
      {
        spec: {
          name,
          task,
          cron: schedule.cron,
          retain: schedule.retain,
          concurrency: 1,
          groups: ['default'],
          labels: {},
        },
      },
    );
  return [
    job('snapshot-daily', 'snapshot', longhorn.snapshot),
    ...(env.backupTarget ? [job('backup-daily', 'backup', longhorn.backup)] : []),
  ];
}

/**
 * Longhorn replicated block storage, tuned for three Pi nodes: two replicas (StorageClass and
 * default setting), two of each CSI sidecar, one UI pod, its pre-upgrade hook off (it fails under Flux).
 * @see https://longhorn.io/docs/latest/
 */
export const longhorn: InfraComponent = {
  id: 'longhorn',
  namespace: { name: 'longhorn-system', podSecurity: 'privileged' },
  chart: {
    version: '1.12.1',
    source: { kind: 'helm', url: 'https://charts.longhorn.io' },
    pinnedBecause: 'Longhorn 1.12.1 seen as the upgrade target in public repos late 2026',
    values: ({ cluster, env }) => {
      const longhorn = cluster.storage.longhorn;
      const replicas = longhorn === false ? 2 : longhorn.replicas;
      return {
        persistence: {
          defaultClass: cluster.storage.defaultClass === 'longhorn',
          defaultClassReplicaCount: replicas,
          defaultDataLocality: 'best-effort',
        },
        defaultSettings: {
          defaultReplicaCount: replicas,
          defaultDataLocality: 'best-effort',
          storageMinimalAvailablePercentage: 15,
          nodeDownPodDeletionPolicy: 'delete-both-statefulset-and-deployment-pod',
        },
        ...(env.backupTarget
          ? { defaultBackupStore: { backupTarget: env.backupTarget, backupTargetCredentialSecret: 'longhorn-backup' } }
          : {}),
        // Three nodes: two of each CSI sidecar is enough (the chart defaults to three).
        csi: {
          attacherReplicaCount: 2,
          provisionerReplicaCount: 2,
          resizerReplicaCount: 2,
          snapshotterReplicaCount: 2,
        },
        longhornUI: { replicas: 1 },
        // The pre-upgrade hook Job fails under GitOps controllers; Longhorn's docs disable it for Flux/Argo.
        preUpgradeChecker: { jobEnabled: false },
        // Its ServiceMonitor is in its configs: Prometheus (which needs this storage) installs after Longhorn.
      };
    },
    // Longhorn sets no memory requests; its instance managers reserve 12 % of each node's CPU.
    workloads: [{ name: 'instance-manager (12 % of node CPU)', replicas: 'per-node', nodeCpuShare: 0.12 }],
  },
  secrets: [
    {
      name: 'longhorn-backup',
      keys: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_ENDPOINTS'],
      purpose: 'Longhorn backup target credentials',
      neededWhen: (_, env) => env.backupTarget !== undefined,
    },
  ],
  configs: ({ cluster, env }): ConfigFiles => {
    const longhorn = cluster.storage.longhorn;
    if (longhorn === false) return {};
    return {
      'storage.yaml': [...storageClasses(longhorn), ...recurringJobs(longhorn, env)],
      // Longhorn's metrics (installed before Prometheus, so its ServiceMonitor comes here).
      'monitoring.yaml': [
        kubeObject(
          'monitoring.coreos.com/v1',
          'ServiceMonitor',
          { name: 'longhorn', namespace: 'longhorn-system', labels: { ...managedByLabel, ...monitorLabels } },
          {
            spec: {
              selector: { matchLabels: { app: 'longhorn-manager' } },
              endpoints: [{ port: 'manager', interval: '60s' }],
            },
          },
        ),
      ],
    };
  },
  crds: [
    {
      kind: 'files',
      module: 'github.com/longhorn/longhorn-manager',
      version: 'v1.12.0',
      paths: ['k8s/crds.yaml'],
      note: "the module proxy does not serve longhorn-manager v1.12.1 (403); v1.12.0's CRDs equal the 1.12.1 chart's templates/crds.yaml for every kind but InstanceManager, Node, Replica and Volume (fields added in 1.12.1) and the new Shard and ShardGroup",
    },
  ],
  enabled: (cluster) => cluster.storage.longhorn !== false,
};

import type { LiveNodeSpec } from '../../src/index.js';

/**
 * What a k3s server has before Flux applies anything, besides its CRDs (installed with the
 * cluster): the `local-path` StorageClass of k3s' local-path-provisioner. The provisioner itself
 * does not run here (kwok nodes have no disks), so each node gets one local PersistentVolume of
 * that class, as the provisioner would create on demand; the real PV controller and the real
 * scheduler's volume binding bind a claim to one of them.
 */
export function platformObjects(env: string, nodes: readonly LiveNodeSpec[]): unknown[] {
  return [
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'local-path' },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
    ...nodes.map((node) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `local-path-${node.name}`, labels: { 'sugarkube.env': env } },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'local-path',
        local: { path: `/var/lib/rancher/k3s/storage/${node.name}` },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node.name] }] },
            ],
          },
        },
      },
    })),
  ];
}

import { kwokNodeAnnotation, nodeObject, type LiveNodeSpec } from '../live-node.js';
import { kubectl, toYamlStream } from './kubectl.js';
import { liveEntry } from './live-binary.js';
import type { Supervisor, SupervisedProcess } from './supervisor.js';
import { waitFor } from './wait-for.js';

/** k3s' default pod network; kwok hands out pod IPs from it. */
export const podCidr = '10.42.0.0/16';

/**
 * kwok managing the Node objects carrying kwok's annotation, with its `fast` stages (nodes
 * heartbeat through Leases; pods become Running and Ready as soon as they are scheduled), then
 * the nodes themselves; resolves once every node reports Ready.
 */
export async function startKwok(
  supervisor: Supervisor,
  kubeconfig: string,
  adminKubeconfig: string,
  nodes: readonly LiveNodeSpec[],
  kubeletVersion: string,
): Promise<SupervisedProcess> {
  const process = supervisor.start('kwok', liveEntry('kwok'), [
    `--kubeconfig=${kubeconfig}`,
    `--config=${liveEntry('kwok-stages.yaml')}`,
    '--manage-all-nodes=false',
    `--manage-nodes-with-annotation-selector=${kwokNodeAnnotation.key}=${kwokNodeAnnotation.value}`,
    `--cidr=${podCidr}`,
    '--node-lease-duration-seconds=40',
  ]);
  // Created (not applied): a Node's status is only taken on create, as a kubelet registers it.
  await kubectl(adminKubeconfig, ['create', '-f', '-'], {
    input: toYamlStream(nodes.map((n) => nodeObject(n, kubeletVersion))),
  });
  await waitFor(
    `kwok nodes ${nodes.map((n) => n.name).join(', ')} Ready`,
    async () => {
      const r = await kubectl(adminKubeconfig, [
        'get',
        'nodes',
        '-o',
        'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status} {end}',
      ]);
      const notReady = nodes.filter((n) => !r.stdout.includes(`${n.name}=True`)).map((n) => n.name);
      return notReady.length === 0 || `not Ready: ${notReady.join(', ')} (${r.stdout.trim()})`;
    },
    { process, timeoutMs: 60_000, intervalMs: 500 },
  );
  return process;
}

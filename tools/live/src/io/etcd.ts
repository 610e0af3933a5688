import { join } from 'node:path';
import { freePort } from '@sugarkube/verify';
import { liveEntry } from './live-binary.js';
import type { Supervisor, SupervisedProcess } from './supervisor.js';
import { waitFor } from './wait-for.js';

export interface RunningEtcd {
  readonly process: SupervisedProcess;
  /** `http://127.0.0.1:PORT`, for kube-apiserver's `--etcd-servers`. */
  readonly url: string;
}

/**
 * A single-member etcd on loopback with its data under `<dir>/etcd`. fsync is off: the data
 * lives as long as one test run, and on a shared CI disk fsync dominates the API server's writes.
 */
export async function startEtcd(supervisor: Supervisor, dir: string): Promise<RunningEtcd> {
  const [client, peer] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${client}`;
  const peerUrl = `http://127.0.0.1:${peer}`;
  const process = supervisor.start('etcd', liveEntry('etcd'), [
    '--name=live',
    `--data-dir=${join(dir, 'etcd')}`,
    `--listen-client-urls=${url}`,
    `--advertise-client-urls=${url}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=live=${peerUrl}`,
    '--unsafe-no-fsync',
    '--log-level=warn',
  ]);
  await waitFor(
    'etcd',
    async () => {
      const body = await (await fetch(`${url}/health`)).text();
      return body.includes('"health":"true"') || body;
    },
    { process },
  );
  return { process, url };
}

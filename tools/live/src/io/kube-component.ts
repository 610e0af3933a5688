import { join } from 'node:path';
import { freePort } from '@sugarkube/verify';
import { httpsGet } from './https-get.js';
import { liveEntry } from './live-binary.js';
import type { Supervisor, SupervisedProcess } from './supervisor.js';
import { waitFor } from './wait-for.js';

/**
 * kube-controller-manager or kube-scheduler on loopback, talking to the API server through
 * `kubeconfig`, leader election off (one replica), its secure port on a free loopback port
 * (self-signed certificate in `<dir>/<name>`). Resolves once `/healthz` says ok.
 */
export async function startKubeComponent(
  supervisor: Supervisor,
  dir: string,
  name: 'kube-controller-manager' | 'kube-scheduler',
  kubeconfig: string,
  extraArgs: readonly string[],
): Promise<SupervisedProcess> {
  const port = await freePort();
  const process = supervisor.start(name, liveEntry(name), [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    '--bind-address=127.0.0.1',
    `--secure-port=${port}`,
    `--cert-dir=${join(dir, name)}`,
    '--leader-elect=false',
    ...extraArgs,
  ]);
  await waitFor(
    name,
    async () => {
      const r = await httpsGet(`https://127.0.0.1:${port}/healthz`);
      return (r.status === 200 && r.body === 'ok') || `${r.status} ${r.body.slice(0, 300)}`;
    },
    { process, timeoutMs: 120_000 },
  );
  return process;
}

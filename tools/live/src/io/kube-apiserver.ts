import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@sugarkube/verify';
import { renderTokenAuthFile, type Identity } from '../kubeconfig.js';
import { httpsGet } from './https-get.js';
import { liveEntry } from './live-binary.js';
import type { LivePki } from './pki.js';
import type { Supervisor, SupervisedProcess } from './supervisor.js';
import { waitFor } from './wait-for.js';

/** k3s' default Service range; the API server's certificate names its first address. */
export const serviceCidr = '10.43.0.0/16';
export const kubernetesServiceIp = '10.43.0.1';

export interface RunningApiServer {
  readonly process: SupervisedProcess;
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
}

/**
 * kube-apiserver on loopback against `etcdUrl`, with the admission chain a k3s server runs
 * (PodSecurity and NodeRestriction on top of the default plugins), Node + RBAC authorization,
 * static bearer tokens for `identities` and client certificates signed by the cluster CA.
 * Resolves once `/readyz` answers ok to the first identity (an admin).
 */
export async function startApiServer(
  supervisor: Supervisor,
  dir: string,
  etcdUrl: string,
  pki: LivePki,
  identities: readonly Identity[],
): Promise<RunningApiServer> {
  const port = await freePort();
  const tokens = join(dir, 'tokens.csv');
  writeFileSync(tokens, renderTokenAuthFile(identities), { mode: 0o600 });
  const process = supervisor.start('kube-apiserver', liveEntry('kube-apiserver'), [
    `--etcd-servers=${etcdUrl}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${port}`,
    // The `kubernetes` Service's endpoints would be this loopback address, which Endpoints
    // validation refuses; nothing here reaches the API server through that Service.
    '--endpoint-reconciler-type=none',
    `--tls-cert-file=${pki.serverCert}`,
    `--tls-private-key-file=${pki.serverKey}`,
    `--client-ca-file=${pki.caCert}`,
    `--token-auth-file=${tokens}`,
    // The front-proxy (aggregation) settings k3s and kubeadm set; without them the controller
    // manager's and scheduler's authenticators log a missing request-header CA every second.
    `--requestheader-client-ca-file=${pki.caCert}`,
    '--requestheader-allowed-names=front-proxy-client',
    '--requestheader-username-headers=X-Remote-User',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    '--anonymous-auth=false',
    '--authorization-mode=Node,RBAC',
    '--enable-admission-plugins=NodeRestriction,PodSecurity',
    // Every admission webhook the charts register (cert-manager's, prometheus-operator's) would be
    // served by a kwok pod, which runs no process: the API server would wait out each call's
    // timeout, then refuse or ignore. The configurations stay API objects; nothing calls them.
    '--disable-admission-plugins=ValidatingAdmissionWebhook,MutatingAdmissionWebhook',
    // k3s allows privileged containers: a refused pod is refused by Pod Security, not by this flag.
    '--allow-privileged=true',
    `--service-cluster-ip-range=${serviceCidr}`,
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${pki.serviceAccountPub}`,
    `--service-account-signing-key-file=${pki.serviceAccountKey}`,
    '--profiling=false',
  ]);
  const url = `https://127.0.0.1:${port}`;
  const ca = readFileSync(pki.caCert, 'utf8');
  const admin = identities[0]!.token;
  await waitFor(
    'kube-apiserver',
    async () => {
      const r = await httpsGet(`${url}/readyz`, { ca, token: admin });
      return (r.status === 200 && r.body === 'ok') || `${r.status} ${r.body.slice(0, 300)}`;
    },
    { process, timeoutMs: 180_000 },
  );
  return { process, url };
}

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

/** The live cluster's key material, as files under `<dir>/pki/`. */
export interface LivePki {
  /** The CA that signed the API server's serving certificate (clients trust it). */
  readonly caCert: string;
  readonly caKey: string;
  readonly serverCert: string;
  readonly serverKey: string;
  /** Service-account token signing key pair. */
  readonly serviceAccountKey: string;
  readonly serviceAccountPub: string;
}

/** Names the API server's certificate answers to: loopback, and the in-cluster names of its Service. */
const serverNames = [
  'IP:127.0.0.1',
  'DNS:localhost',
  'DNS:kubernetes',
  'DNS:kubernetes.default',
  'DNS:kubernetes.default.svc',
  'DNS:kubernetes.default.svc.cluster.local',
];

/**
 * A throwaway CA, the API server's serving certificate (openssl: Node cannot issue X.509) and
 * a service-account signing key, valid for two days.
 */
export async function createPki(dir: string, serviceIp: string): Promise<LivePki> {
  const pki = join(dir, 'pki');
  mkdirSync(pki, { recursive: true });
  const f = (name: string) => join(pki, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.crt'),
    '-days',
    '2',
    '-subj',
    '/CN=sugarkube-live-ca',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run('openssl', [
    'req',
    ...ec,
    '-keyout',
    f('apiserver.key'),
    '-out',
    f('apiserver.csr'),
    '-subj',
    '/CN=kube-apiserver',
  ]);
  writeFileSync(
    f('apiserver.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${[...serverNames, `IP:${serviceIp}`].join(',')}`,
    ].join('\n'),
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    f('apiserver.csr'),
    '-CA',
    f('ca.crt'),
    '-CAkey',
    f('ca.key'),
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-out',
    f('apiserver.crt'),
    '-days',
    '2',
    '-extfile',
    f('apiserver.ext'),
  ]);
  const sa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(f('sa.key'), sa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(f('sa.pub'), sa.publicKey.export({ type: 'spki', format: 'pem' }));
  return {
    caCert: f('ca.crt'),
    caKey: f('ca.key'),
    serverCert: f('apiserver.crt'),
    serverKey: f('apiserver.key'),
    serviceAccountKey: f('sa.key'),
    serviceAccountPub: f('sa.pub'),
  };
}

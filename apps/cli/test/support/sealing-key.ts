import { execFileSync } from 'node:child_process';

/**
 * Writes `key.pem` and `cert.pem` into `dir`: a self-signed RSA key and certificate shaped like the
 * sealed-secrets controller's sealing key (real openssl; 4096 bits as the controller makes them,
 * fewer where only the format matters and speed does).
 */
export function writeSealingKeyPair(dir: string, bits: 2048 | 4096 = 4096): void {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', `rsa:${bits}`, '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem'].concat([
      '-days',
      '30',
      '-subj',
      '/CN=sealed-secret/O=sealed-secret',
    ]),
    { cwd: dir, stdio: 'ignore' },
  );
}

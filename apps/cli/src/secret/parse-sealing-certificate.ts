import { X509Certificate, type KeyObject } from 'node:crypto';

/**
 * The controller's public key from its certificate (`kubeseal --fetch-cert`), checked as
 * kubeseal checks it: the first PEM certificate, an RSA key, not expired. Errors name the
 * source, what was expected and what was found.
 */
export function parseSealingCertificate(pem: string, source: string, now: Date = new Date()): KeyObject {
  const block = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem);
  if (!block)
    throw new Error(
      `${source}: expected a PEM certificate (-----BEGIN CERTIFICATE-----), as \`kubeseal --fetch-cert\` prints it; found none`,
    );
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(block[0]);
  } catch (error) {
    throw new Error(`${source}: expected a PEM certificate, but it does not parse (${(error as Error).message})`);
  }
  const key = certificate.publicKey;
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(
      `${source}: expected an RSA public key (the sealed-secrets controller's), found ${key.asymmetricKeyType ?? 'an unknown key type'}`,
    );
  }
  if (now.getTime() > new Date(certificate.validTo).getTime()) {
    throw new Error(
      `${source}: the certificate expired on ${certificate.validTo}; fetch the controller's current one (kubeseal --fetch-cert)`,
    );
  }
  return key;
}

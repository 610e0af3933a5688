import { constants, createCipheriv, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';

/** AES-256: sealed-secrets' session key is 32 random bytes. */
const sessionKeyBytes = 32;
/** Go's `cipher.NewGCM` defaults: a 12-byte nonce and a 16-byte tag appended to the ciphertext. */
const gcmNonceBytes = 12;

/**
 * sealed-secrets' hybrid encryption (`pkg/crypto.HybridEncrypt`), byte for byte:
 * a fresh AES-256-GCM session key encrypts the value with an all-zero nonce (the key is
 * used once), RSA-OAEP with SHA-256 and the scope's label encrypts the session key, and
 * the output is `uint16 big-endian length of the RSA ciphertext ‖ RSA ciphertext ‖ AES-GCM
 * ciphertext ‖ tag`.
 * @see https://github.com/bitnami-labs/sealed-secrets/blob/main/pkg/crypto/crypto.go
 */
export function hybridEncrypt(publicKey: KeyObject, plaintext: Uint8Array, label: Uint8Array): Buffer {
  const sessionKey = randomBytes(sessionKeyBytes);
  try {
    const rsa = publicEncrypt(
      { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256', oaepLabel: label },
      sessionKey,
    );
    const length = Buffer.alloc(2);
    length.writeUInt16BE(rsa.length);
    const cipher = createCipheriv('aes-256-gcm', sessionKey, Buffer.alloc(gcmNonceBytes));
    return Buffer.concat([length, rsa, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  } finally {
    sessionKey.fill(0);
  }
}

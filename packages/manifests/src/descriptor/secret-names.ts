/** Words that make a variable or key name a secret, wherever they stand in it (`SECRET_KEY`, `DB_PASS`). */
const secretWords = new Set([
  'SECRET',
  'SECRETS',
  'PASSWORD',
  'PASSWORDS',
  'PASSWD',
  'PASS',
  'PWD',
  'PASSPHRASE',
  'TOKEN',
  'TOKENS',
  'CREDENTIAL',
  'CREDENTIALS',
  'CREDS',
  'APIKEY',
  'PRIVATEKEY',
]);

/** `X_KEY` pairs that name a key, not a lookup key (`CACHE_KEY` is not a secret, `API_KEY` is). */
const keyQualifiers = new Set([
  'API',
  'ACCESS',
  'PRIVATE',
  'SIGNING',
  'ENCRYPTION',
  'AUTH',
  'MASTER',
  'LICENSE',
  'SERVICE',
  'SSH',
  'HMAC',
  'JWT',
  'WEBHOOK',
]);

/**
 * Last words that describe the secret instead of holding it (`TOKEN_URL`, `PASSWORD_FILE`,
 * `SECRET_NAME`, `TOKEN_TTL`): such a name is not refused by name, its value is still scanned.
 */
const attributeWords = new Set([
  'FILE',
  'PATH',
  'DIR',
  'NAME',
  'ID',
  'LENGTH',
  'LEN',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'TIMEOUT',
  'HEADER',
  'ENABLED',
  'FIELD',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'TYPE',
  'VERSION',
  'REF',
  'KEY_ID',
  'MIN',
  'MAX',
  'SIZE',
  'COUNT',
  'PREFIX',
]);

/** The words of a name: `dbPassword`, `db-password` and `DB_PASSWORD` all give `DB`, `PASSWORD`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/**
 * Whether a name (an environment variable, a ConfigMap key) says it holds a secret: one of its
 * words is a secret word (`SECRET_KEY`, `AWS_SECRET_ACCESS_KEY`, `DB_PASS`, `GITHUB_TOKEN`) or it
 * ends in a key of some kind (`API_KEY`, `STRIPE_SIGNING_KEY`), and its last word does not
 * describe the secret instead (`TOKEN_URL`, `PASSWORD_FILE`, `SECRET_NAME`).
 */
export function namesASecret(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || attributeWords.has(last)) return false;
  if (words.some((w) => secretWords.has(w))) return true;
  return last === 'KEY' && words.length > 1 && keyQualifiers.has(words[words.length - 2]!);
}

/**
 * Values that hold no credential whatever their name: empty, a number, a boolean, or a reference
 * to another variable (`$(DB_PASSWORD)`, which Kubernetes expands, or `${DB_PASSWORD}`).
 */
export function isInertValue(value: string): boolean {
  return /^(|-?\d+(\.\d+)?|true|false|yes|no|on|off|\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/i.test(
    value.trim(),
  );
}

/**
 * Which credentials a Docker config file (`config.json`, as `docker login` writes it) gives for a
 * registry host, by the Docker CLI's rules: a `credHelpers` entry for the host wins, then the
 * `credsStore` helper (for every host; when it has nothing, the CLI does not fall back to
 * `auths`), then the `auths` entry whose key names the host (`ghcr.io`, `https://ghcr.io`,
 * `http://localhost:5000/v2/` all name their host). Docker Hub's key is
 * `https://index.docker.io/v1/`. Pure: the file's text comes in, the helper runs elsewhere.
 *
 * @see https://github.com/docker/cli/blob/master/cli/config/configfile/file.go (GetAuthConfig)
 * @see https://github.com/docker/cli/blob/master/cli/config/credentials/file_store.go (ConvertToHostname)
 */

/** Docker Hub's key in `auths` and the server URL its credential helpers are asked for. */
export const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The answer of {@link dockerConfigLookup}. */
export type DockerConfigLookup =
  | { readonly kind: 'auths'; readonly key: string; readonly username: string; readonly password: string }
  | {
      readonly kind: 'helper';
      readonly helper: string;
      readonly via: 'credHelpers' | 'credsStore';
      readonly serverUrl: string;
    }
  | { readonly kind: 'identity-token'; readonly key: string }
  | { readonly kind: 'none' };

interface AuthEntry {
  readonly auth?: unknown;
  readonly username?: unknown;
  readonly password?: unknown;
  readonly identitytoken?: unknown;
}

/** `ConvertToHostname`: the host of a key written with or without scheme and path. */
export function keyHost(key: string): string {
  return key.replace(/^https?:\/\//, '').split('/')[0]!;
}

/** The server address Docker uses for `host` (Docker Hub's URL for its hosts). */
export function serverAddress(host: string): string {
  return DOCKER_HUB_HOSTS.has(host) ? DOCKER_HUB_SERVER : host;
}

function sameRegistry(key: string, host: string): boolean {
  const a = keyHost(key);
  return a === host || (DOCKER_HUB_HOSTS.has(a) && DOCKER_HUB_HOSTS.has(host));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `text` (the file at `path`, named in errors) and says where the credentials for `host`
 * come from. Throws an `Error` naming the path and the field when the file is not a Docker config.
 */
export function dockerConfigLookup(text: string, path: string, host: string): DockerConfigLookup {
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${path}: not JSON (${(error as Error).message}); expected a Docker config such as {"auths": {"ghcr.io": {"auth": "…"}}}`,
    );
  }
  if (!isRecord(config))
    throw new Error(`${path}: expected a JSON object, received ${JSON.stringify(config)?.slice(0, 40)}`);
  const helpers = config.credHelpers;
  if (isRecord(helpers)) {
    const key = Object.keys(helpers).find((k) => sameRegistry(k, host));
    const helper = key === undefined ? undefined : helpers[key];
    if (typeof helper === 'string' && helper !== '')
      return { kind: 'helper', helper, via: 'credHelpers', serverUrl: serverAddress(host) };
  }
  if (typeof config.credsStore === 'string' && config.credsStore !== '') {
    return { kind: 'helper', helper: config.credsStore, via: 'credsStore', serverUrl: serverAddress(host) };
  }
  const auths = config.auths;
  if (!isRecord(auths)) return { kind: 'none' };
  const exact = serverAddress(host);
  const key = exact in auths ? exact : Object.keys(auths).find((k) => sameRegistry(k, host));
  if (key === undefined) return { kind: 'none' };
  const entry = auths[key];
  if (!isRecord(entry))
    throw new Error(`${path}: auths["${key}"]: expected an object with "auth", received ${JSON.stringify(entry)}`);
  const { auth, username, password, identitytoken } = entry as AuthEntry;
  if (typeof identitytoken === 'string' && identitytoken !== '') return { kind: 'identity-token', key };
  if (typeof auth === 'string' && auth !== '') {
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
      throw new Error(
        `${path}: auths["${key}"].auth: expected base64 of "user:password", received base64 of text with no ":"`,
      );
    return { kind: 'auths', key, username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof username === 'string' && typeof password === 'string' && username !== '')
    return { kind: 'auths', key, username, password };
  return { kind: 'none' };
}

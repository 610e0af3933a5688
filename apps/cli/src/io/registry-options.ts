import { parseImageReference, type RegistryClientOptions } from '@sugarkube/image-policy';

/**
 * Registry credentials for the CLI: `--username` with the password from the environment
 * (`SUGARKUBE_REGISTRY_PASSWORD`, or `GITHUB_TOKEN` for ghcr.io), never from the command line.
 */
export function registryOptions(reference: string, values: { readonly username?: string; readonly insecure?: boolean }, env: NodeJS.ProcessEnv = process.env): RegistryClientOptions {
  const registry = parseImageReference(reference).registry;
  const password = env.SUGARKUBE_REGISTRY_PASSWORD ?? (registry === 'ghcr.io' ? env.GITHUB_TOKEN : undefined);
  const username = values.username ?? (registry === 'ghcr.io' && env.GITHUB_TOKEN && !env.SUGARKUBE_REGISTRY_PASSWORD ? (env.GITHUB_ACTOR ?? 'token') : undefined);
  return {
    ...(username && password ? { credentials: { username, password } } : {}),
    ...(values.insecure ? { insecure: true } : {}),
  };
}

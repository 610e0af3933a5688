import {
  parseImageReference,
  RegistryClient,
  RegistryError,
  type Platform,
  type RegistryClientOptions,
} from '@sugarkube/image-policy';
import { CliError } from '../cli-error.js';
import type { RunInput } from '../command.js';
import { exitCodes } from '../exit-codes.js';

/** The registry flags every command that reads a registry takes. */
export interface RegistryFlags {
  readonly username?: string;
  readonly insecure?: boolean;
  /** Seconds one request may take. @default 30 */
  readonly timeout?: number;
}

/**
 * Registry credentials for the CLI: `--username` with the password from the environment
 * (`SUGARKUBE_REGISTRY_PASSWORD`, or `GITHUB_TOKEN` for ghcr.io), never from the command line;
 * else the Docker config (`docker login`), else anonymous.
 */
export function registryOptions(registry: string, flags: RegistryFlags, env: RunInput['env']): RegistryClientOptions {
  const password = env.SUGARKUBE_REGISTRY_PASSWORD ?? (registry === 'ghcr.io' ? env.GITHUB_TOKEN : undefined);
  const username =
    flags.username ??
    (registry === 'ghcr.io' && env.GITHUB_TOKEN && !env.SUGARKUBE_REGISTRY_PASSWORD
      ? (env.GITHUB_ACTOR ?? 'token')
      : undefined);
  return {
    ...(username && password ? { credentials: { username, password } } : {}),
    ...(flags.insecure ? { insecure: true } : {}),
    timeoutMs: (flags.timeout ?? 30) * 1000,
    // One slow registry should not hold a CI job for minutes: two attempts at most.
    retry: { attempts: 2 },
  };
}

/** A registry failure as the CLI reports it: not found is 4, anything else on the way (host and cause named) is 6. */
export function registryFailure(error: unknown): never {
  if (error instanceof RegistryError) {
    const notFound = error.status === 404 || error.code === 'NAME_UNKNOWN' || error.code === 'MANIFEST_UNKNOWN';
    throw new CliError(notFound ? exitCodes.notFound : exitCodes.network, error.message);
  }
  throw error;
}

/** Reads registries with progress on stderr, a time limit per request, and CLI exit codes for failures. */
export class Registry {
  private readonly clients = new Map<string, RegistryClient>();
  constructor(
    private readonly flags: RegistryFlags,
    private readonly input: Pick<RunInput, 'env' | 'progress'>,
  ) {}

  private client(registry: string): RegistryClient {
    let client = this.clients.get(registry);
    if (!client)
      this.clients.set(
        registry,
        (client = new RegistryClient(registry, registryOptions(registry, this.flags, this.input.env))),
      );
    return client;
  }

  /** Every tag of an image repository (`ghcr.io/owner/app`). */
  listTags(image: string): Promise<string[]> {
    const { registry, repository } = parseImageReference(image);
    return this.input
      .progress(`listing the tags of ${image}`, () => this.client(registry).listTags(repository, { pageSize: 1000 }))
      .catch(registryFailure);
  }

  /** The digest a tag points at (a HEAD request, as Flux's digest reflection). */
  headDigest(image: string, tag: string): Promise<string> {
    const { registry, repository } = parseImageReference(image);
    return this.input
      .progress(`resolving ${image}:${tag}`, () => this.client(registry).headDigest(repository, tag))
      .catch(registryFailure);
  }

  /** The digest and platforms of `image:tag` (or `image@digest`). */
  platforms(reference: string): Promise<{ digest: string; kind: 'index' | 'image'; platforms: Platform[] }> {
    const ref = parseImageReference(reference);
    const target = ref.digest ?? ref.tag ?? 'latest';
    return this.input
      .progress(`reading the manifest of ${reference}`, () =>
        this.client(ref.registry).platforms(ref.repository, target),
      )
      .catch(registryFailure);
  }
}

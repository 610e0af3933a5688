/**
 * Registry credentials from the Docker config, as `docker login` leaves them: the file
 * `$DOCKER_CONFIG/config.json` (else `~/.docker/config.json`), its `auths` entries, and its
 * credential helpers through the real helper protocol (`docker-credential-<name> get`, the server
 * URL on stdin, `{"ServerURL","Username","Secret"}` on stdout, exit 1 with "credentials not found"
 * when it has none).
 *
 * @see https://github.com/docker/docker-credential-helpers#development
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { checkArguments, strictObject } from '@sugarkube/core';
import { z } from 'zod';
import { dockerConfigLookup } from '../oci/docker-config.js';
import { registryHost } from '../options/registry-schemas.js';

/** Credentials found for a host, and where they came from (for the 401/403 hint). */
export interface ResolvedCredentials {
  readonly credentials?: { readonly username: string; readonly password: string };
  /** What was tried, for people: `user "ci" from auths["ghcr.io"] in /home/me/.docker/config.json`. */
  readonly source: string;
}

/** The Docker config directory: `dir`, else `$DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(dir?: string, env: NodeJS.ProcessEnv = process.env): string {
  checkArguments('Docker config directory', [
    [['dir'], z.string({ error: 'a directory' }).optional(), dir],
    [
      ['env'],
      z.custom<NodeJS.ProcessEnv>((e) => typeof e === 'object' && e !== null && !Array.isArray(e), {
        error: 'an environment map',
      }),
      env,
    ],
  ]);
  return dir ?? (env.DOCKER_CONFIG || join(homedir(), '.docker'));
}

/** Runs `docker-credential-<helper> get` with `serverUrl` on stdin; `undefined` when it has nothing for it. */
export function runCredentialHelper(
  helper: string,
  serverUrl: string,
  timeoutMs: number,
): Promise<{ username: string; secret: string } | undefined> {
  const command = `docker-credential-${helper}`;
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'ENOENT' ? `${command} is not on PATH` : `${command} get: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      const out = stdout.trim();
      if (signal) return reject(new Error(`${command} get: no answer within ${timeoutMs / 1000} s (${signal})`));
      // The protocol's "not found" (credentials.NewErrCredentialsNotFound) is its stdout text.
      if (code !== 0)
        return /credentials not found/i.test(out)
          ? resolve(undefined)
          : reject(new Error(`${command} get exited ${code}: ${out || stderr.trim()}`));
      try {
        const json = JSON.parse(out) as { Username?: unknown; Secret?: unknown };
        if (typeof json.Username !== 'string' || typeof json.Secret !== 'string')
          throw new Error('no Username and Secret');
        resolve({ username: json.Username, secret: json.Secret });
      } catch (error) {
        reject(
          new Error(
            `${command} get: expected {"ServerURL","Username","Secret"}, received ${JSON.stringify(out.slice(0, 80))} (${(error as Error).message})`,
          ),
        );
      }
    });
    child.stdin.end(serverUrl);
  });
}

/**
 * The credentials the Docker config in `configDir` (default: {@link dockerConfigDir}) gives for
 * `host`. A missing file means anonymous; an unreadable file, a helper that fails, or an identity
 * token (OAuth2 refresh tokens are not supported) throws with the file and the entry named.
 */
export async function resolveDockerCredentials(
  host: string,
  options: { readonly configDir?: string; readonly timeoutMs?: number } = {},
): Promise<ResolvedCredentials> {
  checkArguments('Docker credentials lookup', [
    [['host'], registryHost, host],
    [
      ['options'],
      strictObject({
        configDir: z.string({ error: 'a directory' }).optional(),
        timeoutMs: z.number().int().min(1, { error: 'at least 1 ms' }).optional(),
      }),
      options,
    ],
  ]);
  const path = join(dockerConfigDir(options.configDir), 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { source: `no credentials (anonymous; no Docker config at ${path})` };
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const found = dockerConfigLookup(text, path, host);
  switch (found.kind) {
    case 'none':
      return { source: `no credentials (anonymous; ${path} has none for ${host})` };
    case 'identity-token':
      throw new Error(
        `${path}: auths["${found.key}"] holds an identity token (OAuth2), which this client does not support; log in with a username and password or token`,
      );
    case 'auths':
      return {
        credentials: { username: found.username, password: found.password },
        source: `user "${found.username}" from auths["${found.key}"] in ${path}`,
      };
    case 'helper': {
      const where = `${found.via === 'credHelpers' ? `credHelpers["${host}"]` : 'credsStore'} in ${path}`;
      let answer;
      try {
        answer = await runCredentialHelper(found.helper, found.serverUrl, options.timeoutMs ?? 30_000);
      } catch (error) {
        throw new Error(`credential helper for ${host} (${where}): ${(error as Error).message}`);
      }
      if (answer === undefined)
        return {
          source: `no credentials (anonymous; docker-credential-${found.helper}, ${where}, has none for ${found.serverUrl})`,
        };
      if (answer.username === '<token>')
        throw new Error(
          `docker-credential-${found.helper} (${where}) returned an identity token (OAuth2), which this client does not support`,
        );
      return {
        credentials: { username: answer.username, password: answer.secret },
        source: `user "${answer.username}" from docker-credential-${found.helper} (${where})`,
      };
    }
  }
}

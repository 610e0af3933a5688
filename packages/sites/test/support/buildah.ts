import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from './require-tool.js';

const cache = process.env.SUGARKUBE_CACHE ?? join(homedir(), '.cache', 'sugarkube');

/** Debian's buildah on the shared vfs storage where tools/buildah builds the local base images. */
export function buildah(args: readonly string[], timeoutMs = 300_000): string {
  const bin = requireTool('buildah');
  const storage = ['--storage-driver', 'vfs', '--root', join(cache, 'buildah', 'storage'), '--runroot', join(cache, 'buildah', 'runroot')];
  const result = spawnSync(bin, [...storage, ...args], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`buildah ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  return result.stdout;
}

/**
 * The local stand-ins for the node and nginx-unprivileged base images (nothing can be pulled
 * here): `KEY=image` lines from tools/buildah/build-base-images.sh, which is idempotent.
 */
export function localBaseImages(repoRoot: string): Record<string, string> {
  const script = join(repoRoot, 'tools/buildah/build-base-images.sh');
  if (!existsSync(script)) throw new Error(`${script} is missing: it builds the local base images the image tests need`);
  const result = spawnSync('bash', [script, 'node', 'nginx'], { encoding: 'utf8', timeout: 900_000, env: { ...process.env, SUGARKUBE_CACHE: cache } });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr.slice(-4000)}`);
  return Object.fromEntries(result.stdout.trim().split('\n').filter((line) => /^[A-Z_]+=\S+$/.test(line)).map((line) => line.split('=', 2) as [string, string]));
}

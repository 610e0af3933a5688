import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { platformGuardScript } from '../../src/index.js';

// The guard runs with real bash and real jq; `docker` is a stand-in that prints
// the raw index the way `docker buildx imagetools inspect --raw` does. The index
// shape is BuildKit's: one manifest per platform plus attestation manifests
// (platform unknown/unknown), which must not count as a platform.
for (const tool of ['bash', 'jq']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
    throw new Error(`${tool} is required for this test (Debian package "${tool}")`);
}

const dir = mkdtempSync(join(tmpdir(), 'sugarkube-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifest = (os: string, architecture: string, n: number) => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${String(n).repeat(64)}`,
  size: 1000 + n,
  platform: { os, architecture },
  ...(os === 'unknown'
    ? {
        annotations: {
          'vnd.docker.reference.type': 'attestation-manifest',
          'vnd.docker.reference.digest': `sha256:${'1'.repeat(64)}`,
        },
      }
    : {}),
});
const index = (...manifests: object[]) =>
  JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests });

function guard(indexes: Record<string, string | null>, platforms = 'linux/amd64 linux/arm64') {
  const docker = join(dir, 'docker');
  const cases = Object.entries(indexes).map(([ref, raw]) =>
    raw === null
      ? `  "${ref}") echo "ERROR: not found" >&2; exit 1 ;;`
      : `  "${ref}") cat <<'JSON'\n${raw}\nJSON\n  ;;`,
  );
  writeFileSync(
    docker,
    `#!/usr/bin/env bash\n[ "$1 $2 $3 $4" = "buildx imagetools inspect --raw" ] || exit 2\ncase "$5" in\n${cases.join('\n')}\n  *) exit 3 ;;\nesac\n`,
  );
  chmodSync(docker, 0o755);
  const result = spawnSync('bash', ['-c', platformGuardScript], {
    env: { PATH: `${dir}:${process.env['PATH']}`, INDEXES: Object.keys(indexes).join(' '), PLATFORMS: platforms },
    encoding: 'utf8',
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

describe('arm64 guard script (real bash and jq)', () => {
  const both = index(
    manifest('linux', 'amd64', 2),
    manifest('linux', 'arm64', 3),
    manifest('unknown', 'unknown', 4),
    manifest('unknown', 'unknown', 5),
  );
  const amd64Only = index(manifest('linux', 'amd64', 2), manifest('unknown', 'unknown', 4));

  it('passes an index with every platform', () => {
    const r = guard({ 'ghcr.io/o/app@sha256:aa': both });
    expect(r.out).toContain('ok: ghcr.io/o/app@sha256:aa has linux/arm64');
    expect(r.status).toBe(0);
  });

  it('fails an index without arm64, even with attestation manifests present', () => {
    const r = guard({ 'ghcr.io/o/app:edge': amd64Only });
    expect(r.out).toContain('::error::ghcr.io/o/app:edge lacks linux/arm64');
    expect(r.status).toBe(1);
  });

  it('fails a single-platform manifest (no index at all) and an unreadable reference, checking every one', () => {
    const single = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {},
      layers: [],
    });
    const r = guard({ 'ghcr.io/o/app:one': single, 'ghcr.io/o/app:gone': null, 'ghcr.io/o/app:good': both });
    expect(r.out).toContain('::error::ghcr.io/o/app:one lacks linux/amd64');
    expect(r.out).toContain('::error::cannot read ghcr.io/o/app:gone');
    expect(r.out).toContain('ok: ghcr.io/o/app:good has linux/amd64');
    expect(r.status).toBe(1);
  });

  it('is valid bash (bash -n)', () => {
    expect(() => execFileSync('bash', ['-n', '-c', platformGuardScript])).not.toThrow();
  });
});

import { createHash } from 'node:crypto';

// A tiny real image: per architecture an OCI config blob and an image manifest (no layers), and an
// index over them, pushed through the distribution API as `buildah push` would.
const json = (value: unknown) => JSON.stringify(value);
export const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
const config = (arch: string) => json({ os: 'linux', architecture: arch, rootfs: { type: 'layers', diff_ids: [] } });
const image = (arch: string) =>
  json({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha(config(arch)),
      size: config(arch).length,
    },
    layers: [],
  });
const index = (archs: readonly string[]) =>
  json({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: archs.map((a) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha(image(a)),
      size: image(a).length,
      platform: { os: 'linux', architecture: a },
    })),
  });

async function check(response: Response, expected: number): Promise<void> {
  if (response.status !== expected) throw new Error(`registry answered ${response.status}: ${await response.text()}`);
}

async function pushBlob(host: string, repo: string, content: string): Promise<void> {
  const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
  await check(start, 202);
  const location = new URL(start.headers.get('location')!, `http://${host}`);
  location.searchParams.set('digest', sha(content));
  await check(
    await fetch(location, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: content }),
    201,
  );
}

async function pushManifest(
  host: string,
  repo: string,
  reference: string,
  content: string,
  mediaType: string,
): Promise<void> {
  await check(
    await fetch(`http://${host}/v2/${repo}/manifests/${reference}`, {
      method: 'PUT',
      headers: { 'content-type': mediaType },
      body: content,
    }),
    201,
  );
}

/** Pushes a multi-platform image (an OCI index over one image per architecture) under each tag; returns the index digest. */
export async function pushImage(
  host: string,
  repo: string,
  tags: readonly string[],
  archs: readonly string[] = ['amd64', 'arm64'],
): Promise<string> {
  for (const arch of archs) {
    await pushBlob(host, repo, config(arch));
    await pushManifest(host, repo, sha(image(arch)), image(arch), 'application/vnd.oci.image.manifest.v1+json');
  }
  for (const tag of tags) await pushManifest(host, repo, tag, index(archs), 'application/vnd.oci.image.index.v1+json');
  return sha(index(archs));
}

/** Pushes a single-platform image (an image manifest, no index) under a tag; returns its digest. */
export async function pushSingleImage(host: string, repo: string, tag: string, arch: string): Promise<string> {
  await pushBlob(host, repo, config(arch));
  await pushManifest(host, repo, tag, image(arch), 'application/vnd.oci.image.manifest.v1+json');
  return sha(image(arch));
}

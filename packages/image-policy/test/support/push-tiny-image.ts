// Pushes a minimal OCI image (a config blob and one empty layer, linux/arm64) through the real
// registry API: monolithic blob uploads, then the manifest under each tag. Enough for tag and
// manifest requests without building anything.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function pushBlob(base: string, repo: string, data: Buffer, authorization: string): Promise<string> {
  const digest = sha256(data);
  const start = await fetch(`${base}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: { authorization } });
  if (start.status !== 202) throw new Error(`blob upload to ${repo}: HTTP ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get('location')!, base);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { authorization, 'content-type': 'application/octet-stream' },
    body: data,
  });
  if (put.status !== 201) throw new Error(`blob ${digest} to ${repo}: HTTP ${put.status} ${await put.text()}`);
  return digest;
}

/** Pushes the image to `host/repo` under every tag in `tags`; `authorization` is a Bearer or Basic header. */
export async function pushTinyImage(
  host: string,
  repo: string,
  tags: readonly string[],
  authorization: string,
): Promise<void> {
  const base = `http://${host}`;
  const config = Buffer.from(
    JSON.stringify({ architecture: 'arm64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }),
  );
  const layer = gzipSync(Buffer.alloc(1024)); // an empty tar: two zero blocks
  const configDigest = await pushBlob(base, repo, config, authorization);
  const layerDigest = await pushBlob(base, repo, layer, authorization);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
  });
  for (const tag of tags) {
    const r = await fetch(`${base}/v2/${repo}/manifests/${tag}`, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
      body: manifest,
    });
    if (r.status !== 201) throw new Error(`manifest ${repo}:${tag}: HTTP ${r.status} ${await r.text()}`);
  }
}

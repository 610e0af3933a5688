import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface PushedImage {
  /** `sha256:…` of the manifest. */
  readonly digest: string;
  /** `HOST/REPOSITORY:TAG`. */
  readonly reference: string;
}

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/**
 * Pushes a tiny OCI image (one empty layer, a config naming `platform`) to a plain-HTTP
 * registry through the Distribution API, for tests that need tags rather than a runnable image
 * (image-reflector-controller lists tags; kwok never pulls).
 */
export async function pushTinyImage(
  host: string,
  repository: string,
  tag: string,
  platform = 'linux/arm64',
): Promise<PushedImage> {
  const [os, architecture] = platform.split('/');
  const tar = Buffer.alloc(1024); // an empty tar archive: two zero blocks
  const layer = gzipSync(tar);
  const config = Buffer.from(
    JSON.stringify({ architecture, os, config: {}, rootfs: { type: 'layers', diff_ids: [sha256(tar)] } }),
  );
  const base = `http://${host}/v2/${repository}`;
  for (const blob of [layer, config]) await uploadBlob(base, blob);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha256(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha256(layer), size: layer.length }],
    }),
  );
  const put = await fetch(`${base}/manifests/${tag}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    body: manifest,
  });
  if (put.status !== 201)
    throw new Error(`PUT ${base}/manifests/${tag}: expected 201, received ${put.status} ${await put.text()}`);
  return { digest: sha256(manifest), reference: `${host}/${repository}:${tag}` };
}

async function uploadBlob(base: string, blob: Buffer): Promise<void> {
  const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST' });
  const location = start.headers.get('location');
  if (start.status !== 202 || !location)
    throw new Error(`POST ${base}/blobs/uploads/: expected 202 with a Location, received ${start.status}`);
  const url = new URL(location, base);
  url.searchParams.set('digest', sha256(blob));
  const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: blob });
  if (put.status !== 201)
    throw new Error(`PUT blob ${sha256(blob)}: expected 201, received ${put.status} ${await put.text()}`);
}

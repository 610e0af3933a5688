import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's node_modules: a cluster repo made in a temp dir resolves @sugarkube/* through it. */
export const monorepoNodeModules = fileURLToPath(new URL('../../../../node_modules', import.meta.url));

/** The smallest valid app descriptor (a static site), with `image` as its repository. */
export function shopDescriptor(image: string): string {
  return `name: shop
services:
  - name: web
    runtime: static-nginx
    image:
      repository: ${image}
    port: 8080
    probes:
      readiness: /healthz
      liveness: /livez
routes:
  - apex: shop.example.org
environments:
  staging: {}
  prod: {}
`;
}

/** A cluster module (ESM) with staging and prod behind a tunnel and the one app read from `shop/sugarkube.yaml`. */
export const clusterModuleSource = `import { clusterModule } from '@sugarkube/cluster';
import { readAppYaml } from '@sugarkube/manifests';
import { fileURLToPath } from 'node:url';

const definition = {
  name: 'acme',
  repository: { url: 'https://github.com/acme/gitops', branch: 'main' },
  owner: 'acme',
  acmeEmail: 'ops@example.org',
  dnsZones: ['example.org'],
  environments: {
    staging: { exposure: { cloudflareTunnel: {} }, nodeLabels: { 'sugarkube.env': 'staging' } },
    prod: { exposure: { cloudflareTunnel: {} }, nodeLabels: { 'sugarkube.env': 'prod' } },
  },
  apps: [{ app: readAppYaml(fileURLToPath(new URL('./shop/sugarkube.yaml', import.meta.url))), repository: { url: 'https://github.com/acme/shop' } }],
};

export default clusterModule({ definition, pinsFile: new URL('./sugarkube.pins.json', import.meta.url) });
`;

export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/**
 * A cluster repo in `dir` as `sugarkube init cluster` leaves it, with one app (`shop`, image
 * `image`) pinned in both environments: package.json, cluster.mjs, shop/sugarkube.yaml,
 * sugarkube.pins.json, a node_modules link to the monorepo's, and a Git repository with one
 * commit on `main` (the tree is synthesized by the caller).
 */
export function makeClusterRepo(
  dir: string,
  image: string,
  pins: { staging: string; prod: string; prodDigest?: string },
): void {
  mkdirSync(join(dir, 'shop'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'acme-gitops', private: true, type: 'module', sugarkube: { cluster: 'cluster.mjs' } }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'cluster.mjs'), clusterModuleSource);
  writeFileSync(join(dir, 'shop', 'sugarkube.yaml'), shopDescriptor(image));
  const prod = { tag: pins.prod, ...(pins.prodDigest ? { digest: pins.prodDigest } : {}) };
  writeFileSync(
    join(dir, 'sugarkube.pins.json'),
    `${JSON.stringify({ prod: { shop: { web: prod } }, staging: { shop: { web: { tag: pins.staging } } } }, null, 2)}\n`,
  );
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  symlinkSync(monorepoNodeModules, join(dir, 'node_modules'));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'user.name', 'Sugarkube Test');
  git(dir, 'config', 'user.email', 'test@example.org');
}

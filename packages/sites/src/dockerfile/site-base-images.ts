/**
 * The two images a site's Dockerfile starts from, pinned by tag and multi-platform index digest.
 * The same pins as `@sugarkube/ci-workflows`' base-image table (one place to bump once its
 * static-nginx Dockerfile can write a full nginx.conf; see README). Each becomes the default of a
 * global `ARG`, so a build can swap it with `--build-arg`.
 */
export const siteBaseImages = {
  node: {
    buildArg: 'NODE_IMAGE',
    reference: 'docker.io/library/node:24.18.0-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d',
  },
  nginx: {
    buildArg: 'NGINX_IMAGE',
    reference: 'docker.io/nginxinc/nginx-unprivileged:1.28-alpine@sha256:7377697a821c131a924a7105fafbe7414db4e9fcc77a6f08f776f33f141ec3f8',
  },
} as const;

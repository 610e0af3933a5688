import type { SiteFilesOptions } from '@sugarkube/sites';

/** The build-info.json each environment's init container writes to /runtime/ (real app: from the chart's ConfigMap). */
const buildInfo = (environment: string) => ({ 'build-info.json': `${JSON.stringify({ app: 'danielsmith', environment })}\n` });

/**
 * danielsmith.io as it runs (futuroptimist/danielsmith.io@eda8619d): Vite output in dist/,
 * nginx-unprivileged on 8080 as uid 101 with a read-only root, /healthz and /livez answered by
 * nginx, unknown routes (e.g. /studio) falling back to index.html, source maps not shipped, and
 * the `seed-build-info` init container copying the image's runtime/ plus build-info.json into
 * an emptyDir at /usr/share/nginx/html/runtime. Image name dotted; namespace `danielsmith`.
 */
export const danielsmith: SiteFilesOptions = {
  site: {
    name: 'danielsmith',
    host: 'danielsmith.io',
    image: 'ghcr.io/futuroptimist/danielsmith.io',
    spaFallback: true,
    // Three.js builds shaders at run time and the site inlines small styles.
    headers: {
      contentSecurityPolicy:
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:",
    },
    runtimeFiles: {
      initContainerName: 'seed-build-info',
      configMap: 'danielsmith-build-info',
      files: { staging: buildInfo('staging'), prod: buildInfo('prod') },
    },
    // Prod moves only by promotion: the tag the real cluster runs (docs/apps/danielsmith.prod.tag).
    environments: { staging: {}, prod: { image: { tag: 'main-5ca96df16f0f' } } },
  },
  build: { buildScript: 'build', outDir: 'dist' },
};

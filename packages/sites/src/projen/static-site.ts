import { defineApp } from '@sugarkube/manifests';
import { SugarkubeApp } from '@sugarkube/manifests/projen';
import { Component, type Project } from 'projen';
import { planSiteFiles } from '../plan-site-files.js';
import { siteAppDescriptor } from '../site-app-descriptor.js';
import type { SiteOptions } from '../site-options.js';

/** Options for `StaticSite`: the site's values and where its Kustomize tree goes. */
export interface StaticSiteOptions extends SiteOptions {
  /**
   * Directory of the Kustomize tree: the path the cluster's Kustomizations name.
   * @default "deploy"
   */
  readonly deployDir?: string;
}

const brand = Symbol.for('@sugarkube/sites.StaticSite');

/**
 * A static site repo's one entry point: the site's values become an app descriptor
 * (`siteAppDescriptor`) and `SugarkubeApp` writes everything from it on every `npx projen`:
 * Dockerfile, `.dockerignore`, `nginx.conf`, `precompress.mjs`, the build-and-push and smoke
 * workflows, `deploy/` and the image automation. Read-only, committed, the same bytes every time.
 * @throws ValidationError listing every problem of the options
 * @example new StaticSite(project, { name: 'blog', host: 'blog.example.org', image: 'ghcr.io/acme/blog' });
 */
export class StaticSite extends Component {
  /** True for a `StaticSite` from any copy of this package. */
  static isStaticSite(value: unknown): value is StaticSite {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  /** Repo-relative paths of the files this component writes, sorted. */
  readonly files: readonly string[];

  constructor(project: Project, options: StaticSiteOptions) {
    super(project, 'StaticSite');
    Object.defineProperty(this, brand, { value: true });
    const { deployDir = 'deploy', ...site } = options;
    // Checks the options first (a ValidationError naming the site's fields), and names the files.
    this.files = planSiteFiles(site, { deployDir }).map((file) => file.path);
    new SugarkubeApp(project, { app: defineApp(siteAppDescriptor(site)), deployDir });
  }
}

import { Component, TextFile, type Project } from 'projen';
import { planSiteFiles, type SiteFilesOptions } from '../plan-site-files.js';

const brand = Symbol.for('@sugarkube/sites.StaticSite');

/**
 * A static site repo's hosting files, regenerated on every `npx projen`: the nginx config, the
 * Dockerfile and `.dockerignore`, and the Kustomize tree under `deploy/`. All projen-managed
 * (read-only, committed); re-synthesis writes the same bytes.
 * @see planSiteFiles
 */
export class StaticSite extends Component {
  /** True for a `StaticSite` from any copy of this package. */
  static isStaticSite(value: unknown): value is StaticSite {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  /** Repo-relative paths of the files this component owns. */
  readonly files: readonly string[];

  constructor(project: Project, options: SiteFilesOptions) {
    super(project, 'StaticSite');
    Object.defineProperty(this, brand, { value: true });
    const files = planSiteFiles(options);
    for (const file of files) {
      // The content carries its own generated-file header; projen's marker would add a second.
      new TextFile(project, file.path, { lines: file.content.split('\n'), readonly: true, committed: true, marker: false });
    }
    this.files = files.map((file) => file.path);
  }
}

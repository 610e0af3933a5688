import { join } from 'node:path';
import { GeneratedFiles } from '@sugarkube/ci-workflows/projen';
import { Component, type Project } from 'projen';
import type { AppDescriptor } from '../descriptor/app-schema.js';
import { isApp, type App } from '../descriptor/app.js';
import { readAppYaml } from '../io/read-app-yaml.js';
import { appRepoFiles } from '../render/app-repo-files.js';
import { defineApp } from '../validate/define-app.js';

/** Options for `SugarkubeApp`. */
export interface SugarkubeAppOptions {
  /**
   * The descriptor file, relative to the project root (ignored when `app` is given).
   * @default "sugarkube.yaml"
   */
  readonly descriptor?: string;
  /**
   * The descriptor typed in `.projenrc.ts` instead of a file (a descriptor or `defineApp`'s result).
   * @default - read from `descriptor`
   */
  readonly app?: App | AppDescriptor;
  /**
   * Directory of the Kustomize tree (`<deployDir>/base`, `<deployDir>/overlays/<env>`,
   * `<deployDir>/image-automation`): the path the cluster's Kustomizations name.
   * @default "deploy"
   * @see https://kubectl.docs.kubernetes.io/references/kustomize/glossary/#overlay
   */
  readonly deployDir?: string;
}

const brand = Symbol.for('@sugarkube/manifests.SugarkubeApp');

/**
 * The app repo's one entry point: from the descriptor alone, on every `npx projen`, it writes
 * the Dockerfile and `.dockerignore`, the multi-arch build-and-push and smoke workflows, the
 * Kustomize tree under `deploy/` and the app's Flux image objects. Files are read-only,
 * regenerated, never hand-edited; the same descriptor gives the same bytes in every repo.
 * @example new SugarkubeApp(project); // reads ./sugarkube.yaml
 */
export class SugarkubeApp extends Component {
  /** True for a `SugarkubeApp` from any copy of this package. */
  static isSugarkubeApp(value: unknown): value is SugarkubeApp {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  readonly app: App;

  constructor(project: Project, options: SugarkubeAppOptions = {}) {
    super(project, 'SugarkubeApp');
    Object.defineProperty(this, brand, { value: true });
    const source = options.descriptor ?? 'sugarkube.yaml';
    if (options.app !== undefined) this.app = isApp(options.app) ? options.app : defineApp(options.app);
    else this.app = readAppYaml(join(project.outdir, source));
    const files = appRepoFiles(this.app, { source: options.app === undefined ? source : '.projenrc.ts', deployDir: options.deployDir ?? 'deploy' });
    new GeneratedFiles(project, files);
    // `npx projen` runs the default task: make it re-run .projenrc.ts (Node runs TypeScript itself).
    const task = project.defaultTask;
    if (task && task.steps.length === 0) task.exec('node .projenrc.ts');
  }
}

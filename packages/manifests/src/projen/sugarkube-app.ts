import { Component, TextFile, type Project } from 'projen';
import type { AppDescriptor } from '../descriptor/app-schema.js';
import { isApp, type App } from '../descriptor/app.js';
import { renderAppTree } from '../render/render-app-tree.js';
import { defineApp } from '../validate/define-app.js';

/** Options for `SugarkubeApp`. */
export interface SugarkubeAppOptions {
  /** The app: a descriptor (validated here) or the result of `defineApp`. */
  readonly app: App | AppDescriptor;
  /**
   * Directory of the Kustomize tree in the repo (`<outdir>/base`, `<outdir>/overlays/<env>`).
   * @default "deploy"
   */
  readonly outdir?: string;
  /**
   * Environments to render.
   * @default every environment of the app
   * @see https://kubectl.docs.kubernetes.io/references/kustomize/glossary/#overlay
   */
  readonly environments?: readonly string[];
}

const brand = Symbol.for('@sugarkube/manifests.SugarkubeApp');

/**
 * Writes an app's Kustomize tree (`deploy/`) into an app repo on every
 * `npx projen`. Files are projen-managed: read-only, regenerated, never hand-edited.
 */
export class SugarkubeApp extends Component {
  /** True for a `SugarkubeApp` from any copy of this package. */
  static isSugarkubeApp(value: unknown): value is SugarkubeApp {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  readonly app: App;
  readonly outdir: string;

  constructor(project: Project, options: SugarkubeAppOptions) {
    super(project, 'SugarkubeApp');
    Object.defineProperty(this, brand, { value: true });
    this.app = isApp(options.app) ? options.app : defineApp(options.app);
    this.outdir = options.outdir ?? 'deploy';
    const files = renderAppTree(this.app, {
      directory: this.outdir,
      regenerateCommand: 'npx projen',
      ...(options.environments ? { environments: options.environments } : {}),
    });
    for (const file of files) {
      new TextFile(project, file.path, { lines: file.content.split('\n'), readonly: true, committed: true, marker: false });
    }
  }
}

import { join } from 'node:path';
import { GeneratedFiles } from '@sugarkube/ci-workflows/projen';
import { checkArguments, prefixIssues, repoPath, strictObject, ValidationError } from '@sugarkube/core';
import { Component, type Project } from 'projen';
import { z } from 'zod';
import type { AppDescriptor } from '../descriptor/app-schema.js';
import { isApp, type App } from '../descriptor/app.js';
import { readAppYaml } from '../io/read-app-yaml.js';
import { appRepoFiles } from '../render/app-repo-files.js';
import { appOrDescriptor } from '../validate/arguments.js';
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

/** The schema `SugarkubeApp` checks its options with (the descriptor itself by `defineApp`). */
const optionsSchema = strictObject({
  descriptor: repoPath.optional(),
  app: appOrDescriptor.optional(),
  deployDir: repoPath.optional(),
});
const projectSchema = z.custom<Project>(
  (p) => typeof p === 'object' && p !== null && typeof (p as { outdir?: unknown }).outdir === 'string',
  { error: 'a projen project' },
);

/** The descriptor file; a file that cannot be read is reported at `descriptor` (problems inside it by file and line). */
function readDescriptor(path: string): App {
  try {
    return readAppYaml(path);
  } catch (error) {
    if (!ValidationError.is(error)) throw error;
    throw new ValidationError(
      error.subject,
      error.issues.map((i) => (i.path === '' ? prefixIssues(['descriptor'], [i])[0]! : i)),
    );
  }
}

/** The app of `options.app`, validated; its problems are reported under `app`. */
function appOf(app: App | AppDescriptor): App {
  if (isApp(app)) return app;
  try {
    return defineApp(app);
  } catch (error) {
    if (!ValidationError.is(error)) throw error;
    throw new ValidationError('SugarkubeApp options', prefixIssues(['app'], error.issues));
  }
}

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
    checkArguments('SugarkubeApp options', [
      [['project'], projectSchema, project],
      [[], optionsSchema, options],
    ]);
    super(project, 'SugarkubeApp');
    Object.defineProperty(this, brand, { value: true });
    const source = options.descriptor ?? 'sugarkube.yaml';
    if (options.app !== undefined) this.app = appOf(options.app);
    else this.app = readDescriptor(join(project.outdir, source));
    let files;
    try {
      files = appRepoFiles(this.app, {
        source: options.app === undefined ? source : '.projenrc.ts',
        deployDir: options.deployDir ?? 'deploy',
      });
    } catch (error) {
      // The generators name paths in the descriptor: under `app` when it was given inline.
      if (!ValidationError.is(error) || options.app === undefined) throw error;
      throw new ValidationError('SugarkubeApp options', prefixIssues(['app'], error.issues));
    }
    new GeneratedFiles(project, files);
    // `npx projen` runs the default task: make it re-run .projenrc.ts (Node runs TypeScript itself).
    const task = project.defaultTask;
    if (task && task.steps.length === 0) task.exec('node .projenrc.ts');
  }
}

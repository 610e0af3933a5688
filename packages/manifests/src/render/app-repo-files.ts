import { appBuildFiles } from '@sugarkube/ci-workflows';
import {
  checkArguments,
  prefixIssues,
  sortFiles,
  ValidationError,
  type GeneratedFile,
  type Issue,
} from '@sugarkube/core';
import { appArgument, appRepoFilesOptionsSchema } from '../validate/arguments.js';
import type { App } from '../descriptor/app.js';
import { resolveEnvironment } from '../plan/resolve-environment.js';
import type { ResolvedService } from '../plan/resolve-service.js';
import { appTreeHeader, renderAppTree } from './render-app-tree.js';
import { renderImageAutomation } from './render-image-automation.js';

/** Options for `appRepoFiles`. */
export interface AppRepoFilesOptions {
  /**
   * The descriptor's file name, named in every header ("change sugarkube.yaml and run …").
   * @default "sugarkube.yaml"
   */
  readonly source?: string;
  /**
   * Where the Kustomize tree goes: `<deployDir>/base`, `<deployDir>/overlays/<env>`,
   * `<deployDir>/image-automation` (the cluster's Kustomizations name these paths).
   * @default "deploy"
   */
  readonly deployDir?: string;
  /**
   * The command that regenerates the files, named in every header.
   * @default "npx projen"
   */
  readonly regenerateCommand?: string;
}

const headerOf = (options: AppRepoFilesOptions) => ({
  ...(options.source === undefined ? {} : { source: options.source }),
  ...(options.regenerateCommand === undefined ? {} : { regenerateCommand: options.regenerateCommand }),
});

/** An HTTP probe's path, if the probe is an HTTP GET (the smoke test can only curl those). */
function httpPath(probe: NonNullable<ResolvedService['probes']>['readiness']): string | undefined {
  if (probe === undefined) return undefined;
  if (typeof probe === 'string') return probe;
  return probe.exec || probe.tcpPort !== undefined ? undefined : (probe.path ?? '/');
}

/** The literal (not secret, not ConfigMap) environment of a service: baked into the image so a plain run matches the pod. */
function literalEnv(service: ResolvedService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.env ?? {}).flatMap(([k, v]) => (typeof v === 'object' ? [] : [[k, String(v)]])),
  );
}

/**
 * Everything an app repo generates from its descriptor alone, identical in every repo: per
 * service the Dockerfile, `.dockerignore` (and a static site's `nginx.conf`), the multi-arch
 * build-and-push workflow with its arm64 guard and the smoke workflow that runs the image as the
 * cluster will; the Kustomize tree under `deploy/` (base and one overlay per environment); and
 * the app's Flux ImageRepository and ImagePolicy under `deploy/image-automation/`. Pure.
 * @throws ValidationError naming `services[i].build…` paths when a build section is wrong
 */
export function appRepoFiles(app: App, options: AppRepoFilesOptions = {}): GeneratedFile[] {
  checkArguments('appRepoFiles arguments', [
    [['app'], appArgument, app],
    [['options'], appRepoFilesOptionsSchema, options],
  ]);
  const header = appTreeHeader(options);
  const deployDir = options.deployDir ?? 'deploy';
  const base = resolveEnvironment(app.descriptor);
  const multi = base.services.length > 1;
  const issues: Issue[] = [];
  const build = base.services.flatMap((service, index) => {
    const readiness = httpPath(service.probes?.readiness);
    const liveness = httpPath(service.probes?.liveness);
    try {
      return appBuildFiles({
        app: app.descriptor.name,
        service: service.name,
        runtime: service.runtime,
        build: service.build ?? {},
        image: service.image.repository,
        port: service.port,
        user: { uid: service.runAsUser, gid: service.runAsGroup },
        env: literalEnv(service),
        writablePaths: service.writablePaths.map((w) => (typeof w === 'string' ? w : w.path)),
        ...(readiness && liveness ? { probes: { readiness, liveness } } : {}),
        defaultBranch: app.descriptor.defaultBranch ?? 'main',
        ...(multi ? { directory: `services/${service.name}` } : {}),
        header,
      });
    } catch (error) {
      if (!ValidationError.is(error)) throw error;
      // The generator names paths in its input; in the descriptor they sit under services[i].
      issues.push(...prefixIssues(['services', index], error.issues));
      return [];
    }
  });
  if (issues.length > 0) throw new ValidationError('app descriptor (image build)', issues);
  return sortFiles([
    ...build,
    ...renderAppTree(app, { ...headerOf(options), directory: deployDir }),
    ...renderImageAutomation(app, { ...headerOf(options), directory: deployDir }),
  ]);
}

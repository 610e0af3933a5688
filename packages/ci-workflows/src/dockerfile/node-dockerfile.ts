import { baseImageReference, baseImages } from '../base-images/base-images.js';
import type { CommonDockerfileOptions, GeneratedDockerFile } from './dockerfile-common.js';
import { IssueCollector, defaultDockerfileHeader, dockerfileHead, envLines, execForm, finalStageOrderComment, joinLines, ociLabelLines } from './dockerfile-common.js';
import { dockerignore } from './dockerignore.js';
import type { NativeModules, NodeBuildOptions } from './node-build-stages.js';
import { checkNodeBuildOptions, nodeBuildOutputs, nodeBuildStages, nodeProdDepsStage } from './node-build-stages.js';

/** A Node.js server image (npm or pnpm, single package or a workspace package), e.g. DSPACE's Astro SSR server. */
export interface NodeDockerfileOptions extends CommonDockerfileOptions, NodeBuildOptions {
  /** The server command, exec form, run from the app directory, e.g. `['node', 'dist/server/entry.mjs']`. */
  readonly command: readonly string[];
  /**
   * Files and directories the final stage copies from the build stage, relative to the
   * repo root (the app's `package.json` is always copied).
   * @default ['<app>/dist'] (`dist` for a single package)
   */
  readonly runtimeFiles?: readonly string[];
  /**
   * Port the server listens on; set as `PORT` and `EXPOSE`d.
   * @default 8080
   */
  readonly port?: number;
  /**
   * Where production dependencies with native code are installed.
   * @default 'prebuilt'
   * @see NativeModules
   */
  readonly nativeModules?: NativeModules;
}

const imageArg = baseImages.node.buildArg;

/** The Dockerfile and `.dockerignore` for a Node.js server. Pure. */
export function nodeDockerfile(options: NodeDockerfileOptions): GeneratedDockerFile[] {
  const issues = new IssueCollector();
  checkNodeBuildOptions(options, issues);
  issues.command('command', options.command);
  issues.port('port', options.port ?? 8080);
  issues.user('user', options.user ?? 1000);
  issues.env('env', options.env);
  (options.runtimeFiles ?? []).forEach((f, i) => issues.relativePath(`runtimeFiles[${i}]`, f));
  issues.throwIfAny('nodeDockerfile');
  return renderNodeDockerfile(options, 'Node.js server');
}

/** Shared by the node and node-static-server generators (options already checked). */
export function renderNodeDockerfile(options: NodeDockerfileOptions, runtime: string): GeneratedDockerFile[] {
  const port = options.port ?? 8080;
  const user = options.user ?? 1000;
  const app = options.workspace?.app;
  const appDir = app === undefined ? '/app' : `/app/${app}`;
  const runtimeFiles = options.runtimeFiles ?? [app === undefined ? 'dist' : `${app}/dist`];
  const env = { NODE_ENV: 'production', HOST: '0.0.0.0', PORT: String(port), ...options.env };
  const lines = [
    ...dockerfileHead(options.header, runtime, [`${imageArg}=${baseImageReference(baseImages.node)}`]),
    '',
    ...nodeBuildStages(options, imageArg, [app === undefined ? 'package.json' : `${app}/package.json`, ...runtimeFiles]),
    '',
    ...nodeProdDepsStage(options, imageArg, options.nativeModules ?? 'prebuilt'),
    '',
    '# The image: target platform, production dependencies, build output, non-root.',
    finalStageOrderComment,
    `FROM --platform=$TARGETPLATFORM \${${imageArg}} AS runtime`,
    ...ociLabelLines(),
    ...envLines(env),
    `WORKDIR ${appDir}`,
    `USER ${user}:${user}`,
    `EXPOSE ${port}`,
    `CMD ${execForm(options.command)}`,
    app === undefined ? 'COPY --from=prod-deps /app/node_modules /app/node_modules' : 'COPY --from=prod-deps /app /app',
    'COPY --from=build /out/ /app/',
  ];
  const header = options.header ?? defaultDockerfileHeader;
  return [
    { path: 'Dockerfile', content: joinLines(lines) },
    dockerignore('node', { header, buildOutputs: nodeBuildOutputs(options), extra: options.dockerignore }),
  ];
}

import type { GeneratedDockerFile } from './dockerfile-common.js';
import { IssueCollector } from './dockerfile-common.js';
import type { NodeDockerfileOptions } from './node-dockerfile.js';
import { renderNodeDockerfile } from './node-dockerfile.js';
import { checkNodeBuildOptions } from './node-build-stages.js';

/**
 * Static assets served by the app's own small Node server (jobbot3000: Express 5,
 * `scripts/static-server.js`, health on /healthz /livez, port 8080).
 */
export interface NodeStaticServerDockerfileOptions extends Omit<NodeDockerfileOptions, 'command' | 'runtimeFiles'> {
  /** The server script, relative to the repo root, e.g. `scripts/static-server.js`. */
  readonly server: string;
  /**
   * The built static directory, relative to the repo root.
   * @default 'dist'
   */
  readonly staticDir?: string;
  /**
   * Environment variable that tells the server where the static files are (absolute path).
   * @default 'STATIC_DIR'
   */
  readonly staticDirEnv?: string;
  /**
   * More files the server needs at runtime (modules it imports), relative to the repo root.
   * @default []
   */
  readonly serverFiles?: readonly string[];
}

/** The Dockerfile and `.dockerignore` for static assets behind a Node server. Pure. */
export function nodeStaticServerDockerfile(options: NodeStaticServerDockerfileOptions): GeneratedDockerFile[] {
  const issues = new IssueCollector();
  const staticDir = options.staticDir ?? 'dist';
  checkNodeBuildOptions(options, issues);
  issues.relativePath('server', options.server);
  issues.relativePath('staticDir', staticDir);
  (options.serverFiles ?? []).forEach((f, i) => issues.relativePath(`serverFiles[${i}]`, f));
  const envName = options.staticDirEnv ?? 'STATIC_DIR';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName)) issues.add('staticDirEnv', 'an environment variable name', envName);
  issues.port('port', options.port ?? 8080);
  issues.user('user', options.user ?? 1000);
  issues.env('env', options.env);
  issues.throwIfAny('nodeStaticServerDockerfile');
  if (options.workspace !== undefined) throw new Error('nodeStaticServerDockerfile: workspace builds are not supported; use nodeDockerfile');
  return renderNodeDockerfile(
    {
      ...options,
      command: ['node', options.server],
      runtimeFiles: [staticDir, options.server, ...(options.serverFiles ?? [])],
      env: { [envName]: `/app/${staticDir}`, ...options.env },
      buildOutputs: options.buildOutputs ?? (options.buildScript === false ? [] : [staticDir]),
    },
    'static assets behind a Node.js server',
  );
}

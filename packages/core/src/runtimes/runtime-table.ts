import type { BaseImageName } from './base-images.js';

/** The runtimes an app's service can be built and run with. */
export const runtimeNames = ['node', 'python', 'static-nginx', 'static-node'] as const;
export type RuntimeName = (typeof runtimeNames)[number];

/** Pi-sized requests and the memory limit of a container (no CPU limit: it throttles). */
export interface RuntimeResources {
  readonly cpu: string;
  readonly memory: string;
  readonly memoryLimit: string;
}

/**
 * Everything one runtime fixes, for the image AND for the pod that runs it. The
 * Dockerfile generators (`USER`, `EXPOSE`), the smoke workflow (`docker run --user`,
 * `--read-only`, `--tmpfs`, the probes it curls) and the Deployment (`runAsUser`,
 * emptyDirs, probes, resources) all read this one table, so the smoke test runs the
 * image exactly as the cluster will.
 */
export interface Runtime {
  readonly name: RuntimeName;
  /** One line for docs and `--help`. */
  readonly summary: string;
  /** The numeric user and group the image runs as (never 0: Pod Security `restricted`). */
  readonly user: { readonly uid: number; readonly gid: number };
  /** The port the server listens on by default. */
  readonly port: number;
  /** Directories the server writes to under a read-only root: emptyDirs in the pod, tmpfs in the smoke test. */
  readonly writablePaths: readonly string[];
  /** The pinned base images its Dockerfile starts from (see `baseImages`). */
  readonly baseImages: readonly BaseImageName[];
  /** Default requests and memory limit. */
  readonly resources: RuntimeResources;
  /** Default readiness and liveness paths. */
  readonly probes: { readonly readiness: string; readonly liveness: string };
}

/** The one runtime table. A changed value here changes images, workflows and manifests together. */
export const runtimes: Readonly<Record<RuntimeName, Runtime>> = {
  node: {
    name: 'node',
    summary: 'a Node.js server (npm or pnpm, workspaces, native modules built for the target)',
    // The official node image's `node` user.
    user: { uid: 1000, gid: 1000 },
    port: 8080,
    writablePaths: ['/tmp'],
    baseImages: ['node'],
    resources: { cpu: '200m', memory: '384Mi', memoryLimit: '384Mi' },
    probes: { readiness: '/healthz', liveness: '/livez' },
  },
  python: {
    name: 'python',
    summary: 'a Python web service (gunicorn, uvicorn or a command) from a pip requirements file',
    // A dedicated id outside the range Debian gives system and login users.
    user: { uid: 10001, gid: 10001 },
    port: 8000,
    writablePaths: ['/tmp'],
    baseImages: ['python'],
    resources: { cpu: '100m', memory: '256Mi', memoryLimit: '256Mi' },
    probes: { readiness: '/healthz', liveness: '/livez' },
  },
  'static-nginx': {
    name: 'static-nginx',
    summary: 'a static site served by nginx-unprivileged',
    // nginx-unprivileged's `nginx` user; it cannot bind below 1024.
    user: { uid: 101, gid: 101 },
    port: 8080,
    writablePaths: ['/tmp', '/var/cache/nginx'],
    baseImages: ['node', 'nginxUnprivileged'],
    resources: { cpu: '100m', memory: '128Mi', memoryLimit: '128Mi' },
    probes: { readiness: '/healthz', liveness: '/livez' },
  },
  'static-node': {
    name: 'static-node',
    summary: "a static site served by the app's own small Node server (e.g. Express)",
    user: { uid: 1000, gid: 1000 },
    port: 8080,
    writablePaths: ['/tmp'],
    baseImages: ['node'],
    resources: { cpu: '100m', memory: '128Mi', memoryLimit: '128Mi' },
    probes: { readiness: '/healthz', liveness: '/livez' },
  },
};

/** The runtime of a name; throws on an unknown name (validation reports those first). */
export function runtimeOf(name: RuntimeName): Runtime {
  const runtime = runtimes[name];
  if (!runtime) throw new Error(`unknown runtime "${String(name)}"; known: ${runtimeNames.join(', ')}`);
  return runtime;
}

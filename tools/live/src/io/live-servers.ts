import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChartServer, type ChartServer } from './chart-server.js';
import { startGitServer, type GitServer, type GitServerOptions } from './git-server.js';
import { startLiveRegistry, type LiveRegistry } from './live-registry.js';
import { Supervisor } from './supervisor.js';

/**
 * What the clusters fetch from outside: a git server (GitHub), an OCI registry (GHCR) and a Helm
 * chart repository (the charts' own repositories). Started once, several live clusters can share
 * them, as the real staging and prod clusters share GitHub and GHCR.
 */
export interface LiveServers {
  readonly dir: string;
  readonly git: GitServer;
  readonly registry: LiveRegistry;
  readonly charts: ChartServer;
  /** The tail of the registry's log. */
  logTails(lines?: number): string;
  /** Stops the three; removes `dir` unless `keep`. */
  stop(options?: { readonly keep?: boolean }): Promise<void>;
}

export interface LiveServersOptions {
  /** @default a fresh directory under the OS temp dir */
  readonly dir?: string;
  readonly git?: GitServerOptions;
}

/** Starts the git server, the registry (supervised: it never outlives this process) and the chart repository. */
export async function startLiveServers(options: LiveServersOptions = {}): Promise<LiveServers> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sugarkube-live-servers-'));
  const supervisor = new Supervisor(dir);
  const started: Array<() => Promise<void>> = [() => supervisor.stopAll()];
  const stopAll = async () => {
    for (const stop of started.reverse()) await stop();
  };
  try {
    const git = await startGitServer(dir, options.git);
    started.push(git.stop);
    const charts = await startChartServer(dir);
    started.push(charts.stop);
    const registry = await startLiveRegistry(supervisor, dir);
    return {
      dir,
      git,
      registry,
      charts,
      logTails: (lines) => supervisor.logTails(lines),
      stop: async (stopOptions) => {
        await stopAll();
        if (stopOptions?.keep !== true) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

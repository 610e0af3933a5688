import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { toolPath } from '@sugarkube/verify';
import { run } from './run.js';

export interface ChartServer {
  /** `http://127.0.0.1:PORT`: a Helm HTTP repository (`index.yaml` + chart archives), what a Flux HelmRepository of type `default` reads. */
  readonly url: string;
  /** Packages a chart directory into the repository (`helm package`), re-indexes it, and returns the chart's `name-version`. */
  addChart(chartDir: string): Promise<string>;
  /** Serves a packaged chart (`name-version.tgz`) unchanged, re-indexes, and returns its `name-version`. */
  addArchive(archive: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A Helm chart repository on a free loopback port, in this process: charts are packaged and
 * indexed by the pinned Helm (tools/upstream `helm`, the library helm-controller links), and
 * served as static files from `<dir>/charts`.
 */
export async function startChartServer(dir: string): Promise<ChartServer> {
  const root = join(dir, 'charts');
  mkdirSync(root, { recursive: true });
  const server: Server = createServer((req, res) => {
    const name = basename(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = join(root, name);
    if (req.method !== 'GET' || !(name === 'index.yaml' || name.endsWith('.tgz')) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': name.endsWith('.tgz') ? 'application/gzip' : 'text/yaml' })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const helm = toolPath('helm');
  return {
    url,
    addChart: async (chartDir) => {
      const packaged = await run(helm, ['package', chartDir, '--destination', root]);
      const archive = /to: (.*\.tgz)\s*$/m.exec(packaged.stdout)?.[1];
      if (!archive) throw new Error(`helm package ${chartDir}: no archive named in its output: ${packaged.stdout}`);
      await run(helm, ['repo', 'index', root, '--url', url]);
      return basename(archive, '.tgz');
    },
    addArchive: async (archive) => {
      if (!archive.endsWith('.tgz') || !existsSync(archive))
        throw new Error(`chart server: expected a chart archive (.tgz), received ${JSON.stringify(archive)}`);
      copyFileSync(archive, join(root, basename(archive)));
      await run(helm, ['repo', 'index', root, '--url', url]);
      return basename(archive, '.tgz');
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

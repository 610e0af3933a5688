import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@sugarkube/verify';
import type { Supervisor, SupervisedProcess } from './supervisor.js';
import { waitFor } from './wait-for.js';

export interface LiveRegistry {
  readonly process: SupervisedProcess;
  /** `127.0.0.1:PORT`, plain HTTP, no auth (Flux objects reach it with `insecure: true`). */
  readonly host: string;
}

/**
 * Debian's `docker-registry` (CNCF Distribution 2.8, what tools/verify's startRegistry also
 * runs) on a free loopback port, storage under `<dir>/registry`, supervised with the cluster
 * so it never outlives the run.
 */
export async function startLiveRegistry(supervisor: Supervisor, dir: string): Promise<LiveRegistry> {
  const port = await freePort();
  const storage = join(dir, 'registry');
  mkdirSync(storage, { recursive: true });
  const config = join(dir, 'registry.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${storage}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      '',
    ].join('\n'),
  );
  const process = supervisor.start('registry', 'docker-registry', ['serve', config]);
  const host = `127.0.0.1:${port}`;
  await waitFor('docker-registry', async () => (await fetch(`http://${host}/v2/`)).status === 200 || 'not 200', {
    process,
    timeoutMs: 20_000,
  });
  return { process, host };
}

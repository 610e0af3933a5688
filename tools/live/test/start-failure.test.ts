import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startLiveCluster } from '../src/index.js';

/** Processes whose command line mentions `text` (every component's flags name the run directory). */
function processesMentioning(text: string): string[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(join('/proc', pid, 'cmdline'), 'utf8').replaceAll('\0', ' ');
        return cmdline.includes(text) ? [`${pid}: ${cmdline}`] : [];
      } catch {
        return []; // exited meanwhile
      }
    });
}

it('refuses a CRD directory that does not exist before starting anything', async () => {
  await expect(startLiveCluster({ crdDirs: ['/nonexistent/crds'] })).rejects.toThrow(
    'startLiveCluster: crdDirs[0]: expected a directory or file of CRD YAML, received "/nonexistent/crds" (not found)',
  );
});

it('a start-up that fails half-way stops what it started, keeps the run directory and reports every log', async () => {
  // etcd, the API server, the controller manager, the scheduler and kwok start; the API server
  // refuses a CRD without a spec, so the CRD step fails.
  const crds = mkdtempSync(join(tmpdir(), 'sugarkube-live-bad-crd-'));
  writeFileSync(
    join(crds, 'broken.yaml'),
    'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: broken.example.com\n',
  );
  const error = await startLiveCluster({ crdDirs: [crds], flux: [] }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  rmSync(crds, { recursive: true, force: true });
  expect(error?.message).toMatch(/^the live cluster did not start: .*kubectl .*apply .* exited 1/);
  expect(error?.message).toMatch(/CustomResourceDefinition.*broken\.example\.com.*(invalid|Required value)/);
  const dir = /run directory kept: (\S+)/.exec(error!.message)?.[1];
  expect(dir && existsSync(join(dir, 'logs', 'kube-apiserver.log'))).toBe(true);
  // Each log's tail as it was when the step failed, under a header naming the process and its log.
  for (const name of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok', 'registry']) {
    expect(error?.message).toContain(`----- ${name} (running; ${join(dir!, 'logs', `${name}.log`)}) -----`);
  }
  expect(processesMentioning(dir!)).toEqual([]);
  rmSync(dir!, { recursive: true, force: true });
});

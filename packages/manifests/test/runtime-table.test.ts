/**
 * The runtime table in @sugarkube/core is the one place a uid lives: with python's uid changed
 * there (and nothing else), the Dockerfile's USER, the smoke workflow's `docker run --user` and
 * the Deployment's securityContext all follow, in the files one app repo generates.
 */
import type * as Core from '@sugarkube/core';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@sugarkube/core', async (importOriginal) => {
  const core = await importOriginal<typeof Core>();
  const runtimes = { ...core.runtimes, python: { ...core.runtimes.python, user: { uid: 4242, gid: 4343 } } };
  return { ...core, runtimes, runtimeOf: (name: Core.RuntimeName) => runtimes[name] };
});

const { appRepoFiles, defineApp } = await import('../src/index.js');
const { exampleApps } = await import('./support/example-apps.js');

describe('the runtime table drives the image, the smoke test and the Deployment together', () => {
  it('python uid 4242:4343 in the table: Dockerfile USER, smoke --user and the pod securityContext', () => {
    const files = Object.fromEntries(appRepoFiles(defineApp(exampleApps.tokenplace)).map((f) => [f.path, f.content]));
    expect(files['Dockerfile']).toMatch(/^USER 4242:4343$/m);
    expect(files['.github/workflows/smoke.yml']).toContain('--user 4242:4343 ');
    expect(files['deploy/base/deployment-relay.yaml']).toMatch(/runAsGroup: 4343\n[\s\S]*runAsUser: 4242\n/);
    expect(Object.values(files).join('\n')).not.toContain('10001');
  });
});

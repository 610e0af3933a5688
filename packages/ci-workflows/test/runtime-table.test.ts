/**
 * The runtime table in @sugarkube/core is the one place a uid, a port or a writable path
 * lives: with the table changed (python's uid and writable paths, static-nginx's port), the
 * Dockerfile's USER, the smoke workflow's `docker run --user`/`--tmpfs` and the generated
 * nginx.conf follow together, with no other input changed.
 */
import type * as Core from '@sugarkube/core';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@sugarkube/core', async (importOriginal) => {
  const core = await importOriginal<typeof Core>();
  return {
    ...core,
    runtimes: {
      ...core.runtimes,
      python: { ...core.runtimes.python, user: { uid: 4242, gid: 4343 }, writablePaths: ['/tmp', '/var/lib/relay'] },
      'static-nginx': { ...core.runtimes['static-nginx'], port: 9090 },
    },
  };
});

const { appBuildFiles, pythonDockerfile, smokeFiles, staticNginxDockerfile } = await import('../src/index.js');
const { exampleBuilds } = await import('./support/example-builds.js');

const content = (files: readonly { path: string; content: string }[], path: string) =>
  files.find((f) => f.path === path)!.content;

describe('the runtime table drives the image and the smoke test together', () => {
  it('python uid 4242:4343 in the table: Dockerfile USER and smoke --user both change', () => {
    expect(content(pythonDockerfile({ server: { kind: 'gunicorn', app: 'relay:app' } }), 'Dockerfile')).toMatch(
      /^USER 4242:4343$/m,
    );
    const smoke = content(smokeFiles({ runtime: 'python' }), '.github/workflows/smoke.yml');
    expect(smoke).toContain('--user 4242:4343 ');
    expect(smoke).toContain('--tmpfs /var/lib/relay:rw,exec,mode=1777 ');
  });

  it('appBuildFiles without run settings takes them from the table for both files', () => {
    const {
      user: _user,
      port: _port,
      ...fromTable
    } = { ...exampleBuilds.tokenplace, user: undefined, port: undefined };
    const files = appBuildFiles(fromTable);
    expect(content(files, 'Dockerfile')).toMatch(/^USER 4242:4343$/m);
    expect(content(files, '.github/workflows/smoke.yml')).toMatch(
      /docker run .* --user 4242:4343 .*--tmpfs \/tmp:rw,exec,mode=1777 --tmpfs \/var\/lib\/relay:rw,exec,mode=1777 /,
    );
  });

  it('static-nginx port 9090 in the table: EXPOSE, the generated nginx.conf and the smoke PORT agree', () => {
    const files = staticNginxDockerfile({});
    expect(content(files, 'Dockerfile')).toMatch(/^EXPOSE 9090$/m);
    expect(content(files, 'nginx.conf')).toContain('    listen 9090;');
    expect(content(smokeFiles({ runtime: 'static-nginx' }), '.github/workflows/smoke.yml')).toMatch(/PORT: 9090\n/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasGeneratedMarker, runtimes, ValidationError } from '@sugarkube/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appBuildFiles, renderNginxConfig } from '../../src/index.js';
import { descriptorHeader, exampleBuilds } from '../support/example-builds.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const file = (files: readonly { path: string; content: string }[], path: string) => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} in ${files.map((f) => f.path).join(', ')}`);
  return found.content;
};
type Smoke = { jobs: { container: { steps: { name: string; run?: string; env?: Record<string, unknown> }[] } } };
const smokeRun = (content: string) => (parse(content) as Smoke).jobs.container.steps;

describe('appBuildFiles', () => {
  it("writes the Dockerfile, .dockerignore, the two workflows, and a static site's nginx.conf and precompress script, each with the given header", () => {
    const paths = (name: keyof typeof exampleBuilds) => appBuildFiles(exampleBuilds[name]).map((f) => f.path);
    const common = [
      '.dockerignore',
      '.github/workflows/build-and-push.yml',
      '.github/workflows/smoke.yml',
      'Dockerfile',
    ];
    expect(paths('tokenplace')).toEqual(common);
    expect(paths('dspace')).toEqual(common);
    expect(paths('jobbot3000')).toEqual(common);
    expect(paths('danielsmith')).toEqual([...common, 'nginx.conf', 'precompress.mjs']);
    for (const input of Object.values(exampleBuilds)) {
      for (const f of appBuildFiles(input)) {
        const comment = f.path.endsWith('.mjs') ? '//' : '#';
        expect(f.content.split('\n').slice(0, 2), f.path).toContain(`${comment} ${descriptorHeader}`);
        expect(hasGeneratedMarker(f.content)).toBe(true);
      }
    }
  });

  it('same input, same bytes', () => {
    for (const input of Object.values(exampleBuilds))
      expect(appBuildFiles(structuredClone(input))).toEqual(appBuildFiles(input));
  });

  it('gives the image and the smoke run the same uid:gid, port, writable paths and probes', () => {
    const files = appBuildFiles({
      ...exampleBuilds.tokenplace,
      user: { uid: 2001, gid: 2002 },
      port: 5050,
      writablePaths: ['/tmp', '/var/run/relay'],
      probes: { readiness: '/ready', liveness: '/alive' },
    });
    const dockerfile = file(files, 'Dockerfile');
    expect(dockerfile).toMatch(/^USER 2001:2002$/m);
    expect(dockerfile).toMatch(/^EXPOSE 5050$/m);
    expect(dockerfile).toContain('PORT="5050"');
    const [, start, curl] = smokeRun(file(files, '.github/workflows/smoke.yml'));
    expect(start!.run).toBe(
      'docker run --detach --name app --user 2001:2002 --read-only --cap-drop ALL --security-opt no-new-privileges --tmpfs /tmp:rw,exec,mode=1777 --tmpfs /var/run/relay:rw,exec,mode=1777 --publish "127.0.0.1:$HOST_PORT:$PORT" "$IMAGE"',
    );
    expect(start!.env!['PORT']).toBe(5050);
    expect(curl!.env!['HEALTH_PATHS']).toBe('/ready /alive');
  });

  it('bakes the literal environment the Deployment sets into the image', () => {
    expect(file(appBuildFiles(exampleBuilds.tokenplace), 'Dockerfile')).toContain('PROMETHEUS_MULTIPROC_DIR="/tmp"');
  });

  it('calls the smoke workflow on the pushed digest, and builds the default branch it is given', () => {
    const w = parse(
      file(appBuildFiles({ ...exampleBuilds.dspace, defaultBranch: 'trunk' }), '.github/workflows/build-and-push.yml'),
    ) as {
      on: { push: { branches: string[] } };
      jobs: Record<string, { uses?: string; with?: Record<string, string> }>;
    };
    expect(w.on.push.branches).toEqual(['trunk']);
    expect(w.jobs['smoke']).toMatchObject({
      uses: './.github/workflows/smoke.yml',
      with: { image: '${{ needs.merge.outputs.image }}' },
    });
  });

  it('puts a service of a multi-service repo under its directory, with its own workflows', () => {
    const files = appBuildFiles({ ...exampleBuilds.tokenplace, directory: 'services/relay' });
    expect(files.map((f) => f.path)).toEqual([
      '.github/workflows/build-and-push-relay.yml',
      '.github/workflows/smoke-relay.yml',
      'services/relay/.dockerignore',
      'services/relay/Dockerfile',
    ]);
    const w = parse(file(files, '.github/workflows/build-and-push-relay.yml')) as {
      name: string;
      jobs: Record<string, { uses?: string; steps?: { with?: Record<string, unknown> }[] }>;
    };
    expect(w.name).toBe('build-and-push-relay');
    expect(w.jobs['smoke']!.uses).toBe('./.github/workflows/smoke-relay.yml');
    const build = w.jobs['build']!.steps!.find((s) => s.with?.['context'] !== undefined)!;
    expect(build.with).toMatchObject({ context: 'services/relay', file: 'services/relay/Dockerfile' });
  });

  it('static-nginx: the generated nginx.conf is the serving options rendered with the run settings, and nginx -t accepts it', () => {
    const files = appBuildFiles(exampleBuilds.danielsmith);
    const config = file(files, 'nginx.conf');
    const s = runtimes['static-nginx'];
    expect(config).toBe(
      renderNginxConfig({
        ...exampleBuilds.danielsmith.build.serving,
        header: descriptorHeader,
        port: s.port,
        health: s.probes,
      }),
    );
    expect(file(files, 'Dockerfile')).toContain('COPY nginx.conf /etc/nginx/nginx.conf');
    // Debian's nginx checks it, with the image's absolute paths moved into a temp dir.
    const dir = mkdtempSync(join(tmpdir(), 'sugarkube-nginx-t-'));
    dirs.push(dir);
    for (const d of ['tmp', 'cache', 'html']) mkdirSync(join(dir, d));
    const local = config
      .replaceAll('/var/cache/nginx', join(dir, 'cache'))
      .replace('pid /tmp/nginx.pid;', `pid ${join(dir, 'tmp/nginx.pid')};`)
      .replace('root /usr/share/nginx/html;', `root ${join(dir, 'html')};`)
      .replace('access_log /dev/stdout main;', `access_log ${join(dir, 'access.log')} main;`);
    writeFileSync(join(dir, 'nginx.conf'), local);
    const result = spawnSync('nginx', ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toContain('syntax is ok');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\[(warn|emerg)\]/);
    expect(result.status).toBe(0);
  });

  it('reports every problem of the input at once, under its path', () => {
    let error: unknown;
    try {
      appBuildFiles({
        ...exampleBuilds.tokenplace,
        runtime: 'python',
        build: { server: { kind: 'uvicron', app: 'main:app' }, command: ['x'] } as never,
        image: 'docker.io/x/y',
        user: { uid: 0, gid: 1 },
        header: '',
      });
    } catch (e) {
      error = e;
    }
    expect(ValidationError.is(error)).toBe(true);
    expect((error as ValidationError).issues.map((i) => i.message)).toEqual([
      'image: expected a lowercase GHCR image without tag, e.g. "ghcr.io/owner/app", received "docker.io/x/y"',
      'user.uid: expected a non-root numeric id 1-2147483647, received 0',
      'header: expected a non-empty header text, received ""',
      'build.command: expected no "command" in a python build (it is a field of node), received a list of 1',
      'build.server.kind: expected one of "gunicorn", "uvicorn", "command", received "uvicron" (did you mean "uvicorn"?)',
    ]);
  });
});

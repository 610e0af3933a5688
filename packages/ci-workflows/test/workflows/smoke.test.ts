import { runtimes } from '@sugarkube/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { planSmoke, smokeFiles } from '../../src/index.js';

type Wire = {
  on: Record<string, { inputs: Record<string, unknown> }>;
  permissions: unknown;
  jobs: Record<
    string,
    {
      if?: string;
      permissions: Record<string, string>;
      steps: { name: string; run?: string; env?: Record<string, unknown> }[];
    }
  >;
};
const wire = (content: string) => parse(content) as Wire;
const start = (w: Wire) => w.jobs['container']!.steps.find((s) => s.name.startsWith('Start'))!;
const probe = (w: Wire) => w.jobs['container']!.steps.find((s) => s.name.startsWith('Curl'))!;

describe('smoke workflow', () => {
  const [file] = smokeFiles({ runtime: 'python', port: 5010 });
  const w = wire(file!.content);

  it('is callable from build-and-push and by hand, with the image and an optional preview URL', () => {
    expect(file!.path).toBe('.github/workflows/smoke.yml');
    expect(Object.keys(w.on).sort()).toEqual(['workflow_call', 'workflow_dispatch']);
    expect(Object.keys(w.on['workflow_call']!.inputs)).toEqual(['image', 'preview-url']);
  });

  it("runs the image as the pod runs it: the runtime's uid:gid, read-only root, no capabilities, a tmpfs per writable path", () => {
    expect(start(w).run).toBe(
      'docker run --detach --name app --user 10001:10001 --read-only --cap-drop ALL --security-opt no-new-privileges --tmpfs /tmp:rw,exec,mode=1777 --publish "127.0.0.1:$HOST_PORT:$PORT" "$IMAGE"',
    );
    expect(start(w).env).toEqual({ IMAGE: '${{ inputs.image }}', PORT: 5010, HOST_PORT: 18080 });
    expect(w.jobs['container']!.permissions).toEqual({ packages: 'read' });
  });

  it('curls the readiness path, then the liveness path', () => {
    expect(probe(w).env!['HEALTH_PATHS']).toBe('/healthz /livez');
    const custom = wire(
      smokeFiles({ runtime: 'node', probes: { readiness: '/ready', liveness: '/alive' } })[0]!.content,
    );
    expect(probe(custom).env!['HEALTH_PATHS']).toBe('/ready /alive');
  });

  it('takes every run setting from the runtime table unless given (static-nginx: uid 101, two writable paths, 8080)', () => {
    const nginx = wire(smokeFiles({ runtime: 'static-nginx' })[0]!.content);
    const r = runtimes['static-nginx'];
    expect(start(nginx).run).toContain(`--user ${r.user.uid}:${r.user.gid} `);
    for (const path of r.writablePaths) expect(start(nginx).run).toContain(`--tmpfs ${path}:rw,exec,mode=1777 `);
    expect(start(nginx).env!['PORT']).toBe(r.port);
    const given = wire(
      smokeFiles({
        runtime: 'static-nginx',
        user: { uid: 2000, gid: 3000 },
        writablePaths: ['/tmp', '/var/cache/nginx', '/usr/share/nginx/html/runtime'],
      })[0]!.content,
    );
    expect(start(given).run).toContain('--user 2000:3000 ');
    expect(start(given).run).toContain('--tmpfs /usr/share/nginx/html/runtime:rw,exec,mode=1777 ');
  });

  it('runs the Playwright job only with a preview URL, and with no token permissions', () => {
    expect(w.jobs['preview']!.if).toBe("inputs.preview-url != ''");
    expect(w.jobs['preview']!.permissions).toEqual({});
    expect(w.jobs['preview']!.steps[1]!.run).toContain("import { chromium } from 'playwright';");
  });

  it('rejects invalid options, all at once', () => {
    expect(() =>
      planSmoke({
        runtime: 'pyhton' as never,
        port: 0,
        probes: { readiness: 'healthz', liveness: '/a b' },
        playwrightVersion: 'latest',
      }),
    ).toThrow(
      [
        'invalid smoke options (5 problems):',
        '  - runtime: expected one of "node", "python", "static-nginx", "static-node", received "pyhton" (did you mean "python"?)',
        '  - port: expected an integer 1-65535, received 0',
        '  - probes.readiness: expected an HTTP path such as "/healthz", received "healthz"',
        '  - probes.liveness: expected an HTTP path such as "/healthz", received "/a b"',
        '  - playwrightVersion: expected an exact version such as "1.65.1", received "latest"',
      ].join('\n'),
    );
  });
});

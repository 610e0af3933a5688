import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appBuildFiles, generateAppDockerfile, pythonDockerfile, staticNginxDockerfile } from '../../src/index.js';
import { exampleBuilds } from '../support/example-builds.js';
import { buildFieldsTable } from './build-fields-table.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it("the build section's field reference is the one appBuildSchema describes", () => {
    const block = /<!-- build-fields:start -->\n([\s\S]*?)\n<!-- build-fields:end -->/.exec(readme)?.[1];
    expect(block, 'the README has the build-fields markers').toBeDefined();
    expect(block).toBe(buildFieldsTable());
  });
});

describe('README error messages', () => {
  const messageOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected an error');
  };

  it('are the messages the functions throw', () => {
    const shown = [
      messageOf(() =>
        appBuildFiles({
          ...exampleBuilds.tokenplace,
          build: { server: { kind: 'uvicron', app: 'main:app' }, command: ['x'] } as never,
          image: 'docker.io/x/y',
          user: { uid: 0, gid: 1 },
          header: '',
        }),
      ),
      messageOf(() => generateAppDockerfile({ runtime: 'pyhton' } as never)),
      messageOf(() =>
        staticNginxDockerfile({ writablePaths: ['/tmp'], probes: { readiness: '/h', liveness: '/h' }, port: 80 }),
      ),
      messageOf(() => pythonDockerfile({ server: { kind: 'gunicorn', app: 'relay:app' }, prot: 5010 } as never)),
    ];
    for (const message of shown) expect(readme).toContain(message);
  });
});

import { runtimeNames } from '@sugarkube/core';
import { describe, expect, it } from 'vitest';
import { appBuildSchema, checkAppBuild } from '../../src/index.js';
import { exampleBuilds } from '../support/example-builds.js';

const messages = (runtime: string, build: unknown) => checkAppBuild(runtime, build).map((i) => i.message);

describe('appBuildSchema (the build section of a service in sugarkube.yaml)', () => {
  it('describes every field, naming the runtimes it belongs to', () => {
    const shape = appBuildSchema.shape as Record<string, { description?: string }>;
    expect(Object.keys(shape).length).toBeGreaterThan(15);
    for (const [key, field] of Object.entries(shape)) {
      expect(field.description, key).toMatch(/\. (Every runtime|Runtimes?: [a-z-]+(, [a-z-]+)*)\.$/);
    }
    expect(shape['server']!.description).toMatch(/Runtime: python\.$/);
    expect(shape['buildScript']!.description).toMatch(/Runtimes: node, static-nginx, static-node\.$/);
    expect(shape['dockerignore']!.description).toMatch(/Every runtime\.$/);
  });

  it('refuses unknown keys with a guess', () => {
    const parsed = appBuildSchema.safeParse({ requirments: 'r.txt' });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('did you mean \\"requirements\\"');
  });
});

describe('checkAppBuild(runtime, build)', () => {
  it('accepts each example service', () => {
    for (const input of Object.values(exampleBuilds)) expect(checkAppBuild(input.runtime, input.build)).toEqual([]);
  });

  it('names fields of another runtime, missing required fields and typos, all at once, paths relative to build', () => {
    expect(messages('python', { command: ['node', 'x.js'], requirments: 'r.txt', wheels: 'both' })).toEqual([
      'command: expected no "command" in a python build (it is a field of node), received a list of 2',
      'server: expected a server such as { kind: "gunicorn", app: "relay:app" }, received nothing (required for runtime "python")',
      'wheels: expected one of "cross", "target", received "both"',
      'requirments: unknown key "requirments" (did you mean "requirements"?); known keys: dockerignore, server, requirements, wheels',
    ]);
    expect(messages('node', {})).toEqual([
      'command: expected a list of arguments, received nothing (required for runtime "node")',
    ]);
    expect(messages('static-node', { workspace: { app: 'a', packages: ['a'] } })).toEqual([
      'workspace: expected no "workspace" in a static-node build (it is a field of node, static-nginx), received an object',
      'serverScript: expected a relative path inside the repo without spaces, quotes, globs or "..", e.g. "requirements.txt", received nothing (required for runtime "static-node")',
    ]);
  });

  it('runs cross-field checks even when fields fail', () => {
    expect(
      messages('static-nginx', {
        prebuilt: true,
        buildScript: 'build',
        serving: { spaFallback: 'yes' },
        workspace: { app: 'web', packages: ['lib'] },
      }),
    ).toEqual([
      'serving.spaFallback: expected true or false, received "yes"',
      'workspace.packages: expected a list that includes the app "web", received a list of 1',
      'workspace: expected nothing with prebuilt: true (the site is copied from the build context, nothing is built), received an object',
      'buildScript: expected nothing with prebuilt: true (the site is copied from the build context, nothing is built), received "build"',
    ]);
  });

  it('checks what every runtime shares when the runtime is unknown, and never throws', () => {
    expect(messages('pyhton', { server: { kind: 'uvicron', app: 'x:y' } })).toEqual([
      'server.kind: expected one of "gunicorn", "uvicorn", "command", received "uvicron" (did you mean "uvicorn"?)',
    ]);
    for (const runtime of [...runtimeNames, 'x']) {
      for (const build of [null, [], 'x', 5, { a: 1 }]) expect(() => checkAppBuild(runtime, build)).not.toThrow();
    }
    expect(messages('python', null)).toEqual(['expected an object, received null']);
  });
});

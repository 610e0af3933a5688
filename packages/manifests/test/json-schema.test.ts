import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sugarkubeCache } from '@sugarkube/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJsonSchema, validateApp } from '../src/index.js';
import { exampleApps as realApps } from './support/example-apps.js';
import { emitYaml } from '@sugarkube/core';

/** The pinned check-jsonschema (tools/upstream), a real JSON Schema 2020-12 validator. */
const checker = join(sugarkubeCache(), 'current', 'check-jsonschema');
let dir = '';

beforeAll(async () => {
  if (!existsSync(checker))
    throw new Error(
      `check-jsonschema is not installed: run \`bash tools/upstream/install.sh\` (looked for ${checker})`,
    );
  dir = await mkdtemp(join(tmpdir(), 'sugarkube-schema-'));
  await writeFile(join(dir, 'schema.json'), JSON.stringify(appJsonSchema()));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs one check-jsonschema over every document (ok only when all pass). */
async function check(documents: Record<string, unknown>): Promise<{ ok: boolean; output: string }> {
  const files: string[] = [];
  for (const [name, document] of Object.entries(documents)) {
    files.push(join(dir, `${name}.yaml`));
    await writeFile(files.at(-1)!, emitYaml(document));
  }
  try {
    const { stdout } = await promisify(execFile)(checker, ['--schemafile', join(dir, 'schema.json'), ...files]);
    return { ok: true, output: stdout };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('the published JSON Schema agrees with validateApp (checked by check-jsonschema)', () => {
  it('accepts the four real apps as sugarkube.yaml', async () => {
    expect(await check(realApps)).toMatchObject({ ok: true });
  }, 60_000);

  it.each([
    [
      'port "80a"',
      { name: 'a', services: [{ name: 'web', runtime: 'node', image: { repository: 'ghcr.io/a/b' }, port: '80a' }] },
    ],
    [
      'unknown key',
      {
        name: 'a',
        services: [{ name: 'web', runtime: 'node', image: { repository: 'ghcr.io/a/b' }, port: 80, prot: 1 }],
      },
    ],
    [
      'bad runtime',
      { name: 'a', services: [{ name: 'web', runtime: 'ruby', image: { repository: 'ghcr.io/a/b' }, port: 80 }] },
    ],
    ['no services', { name: 'a', services: [] }],
    [
      'no environments',
      {
        name: 'a',
        services: [{ name: 'web', runtime: 'node', image: { repository: 'ghcr.io/a/b' }, port: 80 }],
        environments: {},
      },
    ],
  ])(
    'rejects %s, as validateApp does',
    async (name, document) => {
      expect(validateApp(document).errors.length).toBeGreaterThan(0);
      expect(await check({ [name.replace(/\W+/g, '-')]: document })).toMatchObject({ ok: false });
    },
    60_000,
  );
});

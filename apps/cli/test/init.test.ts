import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppYaml } from '@sugarkube/manifests';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { capture } from './support/run-cli.js';

describe('sugarkube init', () => {
  it('writes a valid starter descriptor named after the directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'My Shop-'));
    const c = capture(dir);
    expect(
      await main(
        ['init', '--image', 'ghcr.io/acme/shop', '--runtime', 'python', '--port', '5010', '--domain', 'shop.example'],
        c.context,
      ),
    ).toBe(0);
    const text = await readFile(join(dir, 'sugarkube.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://unpkg.com/@sugarkube/manifests/dist/sugarkube.schema.json',
    );
    const result = loadAppYaml(text);
    expect(result.errors).toEqual([]);
    expect(result.value?.descriptor.name).toMatch(/^my-shop-/);
    expect(result.value?.descriptor.services[0]).toMatchObject({
      runtime: 'python',
      port: 5010,
      image: { repository: 'ghcr.io/acme/shop' },
    });
    expect(result.value?.descriptor.routes).toEqual([expect.objectContaining({ apex: 'shop.example' })]);
  });

  it('writes a valid starter for every runtime (each with the build fields it requires)', async () => {
    for (const runtime of ['node', 'python', 'static-nginx', 'static-node']) {
      const dir = await mkdtemp(join(tmpdir(), 'sugarkube-init-'));
      expect(
        await main(['init', 'app', '--image', 'ghcr.io/acme/shop', '--runtime', runtime], capture(dir).context),
      ).toBe(0);
      expect(loadAppYaml(await readFile(join(dir, 'sugarkube.yaml'), 'utf8')).errors).toEqual([]);
    }
  });

  it('never overwrites an existing descriptor without --force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-init-'));
    await writeFile(join(dir, 'sugarkube.yaml'), 'mine\n');
    const c = capture(dir);
    expect(await main(['init', '--image', 'ghcr.io/acme/x'], c.context)).toBe(2);
    expect(c.err.join('')).toMatch(/exists; pass --force/);
    expect(await readFile(join(dir, 'sugarkube.yaml'), 'utf8')).toBe('mine\n');
    expect(await main(['init', '--image', 'ghcr.io/acme/x', '--force'], capture(dir).context)).toBe(0);
  });

  it('names the bad option, what was expected and what was received', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sugarkube-init-'));
    const c = capture(dir);
    expect(await main(['init', '--image', 'ghcr.io/a/b', '--runtime', 'ruby'], c.context)).toBe(2);
    expect(c.err.join('')).toMatch(
      /--runtime: expected one of node, python, static-nginx, static-node, received "ruby"/,
    );
    const p = capture(dir);
    expect(await main(['init', '--image', 'ghcr.io/a/b', '--port', '80a'], p.context)).toBe(2);
    expect(p.err.join('')).toMatch(/--port: expected an integer 1-65535, received "80a"/);
    const m = capture(dir);
    expect(await main(['init'], m.context)).toBe(2);
    expect(m.err.join('')).toMatch(
      /^sugarkube init: --image: expected the image repository, e.g. --image ghcr.io\/acme\/shop, received nothing \(sugarkube help init lists the options\)\n$/,
    );
  });
});

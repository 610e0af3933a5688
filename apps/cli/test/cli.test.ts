import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { main } from '../src/cli.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, context: (cwd: string) => ({ stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd }) };
}

it('lists the commands and names the unknown one', async () => {
  const c = capture();
  expect(await main(['nope'], c.context('/'))).toBe(2);
  expect(c.err.join('')).toMatch(/unknown command "nope". Available commands: synth/);
});

const clusterModule = fileURLToPath(new URL('../../cluster/dist/index.js', import.meta.url));

it('synth writes the given cluster module into --out', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
  const c = capture();
  expect(await main(['synth', '--out', 'tree', '--cluster', clusterModule], c.context(dir))).toBe(0);
  expect(await readFile(join(dir, 'tree', 'README.md'), 'utf8')).toContain('Sugarkube clusters');
});

it('synth finds the cluster named in the nearest package.json', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
  await mkdir(join(dir, 'sub'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ sugarkube: { cluster: clusterModule } }));
  const c = capture();
  expect(await main(['synth'], c.context(join(dir, 'sub')))).toBe(0);
  expect(await readFile(join(dir, 'sub', 'out', 'README.md'), 'utf8')).toContain('Sugarkube clusters');
});

it('synth without a cluster definition says how to give one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
  await expect(main(['synth'], capture().context(dir))).rejects.toThrow(/no cluster definition found: pass --cluster MODULE/);
});

it('rejects unknown flags with the usage', async () => {
  const c = capture();
  expect(await main(['synth', '--bogus'], c.context('/'))).toBe(2);
  expect(c.err.join('')).toMatch(/Unknown option '--bogus'[\s\S]*Usage: sugarkube synth/);
});

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
  expect(c.err.join("")).toMatch(/unknown command "nope". Available commands: (\w+, )*synth\b/);
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
  const c = capture();
  expect(await main(['synth'], c.context(dir))).toBe(1);
  expect(c.err.join('')).toMatch(/^sugarkube synth: no cluster definition found: pass --cluster MODULE/);
});

it('diff reports a stale tree with exit 1 and an up-to-date one with exit 0', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
  const args = ['--out', 'tree', '--cluster', clusterModule];
  const first = capture();
  expect(await main(['diff', ...args], first.context(dir))).toBe(1);
  expect(first.out.join('')).toMatch(/^--- \/dev\/null\n\+\+\+ b\/README.md\n/);
  expect(await main(['synth', ...args], capture().context(dir))).toBe(0);
  const second = capture();
  expect(await main(['diff', ...args], second.context(dir))).toBe(0);
  expect(second.err.join('')).toMatch(/is up to date/);
  await writeFile(join(dir, 'tree', 'README.md'), 'edited by hand\n');
  const third = capture();
  expect(await main(['diff', '--stat', ...args], third.context(dir))).toBe(1);
  expect(third.out.join('')).toBe('M README.md\n');
});

it('doctor checks node and git and names the cluster module', async () => {
  const c = capture();
  expect(await main(['doctor', '--cluster', clusterModule], c.context('/'))).toBe(0);
  const text = c.out.join('');
  expect(text).toMatch(/^ok +Node\.js >= 22 +v2[2-9]\./m);
  expect(text).toMatch(/^ok +git +git version/m);
  expect(text).toContain(clusterModule);
});

it('rejects unknown flags with the usage', async () => {
  const c = capture();
  expect(await main(['synth', '--bogus'], c.context('/'))).toBe(2);
  expect(c.err.join('')).toMatch(/Unknown option '--bogus'[\s\S]*Usage: sugarkube synth/);
});

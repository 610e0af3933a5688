import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

it('synth writes into --out', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-cli-'));
  const c = capture();
  expect(await main(['synth', '--out', 'tree'], c.context(dir))).toBe(0);
  expect(await readFile(join(dir, 'tree', 'README.md'), 'utf8')).toContain('Sugarkube clusters');
});

it('rejects unknown flags with the usage', async () => {
  const c = capture();
  expect(await main(['synth', '--bogus'], c.context('/'))).toBe(2);
  expect(c.err.join('')).toMatch(/Unknown option '--bogus'[\s\S]*Usage: sugarkube synth/);
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, startGitServer, type GitServer } from '../src/index.js';

const dirs: string[] = [];
const servers: GitServer[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-live-git-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const s of servers) await s.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
// The git CLI as a client, without the user's configuration or a credential prompt.
const env = {
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};
const git = (args: string[], cwd?: string, allowFailure = false) =>
  run('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], { cwd, env, allowFailure });

describe('the git server (git http-backend behind Node)', () => {
  it('serves clones over smart HTTP and accepts pushes; commit() replaces the whole tree', async () => {
    const server = await startGitServer(tempDir());
    servers.push(server);
    const url = await server.createRepo('tree');
    const first = await server.commit(
      'tree',
      [
        { path: 'a/one.yaml', content: 'one\n' },
        { path: 'two.yaml', content: 'two\n' },
      ],
      'first',
    );
    const second = await server.commit('tree', [{ path: 'a/one.yaml', content: 'uno\n' }], 'second');
    expect(await server.head('tree')).toBe(second);
    const clone = join(tempDir(), 'clone');
    await git(['clone', '--quiet', url, clone]);
    expect(readFileSync(join(clone, 'a/one.yaml'), 'utf8')).toBe('uno\n');
    expect((await git(['ls-files'], clone)).stdout.trim()).toBe('a/one.yaml');
    expect((await git(['rev-parse', 'HEAD~1'], clone)).stdout.trim()).toBe(first);
    writeFileSync(join(clone, 'pushed.yaml'), 'pushed\n');
    await git(['add', '.'], clone);
    await git(['commit', '--quiet', '-m', 'from a client'], clone);
    await git(['push', '--quiet', 'origin', 'main'], clone);
    expect(await server.head('tree')).toBe((await git(['rev-parse', 'HEAD'], clone)).stdout.trim());
    expect(await server.show('tree', 'pushed.yaml')).toBe('pushed\n');
  });

  it('asks for basic auth when given credentials', async () => {
    const server = await startGitServer(tempDir(), { credentials: { username: 'flux', password: 's3cret' } });
    servers.push(server);
    const url = await server.createRepo('private');
    await server.commit('private', [{ path: 'x', content: 'x\n' }], 'x');
    const refused = await git(['ls-remote', url], undefined, true);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Authentication failed|could not read Username|terminal prompts disabled/);
    const ok = await git(['ls-remote', url.replace('http://', 'http://flux:s3cret@')]);
    expect(ok.stdout).toMatch(/refs\/heads\/main/);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';

/** What the figures were measured on and with. */
export interface Machine {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly kernel: string;
  /** 1-minute load average when the run started and when it ended (other jobs on a shared machine). */
  readonly loadStart: number;
  loadEnd?: number;
  readonly commit: string;
  readonly versions: Readonly<Record<string, string>>;
}

/** First line of a command's output (stdout, else stderr), or "not installed". */
function versionOf(command: string, args: readonly string[], pattern?: RegExp): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error || r.status === null) return 'not installed';
  const text = `${r.stdout}\n${r.stderr}`.trim();
  const m = pattern ? pattern.exec(text) : undefined;
  return m?.[1] ?? text.split('\n')[0] ?? '';
}

/** The version in an installed package's package.json. */
function packageVersion(repoRoot: string, name: string): string {
  const file = join(repoRoot, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'not installed';
}

/** Collects the machine and tool versions (helm from `helmPath`). */
export function describeMachine(repoRoot: string, helmPath: string | undefined): Machine {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const git = (args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).stdout.trim();
  const dirty = git(['status', '--porcelain']) !== '';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    os: /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ?? 'unknown',
    kernel: release(),
    loadStart: loadavg()[0]!,
    commit: `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' (with uncommitted changes)' : ''}`,
    versions: {
      node: process.version,
      npm: versionOf('npm', ['--version']),
      projen: packageVersion(repoRoot, 'projen'),
      cdk8s: packageVersion(repoRoot, 'cdk8s'),
      'cdk8s-plus-33': packageVersion(repoRoot, 'cdk8s-plus-33'),
      'ts-node': packageVersion(repoRoot, 'ts-node'),
      typescript: packageVersion(repoRoot, 'typescript'),
      helm: helmPath ? versionOf(helmPath, ['version', '--short']) : 'not installed',
      kubectl: versionOf('kubectl', ['version', '--client'], /Client Version: (\S+)/),
      kustomize: versionOf('kubectl', ['version', '--client'], /Kustomize Version: (\S+)/),
      buildah: versionOf('buildah', ['--version'], /buildah version (\S+)/),
      nginx: versionOf('nginx', ['-v'], /nginx\/(\S+)/),
      wrk: versionOf('wrk', ['--version'], /wrk (\S+)/),
      chromium: versionOf('chromium', ['--version'], /Chromium (\S+)/),
    },
  };
}

/**
 * Runs the generated smoke workflow's `container` job against a locally built image, as the
 * GitHub runner would: each `run:` step with its `env:` under `bash -e`, in order, later steps
 * skipped after a failure unless `if: always()`. The steps' `docker` is a stand-in
 * (assets/fake-docker.sh: no daemon runs here) that starts the image's own command from its buildah
 * root filesystem with the job's flags, inside private mount and network namespaces (root needed).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { BuildahStore } from './buildah.js';

interface WireStep {
  readonly name: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Readonly<Record<string, string | number | boolean>>;
}

export interface SmokeJobRun {
  /** Exit status of each run step, in order (`skipped` when a failure stopped the job). */
  readonly steps: readonly { readonly name: string; readonly status: number | 'skipped'; readonly output: string }[];
  readonly ok: boolean;
  /** The flags the job's `docker run` passed, as the stand-in read them. */
  readonly runFlags: Readonly<Record<string, string | string[]>>;
  /** What the container could write: `/` (must be refused) and each tmpfs, as its user. */
  readonly writes: Readonly<Record<string, boolean>>;
  readonly log: string;
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
/** The stand-in docker CLI and its port forwarder (tools/verify/assets, next to src/ and dist/). */
const assets = fileURLToPath(new URL('../../assets/', import.meta.url));

/** The `docker run` flags of the workflow's container job (to check against the real CLI's help). */
export function dockerRunFlags(workflow: string): string[] {
  const steps = (parse(workflow) as { jobs: { container: { steps: WireStep[] } } }).jobs.container.steps;
  const run = steps.map((s) => s.run ?? '').find((r) => r.startsWith('docker run ')) ?? '';
  return [...run.matchAll(/(?:^|\s)(--?[a-z][a-z-]*)/g)].map((m) => m[1]!);
}

/**
 * Runs the smoke workflow's `container` job against `imageTag` (an image in `store`), as a
 * GitHub runner would; see the module comment. Needs root (private namespaces, mounts, chroot).
 */
export function runSmokeJob(workflow: string, imageTag: string, store: BuildahStore): SmokeJobRun {
  const { run: buildah, inspectImage } = store;
  const steps = (parse(workflow) as { jobs: { container: { steps: WireStep[] } } }).jobs.container.steps.filter(
    (s) => s.uses === undefined,
  );
  const state = mkdtempSync(join(tmpdir(), 'sugarkube-smoke-'));
  const facts = inspectImage(imageTag);
  const container = buildah(['from', '--pull=never', '--quiet', imageTag]).trim();
  try {
    const rootfs = buildah(['mount', container]).trim();
    writeFileSync(join(state, 'image-env'), facts.env.map((e) => `${e}\0`).join(''));
    writeFileSync(join(state, 'image-argv'), [...facts.entrypoint, ...facts.cmd].map((a) => `${a}\0`).join(''));
    writeFileSync(join(state, 'image-workdir'), facts.workingDir);
    const bin = join(state, 'bin');
    spawnSync('mkdir', ['-p', bin]);
    copyFileSync(join(assets, 'fake-docker.sh'), join(bin, 'docker'));
    chmodSync(join(bin, 'docker'), 0o755);

    const image = 'ghcr.io/example/app@sha256:' + 'a'.repeat(64);
    const script: string[] = ['set -u', 'ip link set lo up', `export PATH=${quote(bin)}:"$PATH"`, 'failed=0'];
    steps.forEach((step, i) => {
      const env = Object.entries(step.env ?? {}).map(([k, v]) => {
        const value = String(v).replaceAll('${{ inputs.image }}', image);
        if (value.includes('${{')) throw new Error(`step "${step.name}": unresolved expression in ${k}=${value}`);
        return `export ${k}=${quote(value)}`;
      });
      writeFileSync(join(state, `step-${i}.sh`), `${step.run ?? ''}\n`);
      const always = step.if === 'always()';
      if (step.if !== undefined && !always)
        throw new Error(`step "${step.name}": condition ${step.if} is not emulated`);
      script.push(
        `if [ "$failed" = 0 ] || [ ${always ? 1 : 0} = 1 ]; then`,
        `  ( ${env.length > 0 ? `${env.join('; ')}; ` : ''}bash -e ${quote(join(state, `step-${i}.sh`))} ) >${quote(join(state, `step-${i}.log`))} 2>&1`,
        `  status=$?; echo "step ${i} $status"; [ "$status" = 0 ] || failed=1`,
        'else',
        `  echo "step ${i} skipped"`,
        'fi',
      );
    });
    // What the container's user may write under the same mounts: the root must refuse, each tmpfs accept.
    script.push(
      `if [ -f ${quote(join(state, 'run-flags'))} ]; then`,
      `  user=$(sed -n 's/^user=//p' ${quote(join(state, 'run-flags'))})`,
      `  for dir in / $(sed -n 's/^tmpfs=\\([^:]*\\).*/\\1/p' ${quote(join(state, 'run-flags'))}); do`,
      `    if /usr/sbin/chroot --userspec="$user" ${quote(rootfs)} /bin/sh -c "echo x > \${dir%/}/.sugarkube-write-probe" 2>/dev/null; then echo "write $dir yes"; else echo "write $dir no"; fi`,
      '  done',
      'fi',
      `[ -f ${quote(join(state, 'app.pid'))} ] && kill -- -"$(cat ${quote(join(state, 'app.pid'))})" 2>/dev/null`,
      `[ -f ${quote(join(state, 'forwarder.pid'))} ] && kill "$(cat ${quote(join(state, 'forwarder.pid'))})" 2>/dev/null`,
      'exit "$failed"',
    );
    const result = spawnSync('unshare', ['--mount', '--net', '--fork', 'bash', '-c', script.join('\n')], {
      encoding: 'utf8',
      timeout: 180_000,
      env: {
        ...process.env,
        FAKE_DOCKER_STATE: state,
        FAKE_DOCKER_IMAGE: image,
        FAKE_DOCKER_ROOTFS: rootfs,
        FAKE_DOCKER_FORWARDER: join(assets, 'port-forwarder.mjs'),
      },
    });
    const read = (file: string) => {
      try {
        return readFileSync(join(state, file), 'utf8');
      } catch {
        return '';
      }
    };
    const statusOf = (i: number): number | 'skipped' => {
      const m = new RegExp(`^step ${i} (\\S+)$`, 'm').exec(result.stdout);
      return m?.[1] === 'skipped' || m === null ? 'skipped' : Number(m[1]);
    };
    const runFlags: Record<string, string | string[]> = {};
    for (const line of read('run-flags').split('\n').filter(Boolean)) {
      const [k, ...v] = line.split('=');
      const value = v.join('=');
      if (k === 'tmpfs') runFlags[k] = [...((runFlags[k] as string[] | undefined) ?? []), value];
      else runFlags[k!] = value;
    }
    const writes = Object.fromEntries(
      [...result.stdout.matchAll(/^write (\S+) (yes|no)$/gm)].map((m) => [m[1]!, m[2] === 'yes']),
    );
    const stepRuns = steps.map((s, i) => ({ name: s.name, status: statusOf(i), output: read(`step-${i}.log`) }));
    const log = [
      `exit ${result.status} ${result.error ? String(result.error) : ''}`,
      result.stdout,
      result.stderr,
      ...stepRuns.map((s) => `--- ${s.name} (${s.status})\n${s.output}`),
      `--- container\n${read('app.log')}`,
    ].join('\n');
    return { steps: stepRuns, ok: result.status === 0, runFlags, writes, log };
  } finally {
    buildah(['rm', container]); // unmounts it too

    rmSync(state, { recursive: true, force: true });
  }
}

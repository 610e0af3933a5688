import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { requireTool } from './require-tool.js';

/**
 * A path inside an image root with its symlinks followed inside the root (as runc resolves a
 * mount target): `/var/run` → `/run` when the image links it, never a host path.
 */
function resolveInRoot(root: string, path: string, depth = 0): string {
  if (depth > 20) throw new Error(`too many symlinks under ${root} at ${path}`);
  const parts = path.split('/').filter(Boolean);
  let resolved = '';
  for (const [i, part] of parts.entries()) {
    const candidate = `${resolved}/${part}`;
    let link: string | undefined;
    try {
      link = lstatSync(root + candidate).isSymbolicLink() ? readlinkSync(root + candidate) : undefined;
    } catch {
      link = undefined; // missing: created as a mount point
    }
    if (link === undefined) {
      resolved = candidate;
      continue;
    }
    // `..` never climbs above the root: normalize against "/" first.
    const target = posix.normalize(link.startsWith('/') ? link : `${resolved}/${link}`);
    return resolveInRoot(root, posix.normalize([target, ...parts.slice(i + 1)].join('/')), depth + 1);
  }
  return resolved || '/';
}

export interface PodRun {
  /** `status cache-control` per requested path, as curl saw it. */
  readonly responses: Record<string, string>;
  /** What the init container left in the runtime emptyDir. */
  readonly seeded: string[];
  readonly log: string;
}

/**
 * Runs a mounted image root the way the pod does, in private mount and network namespaces:
 * the root read-only, emptyDirs (tmpfs) at the container's writable paths, the init container's
 * command as uid 101 filling the runtime emptyDir from the ConfigMap files (mounted with the
 * kubelet's ..data symlinks), then the image's nginx as uid 101 on 8080, asked with curl.
 */
export function runImagePod(options: {
  root: string;
  initCommand: readonly string[];
  runtimeDir: string;
  configMapMount: string;
  seedMount: string;
  configMapFiles: Readonly<Record<string, string>>;
  /** The main container's emptyDirs besides the runtime directory (tmpfs here). */
  writablePaths: readonly string[];
  paths: readonly string[];
}): PodRun {
  for (const tool of ['unshare', 'chroot', 'curl', 'ip'])
    requireTool(tool, tool === 'ip' ? 'iproute2' : tool === 'curl' ? 'curl' : 'util-linux/coreutils');
  const work = mkdtempSync(join(tmpdir(), 'sugarkube-pod-'));
  try {
    const configMap = join(work, 'configmap');
    mkdirSync(join(configMap, '..2026_01_01_00_00_00.1'), { recursive: true });
    for (const [name, content] of Object.entries(options.configMapFiles)) {
      writeFileSync(join(configMap, '..2026_01_01_00_00_00.1', name), content);
      symlinkSync(`..data/${name}`, join(configMap, name));
    }
    symlinkSync('..2026_01_01_00_00_00.1', join(configMap, '..data'));
    const runtime = join(work, 'runtime');
    mkdirSync(runtime);
    chmodSync(runtime, 0o777); // an emptyDir is world-writable

    const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
    const r = options.root;
    const script = [
      'set -eu',
      // Mount points the image lacks, created before the root turns read-only (the kubelet does the same).
      `mkdir -p ${q(r + options.seedMount)} ${q(r + options.configMapMount)} ${q(r + '/dev')} ${q(r + '/proc')}`,
      `mount --bind ${q(r)} ${q(r)}`,
      `mount --rbind /dev ${q(r + '/dev')}`,
      `mount --rbind /proc ${q(r + '/proc')}`,
      ...options.writablePaths
        .map((path) => r + resolveInRoot(r, path))
        .flatMap((target) => [`mkdir -p ${q(target)}`, `mount -t tmpfs -o mode=1777 tmpfs ${q(target)}`]),
      `mount --bind -o ro ${q(configMap)} ${q(r + options.configMapMount)}`,
      `mount --bind ${q(runtime)} ${q(r + options.seedMount)}`,
      `mount -o remount,bind,ro ${q(r)}`,
      // The root really is read-only now.
      `if chroot --userspec=101:101 ${q(r)} sh -c 'echo x > /usr/share/nginx/html/probe' 2>/dev/null; then echo 'ROOT WRITABLE'; exit 1; fi`,
      // The init container: the image's command, as uid 101.
      `chroot --userspec=101:101 ${q(r)} ${options.initCommand.map(q).join(' ')}`,
      `echo "seeded: $(ls ${q(runtime)} | tr '\\n' ' ')"`,
      // The main container: the same emptyDir, now over the image's runtime/.
      `mount --bind ${q(runtime)} ${q(r + options.runtimeDir)}`,
      'ip link set lo up',
      // runc hands the container user its stdio (fixStdioPermissions): access_log /dev/stdout reopens it.
      `touch ${q(work + '/nginx.log')} && chown 101:101 ${q(work + '/nginx.log')}`,
      `chroot --userspec=101:101 ${q(r)} /usr/sbin/nginx -g 'daemon off;' > ${q(work + '/nginx.log')} 2>&1 &`,
      'nginx=$!',
      'for i in $(seq 1 100); do curl -s -o /dev/null http://127.0.0.1:8080/healthz && break; sleep 0.1; done',
      ...options.paths.map(
        (path) =>
          `echo "response ${path} $(curl -s -o /dev/null -w '%{http_code} %header{cache-control}' http://127.0.0.1:8080${path})"`,
      ),
      'kill -QUIT "$nginx" || true',
      'wait "$nginx" || true',
    ].join('\n');
    const result = spawnSync('unshare', ['--mount', '--net', '--fork', 'sh', '-c', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    let nginxLog = '';
    try {
      nginxLog = spawnSync('cat', [join(work, 'nginx.log')], { encoding: 'utf8' }).stdout;
    } catch {
      // no log
    }
    const log = `${result.stdout}\n${result.stderr}\nnginx:\n${nginxLog}`;
    if (result.status !== 0) throw new Error(`the pod run failed (${result.status}):\n${log}`);
    const responses: Record<string, string> = {};
    for (const line of result.stdout.split('\n')) {
      const match = /^response (\S+) (.*)$/.exec(line);
      if (match) responses[match[1]!] = match[2]!;
    }
    const seeded = (/^seeded: (.*)$/m.exec(result.stdout)?.[1] ?? '').trim().split(/\s+/).filter(Boolean).sort();
    return { responses, seeded, log };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

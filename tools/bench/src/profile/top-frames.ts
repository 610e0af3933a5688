/** A V8 CPU profile as `node --cpu-prof` writes it (the fields used here). */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Time spent in a function (self) or in it and what it called (total), in ms. */
export interface FrameTime {
  readonly frame: string;
  readonly ms: number;
  readonly share: number;
}

/** `name path:line`, the path shortened to the package (`node_modules/yaml/…`, `packages/cluster/…`). */
function frameName(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const url = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|packages|apps|tools)\//, '$1/');
  return `${frame.functionName || '(anonymous)'}${url ? ` ${url}:${frame.lineNumber + 1}` : ''}`;
}

/** The package a frame's code belongs to: `node_modules/<pkg>`, `packages/<name>`, `node:internal`, or `(vm)` for native and builtin time. */
export function packageOf(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path) ?? /\/((?:packages|apps|tools)\/[^/]+)\//.exec(path);
  if (m) return m[1]!;
  if (path.startsWith('node:')) return 'node (built-in modules)';
  return path === '' ? '(native: GC, compiler, I/O)' : path;
}

/**
 * The top frames of a profile by self time and by total time (a frame counted once per sample
 * even when recursive). Idle time is left out of the shares: they are of the time the CPU ran.
 */
export function topFrames(
  profile: CpuProfile,
  count = 15,
): { self: FrameTime[]; total: FrameTime[]; byPackage: FrameTime[]; busyMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfTime = new Map<string, number>();
  const totalTime = new Map<string, number>();
  const packageTime = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += dt;
    const self = frameName(node.callFrame);
    selfTime.set(self, (selfTime.get(self) ?? 0) + dt);
    const pkg = packageOf(node.callFrame.url);
    packageTime.set(pkg, (packageTime.get(pkg) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = frameName(byId.get(cur)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      totalTime.set(name, (totalTime.get(name) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>) =>
    [...m]
      .filter(([frame]) => frame !== '(root)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([frame, us]) => ({ frame, ms: us / 1000, share: busy === 0 ? 0 : us / busy }));
  return { self: top(selfTime), total: top(totalTime), byPackage: top(packageTime), busyMs: busy / 1000 };
}

import { targetArchCase } from './dockerfile-common.js';
import type { NodeBuildOptions } from './node-build-options.js';

const npmCache = '--mount=type=cache,target=/root/.npm,sharing=locked';
const pnpmCache = '--mount=type=cache,target=/pnpm/store,sharing=locked';

function manifests(o: NodeBuildOptions): string[] {
  const pm = o.packageManager ?? { name: 'npm' };
  const root = pm.name === 'pnpm' ? 'package.json pnpm-lock.yaml' : 'package.json package-lock.json';
  const ws = pm.name === 'pnpm' && o.workspace !== undefined ? ' pnpm-workspace.yaml' : '';
  const lines = [`COPY ${root}${ws} ./`];
  for (const p of [...(o.workspace?.packages ?? [])].sort()) lines.push(`COPY ${p}/package.json ${p}/`);
  return lines;
}

/**
 * The stages shared by every Node-built image, all on `$BUILDPLATFORM`:
 * `tools` (pnpm only), `deps` (full install from manifests + lockfile only: the
 * layer a source-only change reuses), and `build` (source + build script; its
 * output is JavaScript/CSS/HTML, the same for every CPU). `afterBuild` commands run after the
 * build script in the same RUN.
 */
export function nodeBuildStages(
  o: NodeBuildOptions,
  imageArg: string,
  collectFiles?: readonly string[],
  afterBuild: readonly string[] = [],
): string[] {
  const pm = o.packageManager ?? { name: 'npm' };
  const scripts = o.ignoreScripts === true ? ' --ignore-scripts' : '';
  const lines: string[] = [];
  let from = `--platform=$BUILDPLATFORM \${${imageArg}}`;
  if (pm.name === 'pnpm') {
    lines.push(
      '# pnpm at the pinned version, for the build stages.',
      `FROM ${from} AS tools`,
      `RUN ${npmCache} \\`,
      `    npm install --global --no-audit --no-fund pnpm@${pm.version}`,
      '',
    );
    from = 'tools';
  }
  lines.push(
    '# All dependencies (dev included) from the manifests and lockfile only: a source-only',
    '# change reuses this layer.',
    `FROM ${from} AS deps`,
    'WORKDIR /app',
    ...manifests(o),
  );
  if (pm.name === 'pnpm') {
    lines.push(`RUN ${pnpmCache} \\`, `    pnpm install --frozen-lockfile --store-dir /pnpm/store${scripts}`);
  } else {
    lines.push(`RUN ${npmCache} \\`, `    npm ci --no-audit --no-fund${scripts}`);
  }
  lines.push('', '# The build: its output does not depend on the CPU.', 'FROM deps AS build');
  for (const a of o.buildArgs ?? []) lines.push(`ARG ${a}`);
  lines.push('COPY . .');
  const script = o.buildScript ?? 'build';
  let run: string | undefined;
  if (script !== false) {
    if (pm.name === 'pnpm') {
      const filter = o.workspace !== undefined ? `--filter ./${o.workspace.app}... ` : '';
      run = `pnpm ${filter}run ${script}`;
    } else {
      const ws = o.workspace !== undefined ? ` --workspace ${o.workspace.app}` : '';
      run = `npm run ${script}${ws}`;
    }
  }
  // Commands that post-process the build output (e.g. precompression) share its RUN: one layer.
  if (afterBuild.length > 0) run = [...(run === undefined ? [] : [run]), ...afterBuild].join(' && ');
  const collect = (collectFiles ?? []).length > 0 ? collectOut(collectFiles ?? []) : undefined;
  if (run !== undefined && collect !== undefined) lines.push(`RUN ${run} && \\`, `    ${collect}`);
  else if (run !== undefined) lines.push(`RUN ${run}`);
  else if (collect !== undefined) lines.push(`RUN ${collect}`);
  return lines;
}

/**
 * Gathers what the image ships from the build into /out with the same relative paths, in
 * the build's own RUN, so the final stage needs one COPY for it (every buildah --layers
 * step is a layer commit, costly with the vfs driver).
 */
function collectOut(files: readonly string[]): string {
  return `mkdir -p /out && tar -cf - ${files.join(' ')} | tar -xf - -C /out`;
}

/**
 * How the production dependencies that ship in the image are installed:
 * - `prebuilt` (default): on `$BUILDPLATFORM`, selecting the target's prebuilt
 *   binaries (npm `--cpu/--os`, `npm_config_arch` for prebuild-install style
 *   packages). No emulation. Packages that compile with node-gyp at install time
 *   would compile for the builder: use `target` for those.
 * - `target`: on `$TARGETPLATFORM`, so install scripts compile for the target. Free
 *   on native runners (the generated workflow builds arm64 on `ubuntu-24.04-arm`),
 *   needs QEMU anywhere else.
 */
export type NativeModules = 'prebuilt' | 'target';

/** The `prod-deps` stage: production dependencies for the target platform. */
export function nodeProdDepsStage(o: NodeBuildOptions, imageArg: string, native: NativeModules): string[] {
  const pm = o.packageManager ?? { name: 'npm' };
  const scripts = o.ignoreScripts === true ? ' --ignore-scripts' : '';
  const platform = native === 'target' ? '--platform=$TARGETPLATFORM' : '--platform=$BUILDPLATFORM';
  const lines = [
    native === 'target'
      ? '# Production dependencies, installed ON the target platform so install scripts compile for it.'
      : "# Production dependencies for the TARGET platform, installed on the builder: the target's prebuilt\n# binaries are selected (npm --cpu/--os, npm_config_arch); nothing is compiled here.",
  ];
  if (pm.name === 'pnpm' && native === 'prebuilt') {
    lines.push('FROM tools AS prod-deps');
  } else if (pm.name === 'pnpm') {
    lines.push(
      `FROM ${platform} \${${imageArg}} AS prod-deps`,
      `RUN ${npmCache} \\`,
      `    npm install --global --no-audit --no-fund pnpm@${pm.version}`,
    );
  } else {
    lines.push(`FROM ${platform} \${${imageArg}} AS prod-deps`);
  }
  lines.push('ARG TARGETPLATFORM', 'WORKDIR /app', ...manifests(o));
  const filter = o.workspace !== undefined ? ` --filter ./${o.workspace.app}...` : '';
  const install =
    pm.name === 'pnpm'
      ? `pnpm install --frozen-lockfile --prod --store-dir /pnpm/store${filter}${scripts}`
      : `npm ci --omit=dev --no-audit --no-fund${o.workspace !== undefined ? ` --workspace ${o.workspace.app}` : ''}${scripts}`;
  const cache = pm.name === 'pnpm' ? pnpmCache : npmCache;
  // pnpm's .modules.yaml records the install time (prunedAt): drop it so the layer is reproducible.
  const tidy =
    pm.name === 'pnpm'
      ? "mkdir -p node_modules; find . -name .modules.yaml -path '*node_modules*' -exec rm -f {} +"
      : 'mkdir -p node_modules';
  if (native === 'target') {
    lines.push(`RUN ${cache} \\`, `    ${install} && \\`, `    ${tidy}`);
  } else {
    const cross = pm.name === 'npm' ? ' --os=linux --cpu="$cpu"' : '';
    lines.push(
      `RUN ${cache} \\`,
      '    set -eu; \\',
      ...targetArchCase('cpu', { amd64: 'x64', arm64: 'arm64' }),
      `    npm_config_arch="$cpu" npm_config_platform=linux ${install}${cross}; \\`,
      `    ${tidy}`,
    );
  }
  return lines;
}

/** The build outputs to keep out of the context. */
export function nodeBuildOutputs(o: NodeBuildOptions): readonly string[] {
  if (o.buildScript === false) return o.buildOutputs ?? [];
  return o.buildOutputs ?? [o.workspace === undefined ? 'dist' : `${o.workspace.app}/dist`];
}

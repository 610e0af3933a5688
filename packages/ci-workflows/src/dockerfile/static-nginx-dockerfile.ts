import {
  absolutePath,
  baseImageReference,
  baseImages,
  issue,
  repoPath,
  runtimes,
  sortFiles,
  strictObject,
  valueAt,
  type GeneratedFile,
  type Issue,
} from '@sugarkube/core';
import { z } from 'zod';
import { nginxHealthSchema, nginxPort, nginxServingSchema, nginxWritableDirs } from '../nginx/nginx-serving-options.js';
import { nginxLocationIssues, renderNginxConfig } from '../nginx/render-nginx-config.js';
import { singleLine } from '../options/option-fields.js';
import { parseOptions } from '@sugarkube/core';
import {
  commonBuildShape,
  commonDockerfileShape,
  defaultHeader,
  dockerfileHead,
  envLines,
  finalStageOrderComment,
  joinLines,
  ociLabelLines,
  runAsLines,
} from './dockerfile-common.js';
import { dockerignore } from './dockerignore.js';
import { checkWorkspace, nodeBuildShape } from './node-build-options.js';
import { nodeBuildOutputs, nodeBuildStages } from './node-build-stages.js';
import { precompressCommand, precompressScript } from './precompress-script.js';

/** The repo's own nginx config, instead of the generated `nginx.conf`. */
export const nginxConfigFileSchema = strictObject({
  path: repoPath.describe('The config in the repo, e.g. "docker/nginx/default.conf". It must listen on the port.'),
  scope: z
    .enum(['server', 'main'], { error: 'one of "server", "main"' })
    .describe(
      '"server": a server block copied to /etc/nginx/conf.d/default.conf; "main": a whole nginx.conf over /etc/nginx/nginx.conf. Default "server".',
    )
    .optional(),
  sitePath: z
    .string({ error: 'a URL path that starts and ends with "/", e.g. "/" or "/docs/"' })
    .regex(/^\/([A-Za-z0-9._~-]+\/)*$/, { error: 'a URL path that starts and ends with "/", e.g. "/" or "/docs/"' })
    .describe('URL sub-path the site is served under: it is copied to /usr/share/nginx/html<sitePath>. Default "/".')
    .optional(),
});

/** The build fields of a static site on nginx-unprivileged (runtime `static-nginx`), e.g. danielsmith.io. */
export const staticNginxBuildShape = {
  ...commonBuildShape,
  ...nodeBuildShape,
  prebuilt: z
    .boolean({ error: 'true or false' })
    .describe('Copy an already built siteDir from the build context instead of building it with Node. Default false.')
    .optional(),
  siteDir: repoPath
    .describe(
      'The directory holding the built site, relative to the repo root. Default "dist" ("<app>/dist" for a workspace build).',
    )
    .optional(),
  afterBuild: z
    .array(singleLine.min(1, { error: 'a non-empty single-line shell command' }), { error: 'a list of shell commands' })
    .describe(
      'Shell commands run after the build script in the same RUN, before the generated precompress step, e.g. writing a sitemap into siteDir.',
    )
    .optional(),
  sourceMaps: z
    .boolean({ error: 'true or false' })
    .describe(
      "Ship the build's *.map files (they expose the sources). Default false: the precompress step of a built site with a generated nginx.conf deletes them.",
    )
    .optional(),
  serving: nginxServingSchema
    .describe(
      'How nginx serves the site (cache contract, headers, SPA fallback, 404 page, sub-path); the build writes nginx.conf from it.',
    )
    .optional(),
  nginxConfigFile: nginxConfigFileSchema
    .describe("The repo's own nginx config instead of a generated nginx.conf.")
    .optional(),
};

/** Options of `staticNginxDockerfile`. */
export const staticNginxDockerfileOptionsSchema = strictObject({
  ...staticNginxBuildShape,
  ...commonDockerfileShape,
  port: nginxPort.describe("Port nginx listens on. Default: the runtime table's (8080).").optional(),
  probes: nginxHealthSchema
    .describe("Readiness and liveness paths the generated nginx.conf answers. Default: the runtime table's.")
    .optional(),
  writablePaths: z
    .array(absolutePath, { error: 'a list of absolute paths' })
    .describe("Writable directories under the read-only root (emptyDirs). Default: the runtime table's.")
    .optional(),
});
export type StaticNginxDockerfileOptions = z.input<typeof staticNginxDockerfileOptionsSchema>;

const nodeBuildKeys = [...Object.keys(nodeBuildShape), 'afterBuild', 'sourceMaps'];

/** Cross-field checks of a static-nginx build's fields; `build` is where they sit in `input`. */
export function staticNginxBuildIssues(input: unknown, build: readonly PropertyKey[]): Issue[] {
  const out: Issue[] = [];
  const field = (key: string) => valueAt(input, [...build, key]);
  if (field('prebuilt') === true) {
    for (const key of nodeBuildKeys) {
      if (field(key) !== undefined)
        out.push(
          issue(
            [...build, key],
            'nothing with prebuilt: true (the site is copied from the build context, nothing is built)',
            field(key),
          ),
        );
    }
  }
  if (field('nginxConfigFile') !== undefined && field('serving') !== undefined) {
    out.push(
      issue(
        [...build, 'nginxConfigFile'],
        'either serving (a generated nginx.conf) or nginxConfigFile, not both',
        field('nginxConfigFile'),
      ),
    );
  }
  if (field('nginxConfigFile') !== undefined && field('sourceMaps') !== undefined && field('prebuilt') !== true) {
    out.push(
      issue(
        [...build, 'sourceMaps'],
        'no sourceMaps with nginxConfigFile (the precompress step that removes source maps pairs with the generated nginx.conf; use afterBuild)',
        field('sourceMaps'),
      ),
    );
  }
  return out;
}

/**
 * Cross-field checks between a static-nginx build and how it runs (`run`: where `probes` and
 * `writablePaths` sit): the generated nginx.conf writes under the writable paths and answers
 * the probes, each in its own location.
 */
export function staticNginxRunIssues(
  input: unknown,
  at: { readonly build: readonly PropertyKey[]; readonly run: readonly PropertyKey[] },
): Issue[] {
  if (valueAt(input, [...at.build, 'nginxConfigFile']) !== undefined) return [];
  const out: Issue[] = [];
  const writable = valueAt(input, [...at.run, 'writablePaths']);
  const dirs = Object.values(nginxWritableDirs);
  if (Array.isArray(writable) && !dirs.every((d) => writable.includes(d))) {
    out.push(
      issue(
        [...at.run, 'writablePaths'],
        `a list that includes ${dirs.map((d) => JSON.stringify(d)).join(' and ')} (nginx writes its pid and temp files there)`,
        writable,
      ),
    );
  }
  out.push(...nginxLocationIssues(input, { health: [...at.run, 'probes'], cache: [...at.build, 'serving', 'cache'] }));
  return out;
}

const nodeArg = baseImages.node.buildArg;
const nginxArg = baseImages.nginxUnprivileged.buildArg;

/**
 * The Dockerfile, `.dockerignore` and (unless `nginxConfigFile` names the repo's own) the
 * generated `nginx.conf` for a static site on nginx-unprivileged. A site built here with the
 * generated config also gets `precompress.mjs`, run after the build: source maps out (unless
 * `sourceMaps`), `x.gz` next to every text file for gzip_static, except under the no-store
 * prefixes (files replaced at run time would be served from a stale `.gz`). Pure.
 */
export function staticNginxDockerfile(options: StaticNginxDockerfileOptions = {}): GeneratedFile[] {
  const o = parseOptions('staticNginxDockerfile options', staticNginxDockerfileOptionsSchema, options, [
    checkWorkspace,
    (input) => staticNginxBuildIssues(input, []),
    (input) => staticNginxRunIssues(input, { build: [], run: [] }),
  ]);
  const runtime = runtimes['static-nginx'];
  const built = o.prebuilt !== true;
  const siteDir = o.siteDir ?? (built && o.workspace !== undefined ? `${o.workspace.app}/dist` : 'dist');
  const port = o.port ?? runtime.port;
  const user = o.user ?? runtime.user;
  const header = o.header ?? defaultHeader;
  const file = o.nginxConfigFile;
  const sitePath = file === undefined ? (o.serving?.path ?? '/') : (file.sitePath ?? '/');

  // Precompression pairs with the generated config's gzip_static, and needs Node: a built site only.
  const precompress = built && file === undefined;
  const afterBuild = [...(o.afterBuild ?? [])];
  if (precompress)
    afterBuild.push(
      precompressCommand(siteDir, { sourceMaps: o.sourceMaps === true, skip: o.serving?.cache?.noStorePrefixes ?? [] }),
    );

  const args = [`${nginxArg}=${baseImageReference(baseImages.nginxUnprivileged)}`];
  if (built) args.unshift(`${nodeArg}=${baseImageReference(baseImages.node)}`);
  const lines = [...dockerfileHead(o, 'static site on nginx-unprivileged', args), ''];
  if (built) lines.push(...nodeBuildStages(o, nodeArg, undefined, afterBuild), '');
  lines.push(
    `# The image: nginx for the target platform serving the site, as uid ${user.uid} on ${port}.`,
    finalStageOrderComment,
    `FROM --platform=$TARGETPLATFORM \${${nginxArg}} AS runtime`,
    ...ociLabelLines(),
    ...envLines(o.env ?? {}),
    ...runAsLines(user, port),
  );
  if (file === undefined) lines.push('COPY nginx.conf /etc/nginx/nginx.conf');
  else
    lines.push(
      `COPY ${file.path} ${file.scope === 'main' ? '/etc/nginx/nginx.conf' : '/etc/nginx/conf.d/default.conf'}`,
    );
  const root = `/usr/share/nginx/html${sitePath}`;
  lines.push(built ? `COPY --from=build /app/${siteDir}/ ${root}` : `COPY ${siteDir}/ ${root}`);
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', content: joinLines(lines) },
    dockerignore('static', { header, buildOutputs: built ? nodeBuildOutputs(o) : [], extra: o.dockerignore }),
  ];
  if (file === undefined) {
    files.push({ path: 'nginx.conf', content: renderNginxConfig({ ...o.serving, header, port, health: o.probes }) });
  }
  if (precompress) files.push(precompressScript(header));
  return sortFiles(files);
}

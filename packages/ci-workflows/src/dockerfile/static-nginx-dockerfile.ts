import { baseImageReference, baseImages } from '../base-images/base-images.js';
import type { CommonDockerfileOptions, GeneratedDockerFile } from './dockerfile-common.js';
import { IssueCollector, defaultDockerfileHeader, dockerfileHead, envLines, finalStageOrderComment, joinLines, ociLabelLines } from './dockerfile-common.js';
import { dockerignore } from './dockerignore.js';
import type { NodeBuildOptions } from './node-build-stages.js';
import { checkNodeBuildOptions, nodeBuildOutputs, nodeBuildStages } from './node-build-stages.js';

/** A static site served by nginx-unprivileged (uid 101, port 8080), e.g. danielsmith.io. */
export interface StaticNginxDockerfileOptions extends CommonDockerfileOptions {
  /**
   * How the site is built: Node build stages (on `$BUILDPLATFORM`, the output is the same for
   * every CPU), or `false` to copy an already built directory from the build context.
   * @default { packageManager: { name: 'npm' }, buildScript: 'build' }
   */
  readonly build?: NodeBuildOptions | false;
  /**
   * The directory holding the site, relative to the repo root.
   * @default 'dist' (`<app>/dist` for a workspace build)
   */
  readonly siteDir?: string;
  /**
   * The nginx server config in the repo, copied to `/etc/nginx/conf.d/default.conf`
   * (it must `listen 8080`). `false` keeps the image's default.
   * @default 'docker/nginx/default.conf'
   * @see https://github.com/nginxinc/docker-nginx-unprivileged
   */
  readonly nginxConfig?: string | false;
  /**
   * What `nginxConfig` is: `server`, a server block copied to `/etc/nginx/conf.d/default.conf`;
   * `main`, a whole `nginx.conf` copied over `/etc/nginx/nginx.conf` (as @sugarkube/sites generates).
   * @default 'server'
   */
  readonly nginxConfigKind?: 'server' | 'main';
  /**
   * URL sub-path the site is served under: the site is copied to `/usr/share/nginx/html<sitePath>`.
   * @default '/'
   */
  readonly sitePath?: string;
  /**
   * Shell commands run after the build script in the build stage's RUN, e.g. precompressing the
   * output for `gzip_static`. Only with Node build stages.
   * @default []
   */
  readonly afterBuild?: readonly string[];
  /**
   * Port nginx listens on (must match the config).
   * @default 8080
   */
  readonly port?: number;
}

const nodeArg = baseImages.node.buildArg;
const nginxArg = baseImages.nginxUnprivileged.buildArg;

/** The Dockerfile and `.dockerignore` for a static site on nginx-unprivileged. Pure. */
export function staticNginxDockerfile(options: StaticNginxDockerfileOptions = {}): GeneratedDockerFile[] {
  const issues = new IssueCollector();
  const build = options.build === undefined ? {} : options.build;
  if (build !== false) checkNodeBuildOptions(build, issues);
  const siteDir = options.siteDir ?? (build !== false && build.workspace !== undefined ? `${build.workspace.app}/dist` : 'dist');
  const nginxConfig = options.nginxConfig ?? 'docker/nginx/default.conf';
  const port = options.port ?? 8080;
  const user = options.user ?? 101;
  const sitePath = options.sitePath ?? '/';
  const afterBuild = options.afterBuild ?? [];
  issues.relativePath('siteDir', siteDir);
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(sitePath)) issues.add('sitePath', 'a URL path that starts and ends with "/", e.g. "/" or "/docs/"', sitePath);
  afterBuild.forEach((c, i) => {
    if (c.trim() === '' || /[\n\r]/.test(c)) issues.add(`afterBuild[${i}]`, 'a non-empty single-line shell command', c);
  });
  if (afterBuild.length > 0 && build === false) issues.add('afterBuild', 'no commands when build is false (nothing is built in the image)', afterBuild);
  if (nginxConfig !== false) issues.relativePath('nginxConfig', nginxConfig);
  issues.port('port', port);
  issues.user('user', user);
  issues.env('env', options.env);
  issues.throwIfAny('staticNginxDockerfile');

  const args = [`${nginxArg}=${baseImageReference(baseImages.nginxUnprivileged)}`];
  if (build !== false) args.unshift(`${nodeArg}=${baseImageReference(baseImages.node)}`);
  const lines = [...dockerfileHead(options.header, 'static site on nginx-unprivileged', args), ''];
  if (build !== false) lines.push(...nodeBuildStages(build, nodeArg, undefined, afterBuild), '');
  lines.push(
    '# The image: nginx for the target platform serving the site, as uid 101 on 8080.',
    finalStageOrderComment,
    `FROM --platform=$TARGETPLATFORM \${${nginxArg}} AS runtime`,
    ...ociLabelLines(),
    ...envLines(options.env ?? {}),
    `USER ${user}:${user}`,
    `EXPOSE ${port}`,
  );
  const configTarget = options.nginxConfigKind === 'main' ? '/etc/nginx/nginx.conf' : '/etc/nginx/conf.d/default.conf';
  if (nginxConfig !== false) lines.push(`COPY ${nginxConfig} ${configTarget}`);
  const root = `/usr/share/nginx/html${sitePath}`;
  lines.push(build !== false ? `COPY --from=build /app/${siteDir}/ ${root}` : `COPY ${siteDir}/ ${root}`);
  const outputs = build !== false ? nodeBuildOutputs(build) : [];
  return [
    { path: 'Dockerfile', content: joinLines(lines) },
    dockerignore('static', { header: options.header ?? defaultDockerfileHeader, buildOutputs: outputs, extra: options.dockerignore }),
  ];
}

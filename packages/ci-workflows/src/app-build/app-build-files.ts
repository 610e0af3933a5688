import {
  absolutePath,
  branchName,
  dnsLabel,
  httpPath,
  prefixIssues,
  repoPath,
  runtimeNames,
  runtimes,
  sortFiles,
  strictObject,
  valueAt,
  port as portField,
  type GeneratedFile,
  type Issue,
  type RuntimeName,
} from '@sugarkube/core';
import { z } from 'zod';
import { generateAppDockerfile, type AppDockerfileOptions } from '../dockerfile/app-dockerfile.js';
import { staticNginxRunIssues } from '../dockerfile/static-nginx-dockerfile.js';
import { nginxHealthSchema, nginxPort } from '../nginx/nginx-serving-options.js';
import { envMapSchema, headerSchema, userSchema } from '../options/option-fields.js';
import { optionIssues, parseOptions } from '@sugarkube/core';
import { buildAndPushFiles, smokeFiles } from '../workflows/workflow-files.js';
import { ghcrImage } from '../workflows/workflow-options.js';
import { appBuildSchema } from './app-build-schema.js';
import { checkAppBuild } from './check-app-build.js';

const probesSchema = strictObject({ readiness: httpPath, liveness: httpPath });

/**
 * What the app-repo entry point passes for one service: its build section and the run
 * settings its Deployment gets (so the image, the smoke test and the pod agree). Run settings
 * not given come from the runtime table.
 */
export const appBuildFilesInputSchema = strictObject({
  app: dnsLabel.describe('The app, e.g. "tokenplace".'),
  service: dnsLabel.describe('The service of the app the image is for, e.g. "relay".'),
  runtime: z
    .enum(runtimeNames, { error: `one of ${runtimeNames.map((n) => JSON.stringify(n)).join(', ')}` })
    .describe('The runtime (see the runtime table).'),
  build: appBuildSchema.describe("The service's build section."),
  image: ghcrImage.describe('The image repository the workflow pushes, ghcr.io/<owner>/<name>.'),
  port: portField.describe("The container port. Default: the runtime table's.").optional(),
  user: userSchema.describe("The uid and gid the container runs as. Default: the runtime table's.").optional(),
  env: envMapSchema
    .describe('Literal environment the Deployment sets; baked into the image so a plain run matches the pod.')
    .optional(),
  writablePaths: z
    .array(absolutePath, { error: 'a list of absolute paths' })
    .describe(
      "Writable directories under the read-only root (emptyDirs; tmpfs in the smoke test). Default: the runtime table's.",
    )
    .optional(),
  probes: probesSchema
    .describe("The readiness and liveness paths (the smoke test curls both). Default: the runtime table's.")
    .optional(),
  defaultBranch: branchName.describe('The branch whose pushes publish the sortable tags. Default "main".').optional(),
  directory: repoPath
    .describe(
      "The service's directory in a multi-service repo: its files go there and the workflows get the service's name.",
    )
    .optional(),
  header: headerSchema.describe(
    'The generated-file header every file carries, e.g. generatedHeader({ generator, command, source }).',
  ),
});
export type AppBuildFilesInput = z.input<typeof appBuildFilesInputSchema>;

// The build section is checked for its runtime by `checkAppBuild` (its fields, guesses among them, what it requires).
const inputWithAnyBuild = appBuildFilesInputSchema.extend({ build: z.unknown() });

const runtimeOfInput = (input: unknown): RuntimeName | undefined => {
  const value = valueAt(input, ['runtime']);
  return typeof value === 'string' && (runtimeNames as readonly string[]).includes(value)
    ? (value as RuntimeName)
    : undefined;
};

/** The runtime's own checks of the build section, and what a static-nginx build asks of its run settings. */
function crossCheck(input: unknown): Issue[] {
  const runtime = runtimeOfInput(input);
  const out = prefixIssues(['build'], checkAppBuild(runtime ?? '', valueAt(input, ['build'])));
  if (runtime === undefined) return out;
  if (runtime === 'static-nginx') {
    // Stricter than any service's port and probes (a wrong type is reported once, by the schema).
    const port = valueAt(input, ['port']);
    if (portField.safeParse(port).success) out.push(...optionIssues(nginxPort, port, [], ['port']));
    const probes = valueAt(input, ['probes']);
    if (probesSchema.safeParse(probes).success)
      out.push(...optionIssues(nginxHealthSchema, probes ?? {}, [], ['probes']));
    out.push(...staticNginxRunIssues(input, { build: ['build'], run: [] }));
  }
  return out;
}

/**
 * Every file one service of an app repo builds from: the Dockerfile, the `.dockerignore`,
 * the `nginx.conf` of a static-nginx site, and `.github/workflows/`: the multi-arch
 * build-and-push workflow (GHCR, sortable tags, arm64 guard, the smoke workflow called on the
 * pushed digest) and the smoke workflow, which runs the image with the same uid/gid, read-only
 * root, writable paths, port and probes as the Deployment. Same input, same bytes. Pure.
 * @throws ValidationError listing every problem of the input, with paths such as `build.server.kind`
 */
export function appBuildFiles(input: AppBuildFilesInput): GeneratedFile[] {
  const i = parseOptions('appBuildFiles input', inputWithAnyBuild, input, [crossCheck]) as z.output<
    typeof appBuildFilesInputSchema
  >;
  const runtime = runtimes[i.runtime];
  const user = i.user ?? runtime.user;
  const port = i.port ?? runtime.port;
  const writablePaths = i.writablePaths ?? runtime.writablePaths;
  const probes = i.probes ?? runtime.probes;
  const run = {
    header: i.header,
    user,
    port,
    env: i.env,
    title: `app ${i.app}, service ${i.service}`,
    directory: i.directory,
  };
  const image = (
    i.runtime === 'static-nginx'
      ? { runtime: i.runtime, ...i.build, ...run, probes, writablePaths }
      : { runtime: i.runtime, ...i.build, ...run }
  ) as AppDockerfileOptions;
  // A multi-service repo gets one pair of workflows per service.
  const suffix = i.directory === undefined ? '' : `-${i.service}`;
  const smokeFile = `smoke${suffix}.yml`;
  return sortFiles([
    ...generateAppDockerfile(image),
    ...buildAndPushFiles(
      {
        image: i.image,
        defaultBranch: i.defaultBranch,
        context: i.directory,
        smoke: true,
        smokeWorkflow: smokeFile,
        name: `build-and-push${suffix}`,
      },
      { header: i.header, fileName: `build-and-push${suffix}.yml` },
    ),
    ...smokeFiles(
      { runtime: i.runtime, user, port, writablePaths: [...writablePaths], probes, name: `smoke${suffix}` },
      { header: i.header, fileName: smokeFile },
    ),
  ]);
}

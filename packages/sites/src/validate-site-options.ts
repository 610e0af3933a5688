import { checkAppBuild, nginxHealthSchema, nginxPort, nginxServingSchema } from '@sugarkube/ci-workflows';
import {
  branchName,
  checkWithSchema,
  dnsLabel,
  hostname,
  imageRepository,
  imageTag,
  isImmutableTag,
  issue,
  objectName,
  prefixIssues,
  strictObject,
  valueAt,
  type Issue,
} from '@sugarkube/core';
import { z } from 'zod';

const relativePrefix = z
  .string({ error: 'a relative URL prefix ending in "/", e.g. "runtime/"' })
  .regex(/^([A-Za-z0-9._~-]+\/)+$/, { error: 'a relative URL prefix ending in "/", e.g. "runtime/"' });
const fileName = z
  .string({ error: 'a plain file name, e.g. "build-info.json"' })
  .regex(/^(?!\.)[A-Za-z0-9._-]+$/, { error: 'a plain file name, e.g. "build-info.json"' });

/**
 * The site options' fields, with the rules every Sugarkube package uses (`@sugarkube/core`'s
 * names, hosts and images; `@sugarkube/ci-workflows`' serving options). `build` and
 * `environments` are checked where they go: the build by `checkAppBuild`, the environments by the
 * app descriptor's validation.
 */
export const siteOptionsSchema = strictObject({
  name: dnsLabel,
  host: hostname,
  image: imageRepository,
  tag: imageTag.optional(),
  ...nginxServingSchema.shape,
  health: nginxHealthSchema.optional(),
  port: nginxPort.optional(),
  route: z
    .discriminatedUnion(
      'kind',
      [
        strictObject({
          kind: z.literal('httproute'),
          gateway: strictObject({ name: objectName, namespace: dnsLabel }).optional(),
        }),
        strictObject({ kind: z.literal('ingress'), ingressClass: objectName }),
      ],
      { error: '{ kind: "httproute", gateway? } or { kind: "ingress", ingressClass }' },
    )
    .optional(),
  tls: z
    .union([strictObject({ issuer: objectName.optional() }), z.literal(false)], { error: '{ issuer? } or false' })
    .optional(),
  runtimeFiles: strictObject({
    prefix: relativePrefix.optional(),
    initContainerName: dnsLabel.optional(),
    configMap: objectName.optional(),
    files: z.record(dnsLabel, z.record(fileName, z.string({ error: 'the file content as a string' }))),
  }).optional(),
  build: z.unknown().optional(),
  defaultBranch: branchName.optional(),
  environments: z.unknown().optional(),
});

/** Build fields the site's own options replace. */
const servingInBuild = ['serving', 'nginxConfigFile'] as const;

/**
 * Every problem of the site options at once, each with its path (`host`, `cache.noStorePrefixes[0]`,
 * `build.buildScript`): never throws.
 */
export function siteOptionsIssues(options: unknown): Issue[] {
  const checked = checkWithSchema(siteOptionsSchema, options);
  const out: Issue[] = checked.ok ? [] : [...checked.issues];
  const tag = valueAt(options, ['tag']);
  if (typeof tag === 'string' && imageTag.safeParse(tag).success && !isImmutableTag(tag)) {
    out.push(
      issue(
        ['tag'],
        'an immutable tag: a release "v1.2.3" or a build tag such as "main-1767225600-5ca96df"',
        tag,
        'a moving tag would run whatever was pushed last; leave tag out to let the cluster pin it',
      ),
    );
  }
  const build = valueAt(options, ['build']);
  if (build !== undefined) {
    for (const key of servingInBuild) {
      if (valueAt(build, [key]) !== undefined)
        out.push(
          issue(
            ['build', key],
            `no ${key} here (the site's path, cache, spaFallback, notFoundPage and headers are its serving options)`,
            valueAt(build, [key]),
          ),
        );
    }
    const rest =
      typeof build === 'object' && build !== null && !Array.isArray(build)
        ? Object.fromEntries(Object.entries(build).filter(([k]) => !(servingInBuild as readonly string[]).includes(k)))
        : build;
    out.push(...prefixIssues(['build'], checkAppBuild('static-nginx', rest)));
  }
  return out;
}

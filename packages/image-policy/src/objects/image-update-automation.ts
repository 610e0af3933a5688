import {
  branchName,
  dnsLabel,
  fluxDuration,
  objectName,
  parseOptions,
  strictObject,
  typedObject,
} from '@sugarkube/core';
import { z } from 'zod';
import { IMAGE_API_VERSION, type ImageObject } from './api-version.js';

/**
 * The default commit message: lists changed files and objects through `.Changed` (the
 * `.Updated` field of older Flux versions is gone in `image.toolkit.fluxcd.io/v1`).
 * @see https://fluxcd.io/flux/components/image/imageupdateautomations/#message-template
 */
export const DEFAULT_MESSAGE_TEMPLATE = `chore(images): update {{ .AutomationObject.Name }}

Files:
{{ range $filename, $_ := .Changed.FileChanges -}}
- {{ $filename }}
{{ end -}}

Objects:
{{ range $resource, $changes := .Changed.Objects -}}
- {{ $resource.Kind }} {{ $resource.Name }}
{{- range $_, $change := $changes }}
  - {{ $change.OldValue }} -> {{ $change.NewValue }}
{{- end }}
{{ end -}}
`;

/** Options for {@link imageUpdateAutomation}. */
export interface ImageUpdateAutomationOptions {
  readonly name: string;
  readonly namespace: string;
  /** The GitRepository Flux checks out and pushes to. */
  readonly sourceRef: { readonly name: string; readonly namespace?: string };
  /**
   * The branch to check out.
   * @default 'main'
   */
  readonly checkoutBranch?: string;
  /**
   * The branch to push to; a different branch turns updates into pull requests.
   * @default checkoutBranch
   */
  readonly pushBranch?: string;
  /** The directory (in the repository) whose YAML files carry this environment's setter markers. */
  readonly path: string;
  /**
   * Commit author.
   * @default { name: 'fluxcdbot', email: 'fluxcdbot@users.noreply.github.com' }
   */
  readonly author?: { readonly name: string; readonly email: string };
  /**
   * Go text/template for the commit message; must not use the removed `.Updated`.
   * @default DEFAULT_MESSAGE_TEMPLATE
   */
  readonly messageTemplate?: string;
  /**
   * How often Flux runs the automation.
   * @default '10m'
   */
  readonly interval?: string;
  /**
   * Only ImagePolicies with these labels are applied.
   * @default none (all policies in the namespace)
   */
  readonly policySelector?: Readonly<Record<string, string>>;
}

/** The schema {@link imageUpdateAutomation} checks its options with. */
export const imageUpdateAutomationOptionsSchema: z.ZodType<ImageUpdateAutomationOptions> = strictObject({
  name: objectName,
  namespace: dnsLabel,
  sourceRef: strictObject({ name: objectName, namespace: dnsLabel.optional() }),
  checkoutBranch: branchName.optional(),
  pushBranch: branchName.optional(),
  path: z
    .string({ error: 'a repository-relative directory without ..' })
    .regex(/^\.?\/?[^\s]*$/, { error: 'a repository-relative directory without ..' })
    .refine((p) => !p.split('/').includes('..'), { error: 'a repository-relative directory without ..' }),
  author: strictObject({ name: z.string().min(1), email: z.email({ error: 'an e-mail address' }) }).optional(),
  messageTemplate: z
    .string()
    .refine((t) => !/\.Updated\b/.test(t), {
      error: 'a template using .Changed (.Updated was removed in image.toolkit.fluxcd.io/v1)',
    })
    .optional(),
  interval: fluxDuration.optional(),
  policySelector: z.record(z.string(), z.string({ error: 'a label value' })).optional(),
});

/** The object {@link imageUpdateAutomation} returns. */
export type ImageUpdateAutomationObject = ImageObject<'ImageUpdateAutomation'>;

/**
 * A Flux ImageUpdateAutomation (`image.toolkit.fluxcd.io/v1`) with the Setters strategy.
 * @throws ValidationError (from `@sugarkube/core`) listing every problem of the options
 */
export function imageUpdateAutomation(options: ImageUpdateAutomationOptions): ImageUpdateAutomationObject {
  const o = parseOptions('ImageUpdateAutomation options', imageUpdateAutomationOptionsSchema, options);
  const branch = o.checkoutBranch ?? 'main';
  const spec: ImageObject<'ImageUpdateAutomation'>['spec'] = {
    interval: o.interval ?? '10m',
    sourceRef: {
      kind: 'GitRepository',
      name: o.sourceRef.name,
      ...(o.sourceRef.namespace === undefined ? {} : { namespace: o.sourceRef.namespace }),
    },
    git: {
      checkout: { ref: { branch } },
      commit: {
        author: o.author
          ? { name: o.author.name, email: o.author.email }
          : { name: 'fluxcdbot', email: 'fluxcdbot@users.noreply.github.com' },
        messageTemplate: o.messageTemplate ?? DEFAULT_MESSAGE_TEMPLATE,
      },
      push: { branch: o.pushBranch ?? branch },
    },
    update: { path: o.path, strategy: 'Setters' },
    ...(o.policySelector === undefined ? {} : { policySelector: { matchLabels: { ...o.policySelector } } }),
  };
  return {
    ...typedObject(IMAGE_API_VERSION, 'ImageUpdateAutomation', { name: o.name, namespace: o.namespace }, { spec }),
    spec,
  };
}

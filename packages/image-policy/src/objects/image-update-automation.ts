import { IMAGE_API_VERSION } from './api-version.js';
import { Issues } from './validation.js';

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

/** A Flux ImageUpdateAutomation (`image.toolkit.fluxcd.io/v1`) with the Setters strategy. */
export function imageUpdateAutomation(options: ImageUpdateAutomationOptions) {
  const issues = new Issues();
  issues.name('name', options.name);
  issues.name('namespace', options.namespace);
  issues.name('sourceRef.name', options.sourceRef.name);
  const interval = options.interval ?? '10m';
  issues.duration('interval', interval);
  const template = options.messageTemplate ?? DEFAULT_MESSAGE_TEMPLATE;
  if (/\.Updated\b/.test(template)) issues.add('messageTemplate', 'a template using .Changed (.Updated was removed in image.toolkit.fluxcd.io/v1)', template);
  if (!/^\.?\/?[^\s]*$/.test(options.path) || options.path.split('/').includes('..')) issues.add('path', 'a repository-relative directory without ..', options.path);
  const branch = options.checkoutBranch ?? 'main';
  const push = options.pushBranch ?? branch;
  for (const [p, b] of [['checkoutBranch', branch], ['pushBranch', push]] as const) {
    if (!/^[A-Za-z0-9._/-]+$/.test(b) || b.startsWith('/') || b.includes('..')) issues.add(p, 'a git branch name', b);
  }
  issues.done();
  return {
    apiVersion: IMAGE_API_VERSION,
    kind: 'ImageUpdateAutomation' as const,
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      interval,
      sourceRef: { kind: 'GitRepository' as const, name: options.sourceRef.name, ...(options.sourceRef.namespace === undefined ? {} : { namespace: options.sourceRef.namespace }) },
      git: {
        checkout: { ref: { branch } },
        commit: { author: options.author ?? { name: 'fluxcdbot', email: 'fluxcdbot@users.noreply.github.com' }, messageTemplate: template },
        push: { branch: push },
      },
      update: { path: options.path, strategy: 'Setters' as const },
      ...(options.policySelector === undefined ? {} : { policySelector: { matchLabels: { ...options.policySelector } } }),
    },
  };
}

/** The object {@link imageUpdateAutomation} returns. */
export type ImageUpdateAutomationObject = ReturnType<typeof imageUpdateAutomation>;

import { z } from 'zod';

/** A Flux object's `Ready` condition, as `flux get` shows it. */
const readySchema = z
  .object({
    status: z
      .enum(['True', 'False', 'Unknown'])
      .describe('The Ready condition; Unknown also when the object has none yet (never reconciled).'),
    reason: z.string().optional().describe('The condition reason, e.g. ReconciliationSucceeded, BuildFailed.'),
    message: z.string().optional().describe('The condition message (first line).'),
  })
  .strict();

/** A Kustomization or HelmRelease. */
const fluxObjectSchema = z
  .object({
    namespace: z.string(),
    name: z.string(),
    ready: readySchema,
    suspended: z.boolean().describe('spec.suspend: a suspended object is listed but not counted as not ready.'),
    stale: z
      .boolean()
      .describe(
        'The controller has not yet observed the latest spec (status.observedGeneration < metadata.generation).',
      ),
    revision: z
      .string()
      .optional()
      .describe(
        "The last applied revision: a Kustomization's status.lastAppliedRevision (e.g. main@sha1:…), a HelmRelease's latest release in status.history (chart@version).",
      ),
  })
  .strict();

/** One container that runs an image of a policy's repository. */
const runningSchema = z
  .object({
    namespace: z.string(),
    deployment: z.string(),
    container: z.string(),
    tag: z.string().optional().describe('The tag the Deployment names (absent for a digest-only reference).'),
    digest: z.string().optional().describe('The digest the Deployment pins, when it names one.'),
  })
  .strict();

const imagePolicySchema = z
  .object({
    namespace: z.string(),
    name: z.string(),
    ready: readySchema,
    repository: z
      .string()
      .optional()
      .describe('The image repository: status.latestRef.name, else the ImageRepository spec.image it refers to.'),
    latestTag: z.string().optional().describe('status.latestRef.tag (or the tag of status.latestImage).'),
    latestDigest: z.string().optional().describe('status.latestRef.digest, with digestReflectionPolicy.'),
    running: z.array(runningSchema).describe("Deployments' containers whose image is of that repository."),
    state: z
      .enum(['current', 'behind', 'not-running', 'unresolved'])
      .describe(
        'current: every container runs the latest tag (and digest, when both name one); behind: one does not; not-running: no Deployment runs the repository; unresolved: the policy has no latest tag.',
      ),
  })
  .strict();

const nodeSchema = z
  .object({
    name: z.string(),
    ready: z.enum(['True', 'False', 'Unknown']).describe("The node's Ready condition."),
    unschedulable: z.boolean().describe('Cordoned (spec.unschedulable).'),
    arch: z.string().optional().describe('status.nodeInfo.architecture, e.g. arm64.'),
    cpu: z.string().optional().describe('Allocatable CPU, as a Kubernetes quantity (4, 3500m).'),
    memory: z.string().optional().describe('Allocatable memory, as a Kubernetes quantity (8Gi).'),
  })
  .strict();

/** One kube context, taken as one environment. */
export const environmentStatusSchema = z
  .object({
    name: z.string().describe('The kube context.'),
    server: z.string().describe('Its API server URL.'),
    error: z
      .string()
      .optional()
      .describe('Why the API server could not be read (host and cause); the lists are then empty.'),
    notServed: z
      .array(z.string())
      .describe('Flux kinds whose CRD the API server does not serve (Kind group/version); their lists are empty.'),
    kustomizations: z.array(fluxObjectSchema),
    helmReleases: z.array(fluxObjectSchema),
    imagePolicies: z.array(imagePolicySchema),
    nodes: z.array(nodeSchema),
    notReady: z
      .array(z.string())
      .describe('What keeps this environment from being ready, one line each (Kind namespace/name: why).'),
  })
  .strict();

export const statusReportSchema = z
  .object({
    environments: z.array(environmentStatusSchema),
    ready: z.boolean().describe('Every environment was read and everything in it is ready and current.'),
  })
  .strict();

export type EnvironmentStatus = z.output<typeof environmentStatusSchema>;
export type FluxObjectStatus = EnvironmentStatus['kustomizations'][number];
export type ImagePolicyStatus = EnvironmentStatus['imagePolicies'][number];
export type NodeStatus = EnvironmentStatus['nodes'][number];
export type StatusReport = z.output<typeof statusReportSchema>;

/** The package name, for messages. */
export const packageName = '@sugarkube/verify';

export { toolPath, sugarkubeCache, cacheEntry, type VerifyTool, type CacheEntry } from './io/cache-entry.js';
export type { ManifestProblem, ManifestReport } from './manifest-report.js';
export { validateManifests, type ValidateManifestsOptions } from './io/validate-manifests.js';
export { kustomizeBuild } from './io/kustomize-build.js';
export { writeTempTree, type TreeFile } from './io/write-temp-tree.js';
export { actionlint } from './io/actionlint.js';
export { zizmor, type ZizmorOptions } from './io/zizmor.js';
export { validateWorkflowSchema } from './io/validate-workflow-schema.js';
export { validateJsonSchema, type SchemaProblem } from './io/check-jsonschema.js';
export { promtoolCheckRules, promtoolTestRules, type PromtoolResult } from './io/promtool.js';
export { kubesealRecoveryUnseal, kubesealRaw, type KubesealResult } from './io/kubeseal.js';
export { helmTemplate, pinnedChartDir, type HelmTemplateOptions } from './io/helm-template.js';
export { gitleaks, type GitleaksFinding } from './io/gitleaks.js';
export { startRegistry, freePort, type RegistryBinary, type RunningRegistry } from './io/start-registry.js';
export { buildFluxPaths, fluxKustomizations, type FluxKustomizationRef } from './io/build-flux-paths.js';
export { buildahStore, requireBuildah, type BuildahStore, type BuildOptions, type ImageFacts } from './io/buildah.js';
export { runSmokeJob, dockerRunFlags, type SmokeJobRun } from './io/run-smoke-job.js';
export {
  checkDamagedOptions,
  damagedOptionRuns,
  damagedOptionSeed,
  damageTally,
  damage,
  damageKinds,
  namesDamage,
  pathsOf,
  typo,
  junk,
  type Damage,
  type DamageKind,
  type DamageSubject,
  type DamageTally,
  type Path,
} from './damaged-options.js';
export { recordDamageTally } from './io/record-damage-tally.js';
export { describeDamagedOptions, type DescribeDamagedOptions } from './io/describe-damaged-options.js';
export { compileWithEdit, type CompileError } from './io/compile-with-edit.js';
export { startGitea, type RunningGitea } from './io/start-gitea.js';

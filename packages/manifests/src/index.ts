/** The package name, for messages and generated-file headers. */
export const packageName = '@sugarkube/manifests';

// descriptor: the single schema, its types and its JSON Schema
export {
  appDescriptorSchema,
  type AppDescriptor,
  type ValidatedAppDescriptor,
  type ServiceDescriptor,
  type RouteDescriptor,
  type EnvironmentDescriptor,
} from './descriptor/app-schema.js';
export { appJsonSchema, schemaUrl } from './descriptor/app-json-schema.js';
export { isApp, type App } from './descriptor/app.js';
export { defaultIssuer, defaultGateway } from './descriptor/defaults.js';
export { sealedSecretSchema, sopsSecretsSchema } from './descriptor/secret-schema.js';
export { findPlaintextSecrets } from './descriptor/plaintext-secrets.js';
// validate
export { validateApp, type ValidationResult } from './validate/validate-app.js';
export { defineApp } from './validate/define-app.js';
export { loadAppYaml } from './validate/load-app-yaml.js';
export { readAppYaml } from './io/read-app-yaml.js';
// plan: pure functions to plain objects
export { planApp, planBase } from './plan/plan-app.js';
export { objectId, type KubeObject } from './plan/kube-object.js';
export { clusterConventions } from './plan/conventions.js';
export { imagePolicyRef, type ResolvedService, type ResolvedImage } from './plan/resolve-service.js';
export {
  environmentsOf,
  resolveEnvironment,
  type ResolvedEnvironment,
  type ResolvedRoute,
} from './plan/resolve-environment.js';
export { planNamespace } from './plan/config-objects.js';
export { tlsSecretName } from './plan/routes.js';
export { planImageAutomation } from './plan/image-automation.js';
export { applyJson6902, strategicMerge, PatchError } from './plan/apply-patches.js';
// render: deterministic bytes
export { renderAppTree, objectFileName, appTreeHeader, type RenderAppTreeOptions } from './render/render-app-tree.js';
export { renderImageAutomation } from './render/render-image-automation.js';
export { appRepoFiles, type AppRepoFilesOptions } from './render/app-repo-files.js';
export { withScannerAllowances } from './render/scanner-allow.js';
// a Testing helper
export { Testing } from './testing/testing.js';

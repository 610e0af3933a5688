/** The package name, for messages and generated-file headers. */
export const packageName = '@sugarkube/manifests';

// descriptor: the single schema, its types and its JSON Schema
export { appDescriptorSchema, type AppDescriptor, type ValidatedAppDescriptor, type ServiceDescriptor, type RouteDescriptor, type EnvironmentDescriptor } from './descriptor/app-schema.js';
export { runtimes } from './descriptor/service-schema.js';
export { appJsonSchema, schemaUrl } from './descriptor/app-json-schema.js';
export { isApp, type App } from './descriptor/app.js';
export type { Issue } from '@sugarkube/core';
export { runtimeDefaults, defaultTag, defaultIssuer, defaultGateway } from './descriptor/defaults.js';
// validate
export { validateApp, type ValidationResult } from './validate/validate-app.js';
export { defineApp } from './validate/define-app.js';
export { loadAppYaml } from './validate/load-app-yaml.js';
export { AppValidationError } from './validate/app-validation-error.js';
// plan: pure functions to plain objects
export { planApp, planBase } from './plan/plan-app.js';
export type { KubeObject } from './plan/kube-object.js';
export { objectId } from './plan/kube-object.js';
export { clusterConventions } from './plan/conventions.js';
export { imagePolicyRef } from './plan/resolve-service.js';
export { environmentsOf } from './plan/resolve-environment.js';
export { applyJson6902, strategicMerge, PatchError } from './plan/apply-patches.js';
// render: deterministic bytes
export { renderYaml, sortKeys, generatedHeader, type RenderYamlOptions } from './render/render-yaml.js';
export { renderAppTree, objectFileName, type RenderAppTreeOptions } from './render/render-app-tree.js';
export { imagePolicySetter } from './render/setter-marker.js';
export type { GeneratedFile } from '@sugarkube/core';
// the real apps, as descriptors
export { realApps, tokenplace, dspace, danielsmith, jobbot3000 } from './real-apps/index.js';
export * from './cluster/index.js';
// two ways in: a projen component for app repos, and a Testing helper
export { SugarkubeApp, type SugarkubeAppOptions } from './projen/sugarkube-app.js';
export { Testing } from './testing/testing.js';

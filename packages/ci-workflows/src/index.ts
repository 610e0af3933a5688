// @sugarkube/ci-workflows: pure generators (no projen here; the components are in ./projen).

// One service of an app repo: the function the app-repo entry point calls.
export { appBuildFiles, appBuildFilesInputSchema, type AppBuildFilesInput } from './app-build/app-build-files.js';
export { appBuildSchema, type AppBuildSection } from './app-build/app-build-schema.js';
export { checkAppBuild } from './app-build/check-app-build.js';

// Dockerfiles (and .dockerignore, and a static site's nginx.conf).
export { ociLabelBuildArgs } from './dockerfile/dockerfile-common.js';
export {
  generateAppDockerfile,
  appDockerfileOptionsSchema,
  type AppDockerfileOptions,
} from './dockerfile/app-dockerfile.js';
export {
  nodeDockerfile,
  nodeDockerfileOptionsSchema,
  type NodeDockerfileOptions,
} from './dockerfile/node-dockerfile.js';
export {
  pythonDockerfile,
  pythonDockerfileOptionsSchema,
  pythonServerSchema,
  type PythonDockerfileOptions,
  type PythonServer,
} from './dockerfile/python-dockerfile.js';
export {
  staticNodeDockerfile,
  staticNodeDockerfileOptionsSchema,
  type StaticNodeDockerfileOptions,
} from './dockerfile/static-node-dockerfile.js';
export {
  staticNginxDockerfile,
  staticNginxDockerfileOptionsSchema,
  nginxConfigFileSchema,
  type StaticNginxDockerfileOptions,
} from './dockerfile/static-nginx-dockerfile.js';
export {
  precompressScript,
  precompressCommand,
  precompressScriptPath,
  precompressedExtensions,
} from './dockerfile/precompress-script.js';
export {
  nodePackageManagerSchema,
  nodeWorkspaceSchema,
  type NodePackageManager,
  type NodeWorkspace,
} from './dockerfile/node-build-options.js';

// nginx for static sites: the cache contract, headers, SPA fallback.
export {
  cachePolicySchema,
  defaultContentSecurityPolicy,
  nginxConfigOptionsSchema,
  nginxHealthSchema,
  nginxPort,
  nginxServingSchema,
  servingHeadersSchema,
  type NginxConfigOptions,
  type NginxServingOptions,
} from './nginx/nginx-serving-options.js';
export { nginxConfigIssues, renderNginxConfig } from './nginx/render-nginx-config.js';

// GitHub Actions workflows.
export {
  arm64GuardOptionsSchema,
  buildAndPushOptionsSchema,
  smokeOptionsSchema,
  workflowFileOptionsSchema,
  type Arm64GuardOptions,
  type BuildAndPushOptions,
  type Platform,
  type SmokeOptions,
  type WorkflowFileOptions,
} from './workflows/workflow-options.js';
export { arm64GuardFiles, buildAndPushFiles, smokeFiles } from './workflows/workflow-files.js';
export { planBuildAndPush } from './workflows/build-and-push.js';
export { planSmoke, healthProbeScript } from './workflows/smoke.js';
export { planArm64Guard } from './workflows/arm64-guard.js';
export { platformGuardScript } from './workflows/platform-guard-script.js';
export type {
  CallJob,
  Job,
  Permission,
  PermissionScope,
  RunStep,
  Step,
  StepsJob,
  Triggers,
  UsesStep,
  Workflow,
  WorkflowInput,
} from './workflows/workflow-model.js';
export { actionPins, type ActionPin, type ActionPinName } from './pins/action-pins.js';

// Image tags: the metadata-action rules of core's tag scheme, and a preview of what a push publishes.
export { imageTagRules, type ImageTagRules } from './workflows/image-tag-rules.js';
// The docker/metadata-action tag preview lives at @sugarkube/ci-workflows/tags (it loads the action's libraries).

/** Re-exported from `@sugarkube/core` (the one tag module) for existing callers. */
export { sortableTagPattern } from '@sugarkube/core';

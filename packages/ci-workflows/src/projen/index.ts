// @sugarkube/ci-workflows/projen: the projen components (this entry point alone imports projen).
export { GeneratedFiles, generatedFilesSchema } from './generated-files.js';
export { AppBuild } from './app-build.js';
export { AppDockerfile } from './app-dockerfile.js';
export { BuildAndPushWorkflow } from './build-and-push-workflow.js';
export { SmokeWorkflow } from './smoke-workflow.js';
export { Arm64GuardWorkflow } from './arm64-guard-workflow.js';

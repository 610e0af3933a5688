// issues: one shape and one error for every package
export {
  type Issue,
  issue,
  issueWithMessage,
  prefixIssues,
  formatPath,
  describeReceived,
  valueAt,
  dedupeIssues,
} from './issues/issue.js';
export { ValidationError, throwIfIssues } from './issues/validation-error.js';
export { fromZodIssues, checkWithSchema, type Checked } from './issues/zod-issues.js';
export {
  parseOptions,
  optionIssues,
  checkArguments,
  type CrossCheck,
  type ArgumentCheck,
} from './issues/parse-options.js';
export { salvage, unexplainedIssues, type Salvaged } from './issues/salvage.js';
export { didYouMean, unknownKeysMessage } from './issues/did-you-mean.js';
export { expectedPhrase } from './issues/expected-phrase.js';
// field rules: names, hosts, images, quantities
export {
  strictObject,
  intIn,
  dnsLabel,
  objectName,
  port,
  cpuQuantity,
  memoryQuantity,
  storageQuantity,
  absolutePath,
  httpPath,
  envName,
  hostname,
  imageRepository,
  imageTag,
  imageDigest,
  imageReference,
  cidr,
  ipv4Range,
  duration,
  fluxDuration,
  labelValue,
  stringList,
  repoPath,
  githubOwner,
  branchName,
} from './fields/fields.js';
// YAML: the one renderer
export { renderYaml, type RenderYamlOptions } from './yaml/render-yaml.js';
export { emitYaml, isPlainSafe } from './yaml/yaml-emitter.js';
export { orderKeys, type KeyOrder } from './yaml/sort-keys.js';
export { commented, isCommented, type Commented } from './yaml/commented.js';
export { setterMarker, withSetterMarker, type SetterField } from './yaml/setter-marker.js';
// generated files
export { type GeneratedFile, sortFiles } from './files/generated-file.js';
export {
  generatedHeader,
  generatedMarker,
  commentLines,
  hasGeneratedMarker,
  type GeneratedHeaderOptions,
} from './files/generated-header.js';
// facts shared by build and deploy
export {
  runtimes,
  runtimeNames,
  runtimeOf,
  type Runtime,
  type RuntimeName,
  type RuntimeResources,
} from './runtimes/runtime-table.js';
export {
  baseImages,
  baseImageReference,
  baseImageGlibcMinor,
  type BaseImage,
  type BaseImageName,
} from './runtimes/base-images.js';
export {
  tagSafeBranch,
  sortableTag,
  sortableTagPattern,
  sortableTagRegExp,
  deployTagRule,
  mutableTags,
  isImmutableTag,
} from './tags/image-tags.js';
// Kubernetes and Flux objects typed from the pinned schemas (generated: src/kube/api-types.ts)
export type * as k8s from './kube/api-types.js';
export type { KubeKinds } from './kube/api-types.js';
export {
  typedObject,
  type TypedObject,
  type ApiVersion,
  type KindOf,
  type KindBody,
  type NamedMetadata,
} from './kube/typed-object.js';
// docs: field references generated from the schemas
export { fieldReference } from './docs/field-reference.js';

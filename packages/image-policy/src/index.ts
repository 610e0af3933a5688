/** The package name, for messages and generated-file headers. */
export const packageName = '@sugarkube/image-policy';

// The public API, named one by one: the Go and Masterminds ports (`src/go/`, `src/semver/`), the
// header and manifest parsers and the validation helpers stay internal.

// Tag selection with Flux's semantics.
export {
  selectTag,
  type PolicyChoice,
  type SelectTagOptions,
  type SelectTagSpec,
  type TagFilter,
} from './select-tag.js';
export { isSelectTagError, SelectTagError, type SelectTagProblem, type SelectTagReason } from './select-tag-error.js';
export { FLUX_DEFAULT_EXCLUSION_LIST, storedTags } from './stored-tags.js';

// The Flux image automation objects and their setter markers.
export { assertImageApiVersion, IMAGE_API_VERSION, type ImageKind } from './objects/api-version.js';
export {
  DEFAULT_EXCLUSION_LIST,
  imageRepository,
  type ImageRepositoryObject,
  type ImageRepositoryOptions,
} from './objects/image-repository.js';
export {
  followBranchBuilds,
  followReleases,
  imagePolicy,
  type ImagePolicyObject,
  type ImagePolicyOptions,
} from './objects/image-policy.js';
export {
  DEFAULT_MESSAGE_TEMPLATE,
  imageUpdateAutomation,
  type ImageUpdateAutomationObject,
  type ImageUpdateAutomationOptions,
} from './objects/image-update-automation.js';
export { setterMarker, type SetterField } from './setter-marker.js';
export {
  applySetters,
  type ApplySettersOptions,
  type ApplySettersResult,
  type PolicyRef,
  type SetterChange,
} from './apply-setters.js';

// Images, platforms and the registry client.
export { parseImageReference, type ImageReference } from './oci/image-reference.js';
export {
  formatPlatform,
  missingPlatforms,
  parsePlatform,
  platformMatches,
  type Descriptor,
  type Manifest,
  type Platform,
} from './oci/manifest.js';
export { RegistryClient, type FetchedManifest, type RegistryClientOptions } from './io/registry-client.js';
export { RegistryError, type RegistryErrorDetails } from './oci/registry-error.js';
export type { RetryOptions } from './io/http-exchange.js';
export { dockerConfigDir, resolveDockerCredentials, type ResolvedCredentials } from './io/docker-credentials.js';
export { checkImagePlatforms, describePlatforms, type PlatformCheck } from './io/check-image-platforms.js';

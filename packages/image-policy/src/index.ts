/** The package name, for messages and generated-file headers. */
export const packageName = '@sugarkube/image-policy';

export * from './select-tag.js';
export * from './select-tag-error.js';
export * from './stored-tags.js';
export { parseConstraints, satisfies, ConstraintError, type SemverConstraints } from './semver/constraints.js';
export { newVersion, parseFluxVersion, compareVersions, versionString, type SemverVersion } from './semver/version.js';
export { compileGoRegexp, GoRegexpError, type GoRegexp } from './go/go-regexp.js';
export { expandString } from './go/go-expand.js';
export { goParseFloat } from './go/go-parse-float.js';
export * from './setter-marker.js';
export * from './objects/api-version.js';
export { ImageObjectError, type ValidationIssue } from './objects/validation.js';
export * from './objects/image-repository.js';
export * from './objects/image-policy.js';
export * from './objects/image-update-automation.js';
export * from './apply-setters.js';
export * from './oci/image-reference.js';
export * from './oci/www-authenticate.js';
export * from './oci/link-header.js';
export * from './oci/manifest.js';
export * from './io/registry-client.js';
export * from './io/check-image-platforms.js';

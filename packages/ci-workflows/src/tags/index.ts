/**
 * `@sugarkube/ci-workflows/tags`: the preview of docker/metadata-action's tags. It loads
 * the action's own libraries (handlebars, semver, @renovate/pep440, moment-timezone,
 * csv-parse), which the generators in the main entry never need.
 */
export {
  previewTags,
  previewMetadata,
  type ActionList,
  type PreviewTagsInput,
  type TagPreview,
  type TagVersion,
} from './preview-tags.js';
export { TagPreviewError, type TagPreviewProblem } from './tag-preview-error.js';
export { imageTagRules, type ImageTagRules } from '../workflows/image-tag-rules.js';
export { sortableTagPattern } from '@sugarkube/core';

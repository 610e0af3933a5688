// `@sugarkube/core/tags`: the image tag scheme, without the rest of core (no zod is loaded).
export {
  tagSafeBranch,
  sortableTag,
  sortableTagPattern,
  sortableTagRegExp,
  deployTagRule,
  mutableTags,
  isImmutableTag,
} from './image-tags.js';

export { actionPins, pinnedUses, type ActionPin, type ActionPinName } from './pins/action-pins.js';
export { previewTags, previewMetadata, type PreviewTagsInput, type TagPreview, type TagVersion } from './tags/preview-tags.js';

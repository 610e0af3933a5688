/**
 * The image-reflector-controller's scan-and-store step (`ImageRepositoryReconciler.scan` in
 * internal/controller/imagerepository_controller.go): the listed tags minus those matching the
 * ImageRepository's `exclusionList` (`filterOutTags`), sorted descending by bytes
 * (`sortTagsAndGetLatestTags`: `slices.SortStableFunc` with `-strings.Compare`). The database
 * stores that slice, and every ImagePolicy reads it back in that order, so this order decides
 * every tie a policy meets.
 *
 * @see https://github.com/fluxcd/image-reflector-controller/blob/v1.2.0/internal/controller/imagerepository_controller.go
 */
import { optionIssues, ValidationError } from '@sugarkube/core';
import { z } from 'zod';
import { compareBytewise } from './bytewise.js';
import { compileGoRegexp, GoRegexpError, type GoRegexp } from './go/go-regexp.js';
import { SelectTagError } from './select-tag-error.js';

/** The tags a registry lists. */
export const tagListSchema = z.array(z.string({ error: 'a tag' }), { error: 'a list of tags' });
/** An ImageRepository's `exclusionList` (compiled later, as the controller does). */
export const exclusionListSchema = z.array(z.string({ error: 'a Go regular expression' }), {
  error: 'a list of Go regular expressions',
});

/**
 * Flux's exclusion list when an ImageRepository sets none (or an empty one):
 * `GetExclusionList` in api/v1/imagerepository_types.go.
 */
export const FLUX_DEFAULT_EXCLUSION_LIST: readonly string[] = ['^.*\\.sig$'];

/**
 * The tags as the controller stores them: `tags` without those an `exclusionList` pattern
 * matches (Flux's default `^.*\.sig$` when the list is absent or empty), sorted descending by
 * UTF-8 bytes; equal tags keep their order. Arguments of the wrong shape throw a `ValidationError`
 * (from `@sugarkube/core`); a pattern Go rejects throws {@link SelectTagError} (a `ValidationError` too)
 * with reason `InvalidExclusionList` and the controller's message (the real scan fails and
 * stores nothing, so the ImageRepository reports `ReadOperationFailed` and its policies find
 * no tags).
 */
export function storedTags(tags: readonly string[], exclusionList?: readonly string[]): string[] {
  const issues = [
    ...optionIssues(tagListSchema, tags, [], ['tags']),
    ...optionIssues(exclusionListSchema.optional(), exclusionList, [], ['exclusionList']),
  ];
  if (issues.length > 0) throw new ValidationError('stored tags', issues);
  return storedTagsOf(tags, exclusionList);
}

/** {@link storedTags} on arguments already checked. */
export function storedTagsOf(
  tags: readonly string[],
  exclusionList: readonly string[] | undefined,
  at: readonly PropertyKey[] = ['exclusionList'],
): string[] {
  const given = exclusionList && exclusionList.length > 0;
  const patterns = given ? exclusionList : FLUX_DEFAULT_EXCLUSION_LIST;
  const compiled: GoRegexp[] = patterns.map((pattern, index) => {
    try {
      return compileGoRegexp(pattern);
    } catch (error) {
      if (error instanceof GoRegexpError)
        throw new SelectTagError('InvalidExclusionList', `failed to compile regex ${pattern}: ${error.message}`, {
          path: given ? [...at, index] : at,
          expected: `a Go regular expression (${error.message})`,
          received: pattern,
        });
      throw error;
    }
  });
  // Array.prototype.sort is stable, as SortStableFunc is.
  return tags.filter((tag) => !compiled.some((re) => re.js.test(tag))).sort((a, b) => compareBytewise(b, a));
}

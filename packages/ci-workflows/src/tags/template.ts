import Handlebars from 'handlebars';
import { AttributeError } from './tag-preview-error.js';

/**
 * docker/metadata-action renders every tag value, prefix, suffix, `enable=` and
 * pattern with `handlebars.compile(text)(context)`. A private environment keeps
 * helpers or partials registered on the global Handlebars of this process out, as
 * the action's own process has none.
 */
const handlebars = Handlebars.create();

/** Renders `template` against `context` exactly as metadata-action does; errors name the attribute. */
export function renderTemplate(attribute: string, template: string, context: object): string {
  try {
    return handlebars.compile(template)(context);
  } catch (cause) {
    throw new AttributeError(attribute, template, cause);
  }
}

/**
 * Whether a semver/pep440 pattern is exactly `{{raw}}` (upstream `Meta.isRawStatement`):
 * such a pattern is kept for prereleases instead of falling back to `{{version}}`.
 */
export function isRawStatement(pattern: string): boolean {
  try {
    const program = handlebars.parseWithoutProcessing(pattern);
    const [first] = program.body;
    if (program.body.length === 1 && first?.type === 'MustacheStatement') {
      const parts = ((first as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression).parts;
      return parts?.length === 1 && parts[0] === 'raw';
    }
  } catch {
    return false;
  }
  return false;
}

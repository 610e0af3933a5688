import { formatSiteOptionsErrors, type SiteOptionsError } from './validate-site-options.js';

/** Thrown with every problem of the site options at once. */
export class SiteValidationError extends Error {
  readonly errors: readonly SiteOptionsError[];
  constructor(errors: readonly SiteOptionsError[]) {
    super(`invalid site options:\n${formatSiteOptionsErrors(errors)}`);
    this.name = 'SiteValidationError';
    this.errors = errors;
  }
}

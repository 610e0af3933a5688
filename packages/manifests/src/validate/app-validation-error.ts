import type { ValidationIssue } from '../descriptor/validation-issue.js';

/** Thrown by `defineApp` for an invalid descriptor; carries every issue. */
export class AppValidationError extends Error {
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`invalid app descriptor (${issues.length} error${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
    this.name = 'AppValidationError';
  }
}

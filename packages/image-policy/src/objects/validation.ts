import { compileGoRegexp, GoRegexpError } from '../go/go-regexp.js';
import { ConstraintError, parseConstraints } from '../semver/constraints.js';

/** One problem in the options given to a builder. */
export interface ValidationIssue {
  readonly path: string;
  readonly expected: string;
  readonly received: unknown;
}

/** Thrown by the builders with every problem at once. */
export class ImageObjectError extends Error {
  override readonly name = 'ImageObjectError';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map((i) => `${i.path}: expected ${i.expected}, received ${JSON.stringify(i.received)}`).join('\n'));
  }
}

/** Collects issues; `done()` throws them all. */
export class Issues {
  readonly list: ValidationIssue[] = [];
  add(path: string, expected: string, received: unknown): void {
    this.list.push({ path, expected, received });
  }
  name(path: string, value: string): void {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value) || value.length > 253) {
      this.add(path, 'a DNS-1123 subdomain name (lowercase letters, digits, - and .)', value);
    }
  }
  /** The CRDs' duration pattern `^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$`. */
  duration(path: string, value: string): void {
    if (!/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/.test(value)) this.add(path, 'a Go duration such as 5m or 1h30m', value);
  }
  semverRange(path: string, value: string): void {
    try {
      parseConstraints(value);
    } catch (error) {
      if (!(error instanceof ConstraintError)) throw error;
      this.add(path, `a Masterminds/semver range Flux accepts (${error.message})`, value);
    }
  }
  pattern(path: string, value: string): void {
    try {
      compileGoRegexp(value);
    } catch (error) {
      if (!(error instanceof GoRegexpError)) throw error;
      this.add(path, `a Go regular expression (${error.message})`, value);
    }
  }
  done(): void {
    if (this.list.length > 0) throw new ImageObjectError(this.list);
  }
}

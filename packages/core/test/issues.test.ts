import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkWithSchema, dnsLabel, issue, prefixIssues, strictObject, ValidationError } from '../src/index.js';

describe('issues', () => {
  it('names the path, what was expected and what was received', () => {
    const found = issue(['services', 0, 'port'], 'an integer 1-65535', '80a');
    expect(found).toEqual({
      path: 'services[0].port',
      expected: 'an integer 1-65535',
      received: '"80a"',
      message: 'services[0].port: expected an integer 1-65535, received "80a"',
    });
  });

  it('moves issues under a parent path', () => {
    const moved = prefixIssues(
      ['services', 1, 'build'],
      [issue(['port'], 'a port', 0), issue([], 'an object', 1), issue([2], 'x', 'y')],
    );
    expect(moved.map((i) => i.message)).toEqual([
      'services[1].build.port: expected a port, received 0',
      'services[1].build: expected an object, received 1',
      'services[1].build[2]: expected x, received "y"',
    ]);
  });

  it('reports every problem of a schema at once, with did-you-mean for keys', () => {
    const schema = strictObject({ name: dnsLabel, replicas: z.number().int() });
    const checked = checkWithSchema(schema, { name: '1blog', replica: 2 }, ['app']);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues.map((i) => i.message)).toEqual([
      'app.name: expected a DNS label (lowercase letters, digits and "-", starting with a letter, at most 63 characters), e.g. "web", received "1blog"',
      'app.replicas: expected a number, received nothing',
      'app.replica: unknown key "replica" (did you mean "replicas"?); known keys: name, replicas',
    ]);
  });
});

describe('ValidationError', () => {
  it('carries every issue and lists them in its message', () => {
    const error = new ValidationError('app descriptor', [issue(['a'], 'x', 1), issue(['b'], 'y', 2)]);
    expect(error.message).toBe(
      'invalid app descriptor (2 problems):\n  - a: expected x, received 1\n  - b: expected y, received 2',
    );
    expect(error.issues).toHaveLength(2);
  });

  it('is recognised across copies of the package by its brand, not instanceof', () => {
    const error = new ValidationError('x', []);
    const copy = Object.assign(Object.create(Error.prototype) as object, {
      [Symbol.for('@sugarkube/core.ValidationError')]: true,
    });
    expect(ValidationError.is(error)).toBe(true);
    expect(ValidationError.is(copy)).toBe(true);
    expect(ValidationError.is(new Error('x'))).toBe(false);
    expect(ValidationError.is(undefined)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { markdownSnippets, withValues } from '../src/markdown-snippets.js';

const page = [
  '# Title',
  '',
  '<!-- e2e: setup -->',
  '```sh',
  'npm init -y',
  'npm i -D github:acme/hello',
  '```',
  '',
  '```sh',
  'not named',
  '```',
  '<!-- e2e: pins -->',
  '```json',
  '{ "digest": "sha256:aaaa" }',
  '```',
].join('\n');

describe('markdownSnippets', () => {
  it('takes the blocks named by an e2e comment, with their language, and only those', () => {
    expect(markdownSnippets(page)).toEqual({
      setup: { name: 'setup', lang: 'sh', code: 'npm init -y\nnpm i -D github:acme/hello\n' },
      pins: { name: 'pins', lang: 'json', code: '{ "digest": "sha256:aaaa" }\n' },
    });
  });

  it('refuses a name used twice', () => {
    expect(() => markdownSnippets(`${page}\n<!-- e2e: pins -->\n\`\`\`json\n{}\n\`\`\``)).toThrow(
      'snippet "pins" appears twice',
    );
  });

  it('puts test values in, and fails when the page no longer has what it replaces', () => {
    const { setup, pins } = markdownSnippets(page);
    expect(withValues(setup!, [['github:acme/hello', 'git+file:///tmp/hello']])).toBe(
      'npm init -y\nnpm i -D git+file:///tmp/hello\n',
    );
    expect(withValues(pins!, [[/sha256:[a-f0-9]+/, 'sha256:bbbb']])).toBe('{ "digest": "sha256:bbbb" }\n');
    expect(() => withValues(setup!, [['github:acme/shop', 'x']])).toThrow(
      'snippet "setup" no longer contains github:acme/shop',
    );
  });
});

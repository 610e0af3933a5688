import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const fences = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));

describe('the README', () => {
  it('its example prints what the README shows', async () => {
    const example = fences.find((f) => f.lang === 'ts')!;
    const shown = fences[fences.indexOf(example) + 1]!;
    const out: string[] = [];
    // The snippet as written, with its import bound to this package's source.
    const code = example.body.replace(/^import \{([^}]+)\} from '@sugarkube\/core';$/m, 'const {$1} = core;');
    const run = new Function('core', 'process', 'console', code) as (...args: unknown[]) => void;
    run(
      core,
      { stdout: { write: (t: string) => out.push(t) } },
      {
        log: (v: unknown) =>
          out.push(
            `${JSON.stringify(v)
              .replace(/"(\w+)":/g, '$1: ')
              .replace(/,/g, ', ')
              .replace(/\{/g, '{ ')
              .replace(/\}/g, ' }')}\n`,
          ),
      },
    );
    expect(out.join('')).toBe(shown.body);
  });
});

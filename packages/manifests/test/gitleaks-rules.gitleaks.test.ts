import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { gitleaks, writeTempTree } from '@sugarkube/verify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gitleaksRulesPaths, gitleaksRulesSources, readGitleaksConfig } from '../scripts/generate-gitleaks-rules.js';
import { gitleaksRules, gitleaksVersion } from '../src/descriptor/gitleaks-rules.js';
import { gitleaksScan } from '../src/descriptor/gitleaks-scan.js';
import { gitleaksStopwords } from '../src/descriptor/gitleaks-stopwords.js';
import { goRegexpSource } from '../src/descriptor/go-regexp.js';

describe('the ported gitleaks rules', () => {
  it("are what the generator makes of the pinned release's config/gitleaks.toml (fails on drift)", () => {
    const { config, version } = readGitleaksConfig();
    const sources = gitleaksRulesSources(config, version);
    expect(readFileSync(gitleaksRulesPaths.rules, 'utf8')).toBe(sources.rules);
    expect(readFileSync(gitleaksRulesPaths.stopwords, 'utf8')).toBe(sources.stopwords);
    expect(gitleaksVersion).toBe(version);
    expect(gitleaksRules.length).toBe(config.rules.length - 5);
  });
});

/**
 * A regex fast-check can generate from: word boundaries and anchors dropped, flag groups plain,
 * so it proposes candidates on both sides of each boundary; gitleaks decides.
 */
function candidateArbitrary(regex: string): fc.Arbitrary<string> {
  const relaxed = goRegexpSource(regex)
    .replace(/\\[bB]/g, '')
    .replace(/\(\?-?i:/g, '(?:')
    .replace(/\(\?<[a-z]+>/g, '(')
    .replace(/^\^|(?<!\\)\$/g, '');
  return fc.stringMatching(new RegExp(relaxed));
}

const asciiOnly = (s: string) => /^[\x20-\x7e\t\n]*$/.test(s);
const envName = fc.constantFrom(
  'DB_PASSWORD',
  'API_KEY',
  'SECRET_KEY',
  'AUTH_TOKEN',
  'ACCESS_KEY',
  'CREDENTIALS',
  'apiKey',
  'client_secret',
  'GITHUB_TOKEN',
  'LOG_LEVEL',
  'MODE',
);
const envValue = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{6,40}$/),
  fc.stringMatching(/^[a-z0-9+/]{12,60}={0,2}$/),
  fc.stringMatching(/^[A-Za-z0-9_.=-]{8,24}$/),
  fc.constantFrom('changeme', 'example-value', 'true', '${DB_PASSWORD}', 'sha256:0123456789abcdef'),
  // A generic key that holds one of the generic rule's stopwords is allowed.
  fc
    .tuple(fc.constantFrom(...gitleaksStopwords[0]!), fc.stringMatching(/^[A-Za-z0-9]{8,16}$/))
    .map(([word, rest]) => `${rest.slice(0, 4)}${word}${rest.slice(4)}`),
);

describe('gitleaksScan finds what gitleaks finds', () => {
  it('on candidates generated from every ported rule, env lines, and encoded secrets', async () => {
    const perRule = gitleaksRules.flatMap((rule, r) =>
      fc
        .sample(candidateArbitrary(rule.regex), { numRuns: 10, seed: 1000 + r })
        .filter(asciiOnly)
        .map((text) => `${text}\n`),
    );
    const envLines = fc.sample(
      fc
        .tuple(envName, fc.constantFrom(': ', '=', ': "'), envValue)
        .map(([n, sep, v]) => `${n}${sep}${v}${sep.includes('"') ? '"' : ''}\n`),
      { numRuns: 1500, seed: 7 },
    );
    const planted = perRule.slice(0, 400).filter((_, i) => i % 4 === 0);
    const encoded = planted.flatMap((text) => [
      `value: ${Buffer.from(text.trim()).toString('base64')}\n`,
      `value: ${encodeURIComponent(text.trim())}\n`,
    ]);
    const texts = [...perRule, ...envLines, ...encoded];
    const dir = await writeTempTree(texts.map((content, i) => ({ path: `case-${i}.txt`, content })));
    try {
      const report = await gitleaks(dir);
      const theirs = texts.map((_, i) =>
        report.findings
          .filter((f) => f.File.endsWith(`/case-${i}.txt`))
          .map((f) => `${f.RuleID} ${f.Secret}`)
          .sort(),
      );
      const ours = texts.map((text) =>
        gitleaksScan(text)
          .map((f) => `${f.ruleId} ${f.secret}`)
          .sort(),
      );
      const differences = texts.flatMap((text, i) =>
        JSON.stringify(theirs[i]) === JSON.stringify(ours[i])
          ? []
          : [{ text, gitleaks: theirs[i], gitleaksScan: ours[i] }],
      );
      const found = theirs.filter((f) => f.length > 0).length;
      const rules = new Set(theirs.flat().map((f) => f.split(' ')[0]));
      console.log(
        `gitleaks ${gitleaksVersion}: ${texts.length} texts (${perRule.length} from the rules' own regexes, ${envLines.length} env lines, ${encoded.length} encoded), gitleaks finds secrets in ${found} of them by ${rules.size} rules; gitleaksScan differs on ${differences.length}`,
      );
      expect(differences.slice(0, 5)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

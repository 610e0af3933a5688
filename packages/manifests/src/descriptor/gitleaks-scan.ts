import { decodePass, overlaps, toOriginal, type EncodedSegment } from './gitleaks-decode.js';
import { gitleaksGlobalAllowlist, gitleaksRules, type GitleaksAllowlist, type GitleaksRule } from './gitleaks-rules.js';
import { goRegexp } from './go-regexp.js';

/** A secret gitleaks' rules find in a text. */
export interface GitleaksFinding {
  /** The gitleaks rule, e.g. `github-pat`, `generic-api-key`. */
  readonly ruleId: string;
  /** The secret (the rule's secret group, else the whole match). */
  readonly secret: string;
  /** Line of the match in the text, from 1. */
  readonly line: number;
}

/** Options of {@link gitleaksScan}. */
export interface GitleaksScanOptions {
  /**
   * The file the text comes from, for the allowlists bound to paths.
   * @default - none: no path allowlist applies
   */
  readonly path?: string;
}

interface Compiled {
  readonly rule: GitleaksRule;
  readonly find: RegExp;
  readonly once: RegExp;
  readonly keywords: readonly string[];
  readonly allowlists: readonly CompiledAllowlist[];
}
interface CompiledAllowlist {
  readonly list: GitleaksAllowlist;
  readonly regexes: readonly RegExp[];
  readonly paths: readonly RegExp[];
}

const compileAllowlist = (list: GitleaksAllowlist): CompiledAllowlist => ({
  list,
  regexes: (list.regexes ?? []).map((r) => goRegexp(r)),
  paths: (list.paths ?? []).map((r) => goRegexp(r)),
});

/**
 * The keyword prefilter in one pass: a lookahead alternation of every keyword, longest first,
 * finds at each position the longest keyword starting there; every shorter keyword starting at
 * the same position is a prefix of it, so adding each found keyword's prefixes gives exactly the
 * set of keywords the text contains (what `lower.includes(k)` per keyword per rule answered, for
 * ~200 rules, on every string of a descriptor).
 */
interface KeywordIndex {
  readonly find: RegExp;
  readonly prefixes: ReadonlyMap<string, readonly string[]>;
}

function keywordIndex(keywords: readonly string[]): KeywordIndex {
  const unique = [...new Set(keywords)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const escaped = unique.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    find: new RegExp(`(?=(${escaped.join('|') || '(?!)'}))`, 'g'),
    prefixes: new Map(unique.map((k) => [k, unique.filter((p) => k.startsWith(p))])),
  };
}

function keywordsIn(lower: string, index: KeywordIndex): Set<string> {
  const present = new Set<string>();
  for (const match of lower.matchAll(index.find)) for (const k of index.prefixes.get(match[1]!) ?? []) present.add(k);
  return present;
}

let compiled: { rules: readonly Compiled[]; global: CompiledAllowlist; keywords: KeywordIndex } | undefined;
/** Rules are compiled on first use: most descriptors are validated once per process. */
function rules() {
  if (!compiled) {
    const list = gitleaksRules.map((rule) => ({
      rule,
      find: goRegexp(rule.regex, true),
      once: goRegexp(rule.regex),
      keywords: rule.keywords.map((k) => k.toLowerCase()),
      allowlists: (rule.allowlists ?? []).map(compileAllowlist),
    }));
    compiled = {
      rules: list,
      global: compileAllowlist(gitleaksGlobalAllowlist),
      keywords: keywordIndex(list.flatMap((r) => r.keywords)),
    };
  }
  return compiled;
}

/** gitleaks' Shannon entropy: counted per code point, divided by the UTF-8 length, as in Go. */
export function shannonEntropy(data: string): number {
  if (data === '') return 0;
  const counts = new Map<string, number>();
  for (const c of data) counts.set(c, (counts.get(c) ?? 0) + 1);
  const length = new TextEncoder().encode(data).length;
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

interface Candidate {
  readonly secret: string;
  readonly match: string;
  readonly line: string;
}

/** gitleaks' checkFindingAllowed: an OR allowlist matches by regex or stopword, an AND one by all it lists. */
function allowed(candidate: Candidate, lists: readonly CompiledAllowlist[], path: string | undefined): boolean {
  return lists.some(({ list, regexes, paths }) => {
    const target =
      list.regexTarget === 'match' ? candidate.match : list.regexTarget === 'line' ? candidate.line : candidate.secret;
    const regex = target !== '' && regexes.some((r) => r.test(target));
    const lower = candidate.secret.toLowerCase();
    const stopword = candidate.secret !== '' && (list.stopwords ?? []).some((w) => lower.includes(w));
    if (list.condition !== 'AND') return regex || stopword;
    const checks: boolean[] = [];
    if (paths.length) checks.push(path !== undefined && paths.some((p) => p.test(path)));
    if (regexes.length) checks.push(regex);
    if (list.stopwords?.length) checks.push(stopword);
    return checks.every(Boolean);
  });
}

/**
 * The line(s) of a match as gitleaks' location() cuts them: from the newline before the match
 * to the newline after it; on a last line with no newline after, from the start of the text.
 */
function lineAround(text: string, start: number, end: number): { line: string; number: number } {
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
  if (newlines.length === 0) newlines.push(text.length);
  let previous = 0;
  let from = 0;
  let to = 0;
  let number = -1;
  newlines.forEach((newline, index) => {
    if (previous <= start && start < newline) {
      number = index;
      from = previous;
      to = newline;
    }
    if (previous < end && end <= newline) to = newline;
    previous = newline;
  });
  if (number < 0) {
    number = newlines.length;
    to = end;
    while (to < text.length && text[to] !== '\n' && text[to] !== '\r') to++;
  }
  return { line: text.slice(from, to), number };
}

/** gitleaks' CurrentLine: the line of the decoded text around a decoded run. */
function currentLine(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (let i = Math.min(start, text.length - 1); i > -1; i--) {
    if (text[i] === '\n') {
      from = i;
      break;
    }
  }
  for (let i = end; i < text.length; i++) {
    if (text[i] === '\n') {
      to = i;
      break;
    }
  }
  return text.slice(from, to);
}

function detectRule(
  text: string,
  current: string,
  { rule, find, once, allowlists }: Compiled,
  segments: readonly EncodedSegment[],
  path: string | undefined,
): GitleaksFinding[] {
  const out: GitleaksFinding[] = [];
  // An allowlist with only paths (OR) skips the rule for that file.
  if (path !== undefined && allowlists.some((a) => a.list.condition !== 'AND' && a.paths.some((p) => p.test(path))))
    return out;
  for (const m of current.matchAll(find)) {
    const match = m[0].replace(/^\n+|\n+$/g, '');
    let start = m.index;
    let end = m.index + match.length;
    let line: string;
    if (segments.length) {
      const touched = segments.filter((s) => overlaps(s.decoded, { start: m.index, end: m.index + m[0].length }));
      if (touched.length === 0) continue; // found in an earlier pass
      ({ start, end } = toOriginal(touched, { start: m.index, end: m.index + m[0].length }));
      const decoded = touched.reduce(
        (a, s) => ({ start: Math.min(a.start, s.decoded.start), end: Math.max(a.end, s.decoded.end) }),
        touched[0]!.decoded,
      );
      line = currentLine(current, decoded.start, decoded.end);
    } else {
      line = lineAround(text, start, end).line;
    }
    const location = lineAround(text, start, end);
    if (location.line.includes('gitleaks:allow')) continue;
    const groups = once.exec(match);
    let secret = match;
    if (groups && groups.length >= 2) {
      if (rule.secretGroup) secret = groups[rule.secretGroup] ?? '';
      else secret = groups.slice(1).find((g) => g !== undefined && g !== '') ?? match;
    }
    if (rule.entropy !== undefined && shannonEntropy(secret) <= rule.entropy) continue;
    const candidate = { secret, match, line };
    if (allowed(candidate, [rules().global], path) || allowed(candidate, allowlists, path)) continue;
    out.push({ ruleId: rule.id, secret, line: location.number });
  }
  return out;
}

/**
 * Scans a text with the ported gitleaks rules the way `gitleaks dir` scans a file: keyword
 * prefilter, each rule's regex, secret group, entropy threshold, global and rule allowlists
 * (regexes, stopwords), up to five decoding passes (percent, hex, base64), and a generic finding
 * dropped where a specific rule found the same secret on the same line. Pure.
 * @see https://github.com/gitleaks/gitleaks#configuration
 */
export function gitleaksScan(text: string, options: GitleaksScanOptions = {}): GitleaksFinding[] {
  const findings: GitleaksFinding[] = [];
  const cache = new Map<string, string>();
  let current = text;
  let segments: EncodedSegment[] = [];
  for (let depth = 0; ; depth++) {
    const present = keywordsIn(current.toLowerCase(), rules().keywords);
    for (const compiledRule of rules().rules) {
      if (compiledRule.keywords.length && !compiledRule.keywords.some((k) => present.has(k))) continue;
      findings.push(...detectRule(text, current, compiledRule, segments, options.path));
    }
    if (depth + 1 > 5) break;
    [current, segments] = decodePass(current, segments, cache);
    if (segments.length === 0) break;
  }
  return findings.filter((f) => {
    if (!f.ruleId.includes('generic')) return true;
    return !findings.some(
      (g) => g.line === f.line && g.ruleId !== f.ruleId && !g.ruleId.includes('generic') && g.secret.includes(f.secret),
    );
  });
}

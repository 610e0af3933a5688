import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { issue, type Issue } from '@sugarkube/core';
import { validateApp, type ValidationResult } from './validate-app.js';

function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else out.push(match[3] !== undefined ? (JSON.parse(`"${match[3]}"`) as string) : match[1]!);
  }
  return out;
}

/**
 * Duplicate keys, found in one pass. The yaml library's own `uniqueKeys` check compares every key
 * with every earlier one in its map (quadratic: a 2.5 MB file with 40k keys took 40 s); a set per
 * map gives the same answer, with the same message, in linear time.
 */
function duplicateKeys(document: Document): { pos: number; message: string }[] {
  const found: { pos: number; message: string }[] = [];
  visit(document, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? `s:${String(pair.key.value)}` : `j:${JSON.stringify(pair.key)}`;
        if (seen.has(key))
          found.push({
            pos: (pair.key as { range?: [number] } | null)?.range?.[0] ?? 0,
            message: 'Map keys must be unique',
          });
        seen.add(key);
      }
    },
  });
  return found.sort((a, b) => a.pos - b.pos);
}

/**
 * Parses and validates `sugarkube.yaml`. YAML syntax errors and validation
 * errors come back the same way; each message starts with its line number.
 */
export function loadAppYaml(text: string, fileName = 'sugarkube.yaml'): ValidationResult {
  const wrong = [
    ...(typeof text === 'string' ? [] : [issue(['text'], 'the text of sugarkube.yaml', text)]),
    ...(typeof fileName === 'string'
      ? []
      : [issue(['fileName'], 'a file name for messages, e.g. "sugarkube.yaml"', fileName)]),
  ];
  if (wrong.length > 0) return { warnings: [], errors: wrong };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  // The first syntax error only: the parser's later ones are mostly the same mistake seen again.
  const problems = document.errors.length
    ? [{ pos: document.errors[0]!.pos[0], message: document.errors[0]!.message }]
    : duplicateKeys(document);
  if (problems.length) {
    const errors: Issue[] = problems.map((problem) => {
      const at = lineCounter.linePos(problem.pos);
      const text = problem.message.split('\n')[0]!;
      return { path: '', expected: 'valid YAML', received: text, message: `${fileName}:${at.line}:${at.col}: ${text}` };
    });
    return { warnings: [], errors };
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // yaml refuses to expand an alias bomb (maxAliasCount) while converting: a problem of the file, not a crash.
    const text = (error as Error).message.split('\n')[0]!;
    return {
      warnings: [],
      errors: [{ path: '', expected: 'valid YAML', received: text, message: `${fileName}:1:1: ${text}` }],
    };
  }
  const result = validateApp(value);
  const locate = (issue: Issue): Issue => {
    const parts = segments(issue.path);
    for (let n = parts.length; n >= 0; n--) {
      const node = document.getIn(parts.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const at = lineCounter.linePos(node.range[0]);
        return { ...issue, message: `${fileName}:${at.line}:${at.col}: ${issue.message}` };
      }
    }
    return { ...issue, message: `${fileName}: ${issue.message}` };
  };
  return { ...result, errors: result.errors.map(locate), warnings: result.warnings.map(locate) };
}

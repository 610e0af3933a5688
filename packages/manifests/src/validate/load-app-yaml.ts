import { LineCounter, parseDocument } from 'yaml';
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
 * Parses and validates `sugarkube.yaml`. YAML syntax errors and validation
 * errors come back the same way; each message starts with its line number.
 */
export function loadAppYaml(text: string, fileName = 'sugarkube.yaml'): ValidationResult {
  const wrong = [
    ...(typeof text === 'string' ? [] : [issue(['text'], 'the text of sugarkube.yaml', text)]),
    ...(typeof fileName === 'string' ? [] : [issue(['fileName'], 'a file name for messages, e.g. "sugarkube.yaml"', fileName)]),
  ];
  if (wrong.length > 0) return { warnings: [], errors: wrong };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length) {
    const errors: Issue[] = document.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      const text = error.message.split('\n')[0]!;
      return { path: '', expected: 'valid YAML', received: text, message: `${fileName}:${at.line}:${at.col}: ${text}` };
    });
    return { warnings: [], errors };
  }
  let data: unknown;
  try {
    // Aliases resolve here: an alias without its anchor, or too many of them, fails now.
    data = document.toJS();
  } catch (error) {
    const text = (error as Error).message.split('\n')[0]!;
    return { warnings: [], errors: [{ path: '', expected: 'valid YAML', received: text, message: `${fileName}: ${text}` }] };
  }
  const result = validateApp(data);
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

import type { Problem } from '../cli-error.js';

/** The envelope's bytes: one JSON document and a newline. */
export function renderEnvelope(
  command: string,
  exitCode: number,
  report: unknown,
  problems: readonly Problem[],
  warnings: readonly Problem[],
): string {
  const clean = (list: readonly Problem[]) =>
    list.map((p) => ({
      message: p.message,
      ...(p.file !== undefined ? { file: p.file } : {}),
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
    }));
  return `${JSON.stringify({ command, exitCode, report: report ?? null, problems: clean(problems), warnings: clean(warnings) }, null, 2)}\n`;
}

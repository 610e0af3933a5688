import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

/** One compiler error: where, its code (`TS2561`) and its text. */
export interface CompileError {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

/** The last program per project: later checks reuse its unchanged source files (much faster). */
const previous = new Map<string, ts.Program>();

/**
 * Type-checks a TypeScript project (its `tsconfig.json`) with one edit planted in one source
 * file, in memory: `from` (which must occur exactly once) replaced by `to`. Without an edit
 * (`from === to`) it checks the project as it is. Returns the compiler's errors, so a test can
 * show that a mistake is a compile error (a misspelled field of a typed object), and which one.
 */
export function compileWithEdit(options: {
  readonly tsconfig: string;
  readonly file: string;
  readonly from: string;
  readonly to: string;
}): CompileError[] {
  const file = resolve(options.file);
  const original = readFileSync(file, 'utf8');
  const occurrences = original.split(options.from).length - 1;
  if (occurrences !== 1)
    throw new Error(`${file}: expected "${options.from}" exactly once, found it ${occurrences} times`);
  const edited = original.replace(options.from, options.to);
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(options.tsconfig),
    { noEmit: true },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`${options.tsconfig}: not a TypeScript project`);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (resolve(name) === file ? edited : readFile(name));
  const key = resolve(options.tsconfig);
  const oldProgram = previous.get(key);
  const program = ts.createProgram({
    rootNames: config.fileNames,
    options: { ...config.options, noEmit: true },
    host,
    ...(oldProgram ? { oldProgram } : {}),
  });
  previous.set(key, program);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: `TS${d.code}`,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

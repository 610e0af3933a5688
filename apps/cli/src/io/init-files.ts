import { readFile, writeFile } from 'node:fs/promises';
import { inputError } from '../cli-error.js';
import { jsonSyntaxProblem } from './json-file-error.js';
import { fileExists } from './read-input-file.js';

/** Writes a new file; `false` when it exists and `force` is not set (nothing written). */
export async function writeNewFile(path: string, text: string, force: boolean): Promise<boolean> {
  try {
    await writeFile(path, text, { flag: force ? 'w' : 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw inputError([
      {
        message: `${path}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        file: path,
      },
    ]);
  }
}

/** A package.json as an object, or undefined when there is none; bad JSON is bad input (file and line). */
export async function readPackageJson(path: string, shown: string): Promise<Record<string, unknown> | undefined> {
  if (!(await fileExists(path))) return undefined;
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError([jsonSyntaxProblem(path, shown, text, error as Error)]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw inputError([{ message: `${shown}:1: expected a JSON object`, file: path, line: 1 }]);
  return value as Record<string, unknown>;
}

/** Overwrites a file the user asked to change (package.json after `init cluster`). */
export async function writeTextFile(path: string, text: string): Promise<void> {
  await writeFile(path, text);
}

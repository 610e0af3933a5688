import { readFileSync } from 'node:fs';
import { ValidationError, issue } from '@sugarkube/core';
import type { App } from '../descriptor/app.js';
import { loadAppYaml } from '../validate/load-app-yaml.js';

/**
 * Reads and validates an app's `sugarkube.yaml`: the one reader every way in uses (the projen
 * entry point, the cluster definition, the CLI).
 * @throws ValidationError naming the file, line and column of every problem
 */
export function readAppYaml(path: string): App {
  if (typeof path !== 'string' || path === '')
    throw new ValidationError('app descriptor path', [issue([], 'the path of a sugarkube.yaml', path)]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ValidationError(`app descriptor ${path}`, [issue([], 'a readable sugarkube.yaml', path, reason)]);
  }
  const result = loadAppYaml(text, path);
  if (!result.value) throw new ValidationError(`app descriptor ${path}`, result.errors);
  return result.value;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every `.yaml`/`.yml` file under `dir` (recursively), as `{ name, content }`, in path order. */
export function readYamlTree(dir: string): { name: string; content: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((path) => ({ name: relative(dir, path), content: readFileSync(path, 'utf8') }));
}

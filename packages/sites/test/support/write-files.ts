import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes generated `{ path, content }` files under a fresh temp dir and returns it. */
export function writeFiles(files: readonly { path: string; content: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-sites-files-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

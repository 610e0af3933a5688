import { commentLines, type GeneratedFile } from '@sugarkube/core';

/** Where a static-nginx build writes the script, relative to the build context. */
export const precompressScriptPath = 'precompress.mjs';

/** File types worth precompressing for `gzip_static` (the generated nginx.conf turns it on). */
export const precompressedExtensions = [
  'html',
  'js',
  'mjs',
  'css',
  'svg',
  'json',
  'txt',
  'xml',
  'wasm',
  'webmanifest',
] as const;

/**
 * The build step that runs the script on the built site: `node precompress.mjs DIR` plus
 * `--keep-source-maps` and one `--skip PREFIX` per no-store prefix (files replaced at run time,
 * whose stale `.gz` twin gzip_static would otherwise serve).
 */
export function precompressCommand(
  siteDir: string,
  options: { readonly sourceMaps: boolean; readonly skip: readonly string[] },
): string {
  return [
    'node',
    precompressScriptPath,
    siteDir,
    ...(options.sourceMaps ? ['--keep-source-maps'] : []),
    ...options.skip.flatMap((prefix) => ['--skip', prefix]),
  ].join(' ');
}

/**
 * A dependency-free Node script the build stage runs on the build output: deletes source maps
 * (unless `--keep-source-maps`) and writes `x.gz` (level 9, no name or mtime: reproducible) next
 * to every text file over 1 KB, except under `--skip <prefix>`. Node, not `find`/`gzip`: their
 * flags differ between GNU and busybox, the script does not. Pure.
 */
export function precompressScript(header: string): GeneratedFile {
  const content = `${commentLines(header, '//')}// Usage: node ${precompressScriptPath} DIR [--keep-source-maps] [--skip PREFIX/]...
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const [dir, ...flags] = process.argv.slice(2);
if (!dir) throw new Error('usage: node ${precompressScriptPath} DIR [--keep-source-maps] [--skip PREFIX/]...');
const keepSourceMaps = flags.includes('--keep-source-maps');
const skip = flags.flatMap((flag, i) => (flag === '--skip' && flags[i + 1] ? [flags[i + 1]] : []));
const types = /\\.(${precompressedExtensions.join('|')})$/;
let maps = 0;
let written = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath, entry.name);
  const url = relative(dir, path).split(sep).join('/');
  if (entry.name.endsWith('.map') && !keepSourceMaps) {
    rmSync(path);
    maps++;
    continue;
  }
  if (!types.test(entry.name) || statSync(path).size <= 1024 || skip.some((prefix) => url.startsWith(prefix))) continue;
  writeFileSync(\`\${path}.gz\`, gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }));
  written++;
}
console.log(\`precompress: \${written} .gz files written, \${maps} source maps removed in \${dir}\`);
`;
  return { path: precompressScriptPath, content };
}

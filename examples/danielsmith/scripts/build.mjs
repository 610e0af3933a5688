// A tiny stand-in for `vite build`: the same output shape (dist/index.html referencing
// dist/assets/<name>-<hash>.js and .css, public/ copied as is, a source map next to the script)
// without the dependency. Usage: node scripts/build.mjs [outDir]
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'dist');
// Vite's hash: 8 characters of base64url over the content.
const hash = (text) => createHash('sha256').update(text).digest('base64url').slice(0, 8);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'assets'), { recursive: true });
cpSync(join(root, 'public'), out, { recursive: true });
const emit = (source, ext) => {
  const text = readFileSync(join(root, source), 'utf8');
  const name = `assets/index-${hash(text)}.${ext}`;
  writeFileSync(join(out, name), ext === 'js' ? `${text}//# sourceMappingURL=${name.slice(7)}.map\n` : text);
  if (ext === 'js') writeFileSync(join(out, `${name}.map`), JSON.stringify({ version: 3, sources: [source], mappings: '' }));
  return name;
};
const js = emit('src/main.js', 'js');
const css = emit('src/style.css', 'css');
const html = readFileSync(join(root, 'index.html'), 'utf8').replace('/src/main.js', `/${js}`).replace('/src/style.css', `/${css}`);
writeFileSync(join(out, 'index.html'), html);
console.log(`built ${out}: ${js}, ${css}`);

// Builds dist/ the way jobbot3000's scripts/build-static.js does (there with esbuild):
// the tracker script into dist/assets/, plus index.html and 404.html.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const src = readFileSync('src/web/tracker/tracker.js', 'utf8');
const hash = createHash('sha256').update(src).digest('hex').slice(0, 8);
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/assets', { recursive: true });
writeFileSync(`dist/assets/tracker-${hash}.js`, src);
const page = (title, body) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body>${body}<script type="module" src="/assets/tracker-${hash}.js"></script></body></html>\n`;
writeFileSync('dist/index.html', page('jobbot3000', '<h1>jobbot3000</h1><p id="status">Your applications stay in this browser.</p>'));
writeFileSync('dist/404.html', page('Not found', '<h1>Not found</h1>'));
console.log(`built dist/ (tracker-${hash}.js)`);

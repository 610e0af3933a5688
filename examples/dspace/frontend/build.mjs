// Stands in for `astro build` with the node adapter (output: 'server', mode: 'standalone'):
// writes the SSR entry to dist/server/entry.mjs and static assets to dist/client/.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/client', { recursive: true });
cpSync('src/server.mjs', 'dist/server/entry.mjs');
writeFileSync('dist/client/index.html', '<!doctype html><title>DSPACE</title><h1>DSPACE</h1>\n');
writeFileSync('dist/build-info.json', `${JSON.stringify({ gitSha: process.env.VITE_GIT_SHA ?? 'unknown' })}\n`);
console.log('built dist/server/entry.mjs and dist/client/');

// The SSR server (what Astro's standalone node adapter produces): renders pages on request,
// serves /healthz and /livez for the probes, listens on HOST:PORT (8080).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { greeting } from '@dspace-example/greeting';

const root = new URL('../', import.meta.url);
const buildInfo = readFileSync(new URL('build-info.json', root), 'utf8');
const port = Number(process.env.PORT ?? '8080');
const host = process.env.HOST ?? '0.0.0.0';

const server = createServer((req, res) => {
  const json = (code, body) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.url === '/healthz' || req.url === '/health') return json(200, { status: 'ok' });
  if (req.url === '/livez') return json(200, { status: 'alive' });
  if (req.url === '/build-info.json') return json(200, JSON.parse(buildInfo));
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(`<!doctype html><title>DSPACE</title><h1>${greeting('space')}</h1>\n`);
});
server.listen(port, host, () => console.log(`dspace SSR on ${host}:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// jobbot3000's production server shape (scripts/static-server.js): Express 5 serving the
// built static files with security headers, and health endpoints for the probes.
import express from 'express';

const port = Number(process.env.PORT ?? process.env.JOBBOT_WEB_PORT ?? '3000');
const distDir = process.env.JOBBOT_STATIC_DIR ?? new URL('../dist', import.meta.url).pathname;
const app = express();

app.disable('x-powered-by');
app.use((_req, res, next) => {
  res.set('Content-Security-Policy', "default-src 'self'");
  res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
});
const health = (_req, res) => res.json({ status: 'ok', mode: 'static', persistence: 'browser-indexeddb' });
app.get('/healthz', health);
app.get('/livez', health);
app.get('/health', health);
app.get('/ready', health);
app.use(express.static(distDir, { maxAge: '1h' }));

const server = app.listen(port, '0.0.0.0', () => console.log(`jobbot3000 static server on :${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

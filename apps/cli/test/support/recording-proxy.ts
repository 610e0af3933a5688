import { createServer, request, type Server } from 'node:http';
import type { RecordedRequest } from './github-openapi.js';

/**
 * An HTTP proxy in front of a forge's API root that records every request and its answer as they
 * go over the wire, so a test can check what a command sent without changing how it sends it.
 */
export async function startRecordingProxy(
  target: string,
): Promise<{ apiUrl: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const upstream = new URL(target);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(incoming.url!, 'http://proxy');
      const forwarded = request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: `${upstream.pathname.replace(/\/$/, '')}${url.pathname}${url.search}`,
          headers: { ...incoming.headers, host: upstream.host },
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const text = Buffer.concat(parts).toString('utf8');
            const parse = (t: string) => {
              try {
                return t ? (JSON.parse(t) as unknown) : undefined;
              } catch {
                return t;
              }
            };
            requests.push({
              method: incoming.method!,
              path: url.pathname,
              query: url.search,
              body: parse(body.toString('utf8')),
              status: answer.statusCode!,
              response: parse(text),
            });
            outgoing.writeHead(answer.statusCode!, answer.headers);
            outgoing.end(Buffer.concat(parts));
          });
        },
      );
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

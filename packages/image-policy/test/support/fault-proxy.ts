// A small fault-injecting HTTP proxy for the registry client's tests: it sits in front of a real
// registry (or token server) on loopback and forwards every request unchanged, except those an
// injected fault matches, which get a 429/5xx answer instead (with the Retry-After the test asks
// for), a reset connection, or no answer at all. Every request is recorded with its time, so a
// test can check what the client retried and how long it waited.
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  /** answer with this status (and headers/body) instead of forwarding */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string;
    }
  /** close the connection without answering */
  | { readonly kind: 'reset' }
  /** accept the request and never answer */
  | { readonly kind: 'stall' }
  /** forward the request, send the upstream's status and headers, then never send the body */
  | { readonly kind: 'stall-body' };

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  /** Date.now() when the request arrived */
  readonly at: number;
  /** the fault applied, if any */
  readonly fault?: Fault['kind'];
}

export interface FaultProxy {
  /** `127.0.0.1:PORT` */
  readonly host: string;
  readonly requests: ProxiedRequest[];
  /**
   * The next `times` requests whose path matches get `fault`, after letting `skip` of them through
   * (rules apply in the order injected).
   */
  inject(path: RegExp, fault: Fault, times?: number, skip?: number): void;
  /** Drops the faults not yet used. */
  clear(): void;
  close(): Promise<void>;
}

/** Starts a proxy to `upstream` (`127.0.0.1:PORT`). */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const [upstreamHost, upstreamPort] = upstream.split(':') as [string, string];
  const rules: { path: RegExp; fault: Fault; left: number; skip: number }[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, res: ServerResponse, stallBody: boolean) => {
    const out = httpRequest(
      { host: upstreamHost, port: Number(upstreamPort), method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (stallBody) {
          res.flushHeaders();
          answer.resume();
          return;
        }
        answer.pipe(res);
      },
    );
    out.on('error', (error) => res.destroy(error));
    req.pipe(out);
  };

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    let rule = rules.find((r) => r.left > 0 && r.path.test(path));
    if (rule && rule.skip > 0) {
      rule.skip--;
      rule = undefined;
    }
    if (rule) rule.left--;
    const fault = rule?.fault;
    requests.push({ method: req.method ?? 'GET', path, at: Date.now(), ...(fault ? { fault: fault.kind } : {}) });
    if (!fault) return forward(req, res, false);
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers }).end(fault.body ?? '');
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'stall':
        return;
      case 'stall-body':
        return forward(req, res, true);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    inject: (path, fault, times = 1, skip = 0) => void rules.push({ path, fault, left: times, skip }),
    clear: () => void rules.splice(0),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

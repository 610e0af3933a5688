import { request } from 'node:https';

export interface HttpsGetOptions {
  /** PEM of the CA to trust; without it the certificate is not checked (self-signed component ports). */
  readonly ca?: string;
  readonly token?: string;
  /** @default 5000 */
  readonly timeoutMs?: number;
}

/** GET over HTTPS; resolves with the status and body, rejects only when nothing answered. */
export function httpsGet(url: string, options: HttpsGetOptions = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        ca: options.ca,
        rejectUnauthorized: options.ca !== undefined,
        headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
        timeout: options.timeoutMs ?? 5_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in ${options.timeoutMs ?? 5_000} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Run as a child process by `locate-module-error.ts` when importing a cluster module failed
 * without saying where: imports the module again, under the inspector, and prints where the
 * failing value was thrown as JSON (`{"url":…,"line":…,"column":…}`). A thrown string or object
 * carries no stack; the debugger's pause on the throw does. A SyntaxError in a JavaScript module
 * has no location on the error object; rethrown uncaught, Node prints `file:LINE` above it.
 */
import { Session } from 'node:inspector';

interface Paused {
  readonly reason: string;
  readonly data?: { readonly type?: string; readonly value?: unknown; readonly description?: string };
  readonly callFrames: readonly { readonly url: string; readonly location: { readonly lineNumber: number; readonly columnNumber: number } }[];
}

const session = new Session();
session.connect();
const post = (method: string, params: object = {}) =>
  new Promise<void>((resolve, reject) => session.post(method, params, (error) => (error ? reject(error) : resolve())));
const throws: { url: string; line: number; column: number; value: unknown }[] = [];
session.on('Debugger.paused', (message: { params: Paused }) => {
  const { params } = message;
  const frame = params.callFrames.find((f) => f.url !== '' && !f.url.startsWith('node:'));
  if (params.reason === 'exception' && frame) {
    throws.push({ url: frame.url, line: frame.location.lineNumber + 1, column: frame.location.columnNumber + 1, value: params.data?.value ?? params.data?.description });
  }
  session.post('Debugger.resume');
});
await post('Debugger.enable');
await post('Debugger.setPauseOnExceptions', { state: 'all' });
try {
  await import(process.argv[2]!);
  process.stdout.write('{}\n');
} catch (error) {
  await post('Debugger.disable');
  if (error instanceof SyntaxError) throw error;
  const thrown = error instanceof Error ? error.stack?.split('\n')[0] : error;
  const match = [...throws].reverse().find((t) => t.value === thrown || (typeof t.value === 'string' && typeof thrown === 'string' && t.value.startsWith(thrown))) ?? throws.at(-1);
  process.stdout.write(`${JSON.stringify(match ? { url: match.url, line: match.line, column: match.column } : {})}\n`);
}

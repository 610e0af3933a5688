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
  readonly callFrames: readonly {
    readonly url: string;
    readonly location: { readonly scriptId: string; readonly lineNumber: number; readonly columnNumber: number };
  }[];
}

const ownRoot = new URL('../', import.meta.url).href;
const session = new Session();
session.connect();
const post = (method: string, params: object = {}) =>
  new Promise<void>((resolve, reject) => session.post(method, params, (error) => (error ? reject(error) : resolve())));
const throws: { url: string; line: number; column: number; value: unknown }[] = [];
// Call frames of module code often carry no url: the script's url comes from its scriptParsed event.
const scripts = new Map<string, string>();
session.on('Debugger.scriptParsed', (message: { params: { scriptId: string; url: string } }) =>
  scripts.set(message.params.scriptId, message.params.url),
);
session.on('Debugger.paused', (message: { params: Paused }) => {
  const { params } = message;
  const urlOf = (f: Paused['callFrames'][number]) => f.url || scripts.get(f.location.scriptId) || '';
  // The user's code: not Node's internals, not this CLI (whose import() is on every stack).
  const frame = params.callFrames.find(
    (f) => urlOf(f) !== '' && !urlOf(f).startsWith('node:') && !urlOf(f).startsWith(ownRoot),
  );
  if (params.reason === 'exception' && frame) {
    throws.push({
      url: urlOf(frame),
      line: frame.location.lineNumber + 1,
      column: frame.location.columnNumber + 1,
      value: params.data?.value ?? params.data?.description,
    });
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
  const match =
    [...throws]
      .reverse()
      .find(
        (t) =>
          t.value === thrown ||
          (typeof t.value === 'string' && typeof thrown === 'string' && t.value.startsWith(thrown)),
      ) ?? throws.at(-1);
  process.stdout.write(`${JSON.stringify(match ? { url: match.url, line: match.line, column: match.column } : {})}\n`);
}

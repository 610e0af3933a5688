import type { CommandContext } from '../context.js';

/** All of stdin as bytes (the chunks are zeroed once copied: a secret stays in one buffer). */
export async function readStdin(context: CommandContext): Promise<Buffer> {
  if (!context.stdin && process.stdin.isTTY)
    context.stderr.write('reading the value from stdin (end it with Ctrl-D)…\n');
  const chunks: Buffer[] = [];
  for await (const chunk of context.stdin ?? process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  const value = Buffer.concat(chunks);
  for (const chunk of chunks) chunk.fill(0);
  return value;
}

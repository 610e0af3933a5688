import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderYaml } from '@sugarkube/core';
import { UsageError, type Command, type CommandContext } from '../context.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { parseSealingCertificate } from '../secret/parse-sealing-certificate.js';
import { checkSealTarget, sealedSecretObject, sealSecretValue } from '../secret/seal-secret-value.js';
import { sealingScopes, type SealingScope } from '../secret/sealing-scope.js';

const usage = `Usage: sugarkube secret seal --cert FILE [--namespace NS] [--name NAME]
                             [--scope ${sealingScopes.join('|')}] [--format raw|yaml] [--key KEY]

Seals the value read from stdin for a cluster's sealed-secrets controller, with the
controller's public certificate (kubeseal --fetch-cert > cert.pem; safe to commit), in
kubeseal's format: an AES-256-GCM session key encrypts the value, RSA-OAEP (SHA-256) with
the scope's label encrypts the key. No kubeseal, no cluster access. The value never
touches disk: it is read from stdin into memory and only the ciphertext is printed.
The bytes are sealed exactly as read: use printf '%s', not echo, to leave out a newline.

  printf '%s' "$TOKEN" | sugarkube secret seal --cert cert.pem \\
    --namespace cert-manager --name cloudflare-api-token

Options:
  --cert FILE        the controller's public certificate (PEM); an expired one is refused
  --namespace NS     the Secret's namespace (required unless --scope cluster-wide)
  --name NAME        the Secret's name (required for strict scope and for --format yaml)
  --scope SCOPE      strict (default): only this name in this namespace may unseal it;
                     namespace-wide: any name in the namespace; cluster-wide: anywhere
  --format FORMAT    raw (default): the encryptedData value, as kubeseal --raw prints it;
                     yaml: a SealedSecret holding it under --key
  --key KEY          the key in the Secret's data (required with --format yaml)

Exit codes: 0 sealed; 2 usage error, no value on stdin, or an unreadable, non-RSA or
expired certificate.`;

async function readStdin(context: CommandContext): Promise<Buffer> {
  if (!context.stdin && process.stdin.isTTY)
    context.stderr.write('reading the value from stdin (end it with Ctrl-D)…\n');
  const chunks: Buffer[] = [];
  for await (const chunk of context.stdin ?? process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  const value = Buffer.concat(chunks);
  for (const chunk of chunks) chunk.fill(0);
  return value;
}

export const secretCommand: Command = {
  name: 'secret',
  summary: 'seal a value from stdin for the sealed-secrets controller (secret seal --cert FILE …)',
  usage,
  async run(args, context) {
    const parsed = parseCommandArgs(
      args,
      {
        cert: { type: 'string' },
        name: { type: 'string' },
        namespace: { type: 'string' },
        scope: { type: 'string' },
        format: { type: 'string' },
        key: { type: 'string' },
      },
      true,
    );
    const [sub, ...extra] = parsed.positionals;
    if (sub !== 'seal')
      throw new UsageError(
        sub === undefined ? 'missing subcommand: seal' : `unknown subcommand "${sub}": expected seal`,
      );
    if (extra.length > 0)
      throw new UsageError(
        `unexpected arguments: ${extra.join(' ')} (the value is read from stdin, never from the command line)`,
      );
    const { cert, name, namespace, key } = parsed.values;
    const scope = (parsed.values.scope ?? 'strict') as SealingScope;
    const format = parsed.values.format ?? 'raw';
    const errors = [
      ...(cert
        ? []
        : ["--cert: expected the controller's certificate file (kubeseal --fetch-cert > cert.pem), received nothing"]),
      ...(sealingScopes.includes(scope)
        ? checkSealTarget({ scope, name, namespace })
        : [`--scope: expected one of ${sealingScopes.join(', ')}, received "${scope}"`]),
      ...(format === 'raw' || format === 'yaml' ? [] : [`--format: expected raw or yaml, received "${format}"`]),
      ...(format === 'yaml' && !key
        ? ["--key: expected the key in the Secret's data (with --format yaml), received nothing"]
        : []),
      ...(format === 'yaml' && !name
        ? ["--name: expected the SealedSecret's name (with --format yaml), received nothing"]
        : []),
    ];
    if (errors.length > 0) throw new UsageError([...new Set(errors)].join('\n'));
    const certPath = resolve(context.cwd, cert!);
    let publicKey;
    try {
      publicKey = parseSealingCertificate(await readFile(certPath, 'utf8'), certPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      context.stderr.write(
        `sugarkube secret: ${code ? `${certPath}: cannot read the certificate (${code})` : (error as Error).message}\n`,
      );
      return 2;
    }
    const value = await readStdin(context);
    try {
      if (value.length === 0) {
        context.stderr.write(
          'sugarkube secret: no value on stdin: pipe the secret in, e.g. printf \'%s\' "$TOKEN" | sugarkube secret seal …\n',
        );
        return 2;
      }
      if (value[value.length - 1] === 0x0a)
        context.stderr.write(
          "warning: the value ends with a newline, which is sealed with it (printf '%s' leaves it out)\n",
        );
      const sealed = sealSecretValue(publicKey, value, { scope, name, namespace });
      context.stdout.write(
        format === 'raw'
          ? `${sealed}\n`
          : renderYaml([sealedSecretObject({ scope, name: name!, namespace }, key!, sealed)]),
      );
      return 0;
    } finally {
      value.fill(0);
    }
  },
};

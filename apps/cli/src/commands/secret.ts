import { resolve } from 'node:path';
import { renderYaml } from '@sugarkube/core';
import { z } from 'zod';
import { inputError, UsageError } from '../cli-error.js';
import { defineCommand } from '../command.js';
import { expectSubcommand } from '../subcommand.js';
import { exitCodes } from '../exit-codes.js';
import { shownPath } from '../io/load-cluster.js';
import { readInputFile } from '../io/read-input-file.js';
import { readStdin } from '../io/read-stdin.js';
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
  --key KEY          the key in the Secret's data (required with --format yaml)`;

const report = z
  .object({
    format: z.enum(['raw', 'yaml']),
    scope: z.enum(sealingScopes),
    sealed: z.string().describe('raw: the encryptedData value (base64); yaml: the SealedSecret document.'),
  })
  .strict();

export const secretCommand = defineCommand({
  usage,
  subcommands: ['seal'],
  options: {
    cert: { type: 'string', values: 'file' },
    name: { type: 'string' },
    namespace: { type: 'string' },
    scope: { type: 'string', values: sealingScopes },
    format: { type: 'string', values: ['raw', 'yaml'] },
    key: { type: 'string' },
  },
  exitCodes: [exitCodes.ok, exitCodes.usage, exitCodes.internal],
  report,
  async run({ args, context }) {
    const [sub, ...extra] = args.positionals;
    expectSubcommand(sub, ['seal']);
    if (extra.length > 0)
      throw new UsageError(
        `unexpected arguments: ${extra.join(' ')} (the value is read from stdin, never from the command line)`,
      );
    const { cert, name, namespace, key } = args.values as Record<string, string | undefined>;
    const scope = ((args.values.scope as string | undefined) ?? 'strict') as SealingScope;
    const format = (args.values.format as string | undefined) ?? 'raw';
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
    const pem = await readInputFile(context.cwd, certPath, 'the certificate');
    let publicKey;
    try {
      publicKey = parseSealingCertificate(pem, shownPath(context.cwd, certPath));
    } catch (error) {
      throw inputError([{ message: (error as Error).message, file: certPath }]);
    }
    const value = await readStdin(context);
    try {
      if (value.length === 0)
        throw inputError(
          'no value on stdin: pipe the secret in, e.g. printf \'%s\' "$TOKEN" | sugarkube secret seal …',
        );
      const warnings =
        value[value.length - 1] === 0x0a
          ? [{ message: "the value ends with a newline, which is sealed with it (printf '%s' leaves it out)" }]
          : [];
      const sealed = sealSecretValue(publicKey, value, { scope, name, namespace });
      const text =
        format === 'raw' ? sealed : renderYaml([sealedSecretObject({ scope, name: name!, namespace }, key!, sealed)]);
      return { exitCode: exitCodes.ok, report: { format: format as 'raw' | 'yaml', scope, sealed: text }, warnings };
    } finally {
      value.fill(0);
    }
  },
  print(r, { out }) {
    out(r.format === 'raw' ? `${r.sealed}\n` : r.sealed);
  },
});

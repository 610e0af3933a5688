import { describe, expect, it } from 'vitest';
import { validateApp } from '../src/index.js';
import { namesASecret } from '../src/descriptor/secret-names.js';
import { urlsWithPassword } from '../src/descriptor/url-credentials.js';

const minimal = (env: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  name: 'shop',
  services: [{ name: 'web', runtime: 'node', image: { repository: 'ghcr.io/acme/shop' }, port: 8080, env }],
  ...extra,
});
const messages = (input: unknown) => validateApp(input).errors.map((e) => e.message);
const seal = (name: string, key: string) =>
  `seal it instead: kubectl create secret generic ${name} --namespace shop --from-literal=${key}=<value> --dry-run=client -o yaml | kubeseal --format yaml ` +
  `--controller-namespace kube-system --controller-name sealed-secrets, then put its spec.encryptedData under sealedSecrets.${name}.encryptedData and reference it as {secret: ${name}, key: ${key}}`;

// Test credentials: shaped like real ones, valid for nothing.
const githubToken = 'ghp_4aB9cD2eF7gH1iJ6kL3mN8oP5qR0sT2uVwXy';
const awsKeyId = 'AKIA2OGYBAH6STMMNXNN';

describe('plaintext secrets in env values', () => {
  it('refuses the names the old rule let through: SECRET_KEY, AWS_SECRET_ACCESS_KEY, DB_PASS, with the path and how to seal', () => {
    const errors = messages(minimal({ SECRET_KEY: 'dev', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI', DB_PASS: 'hunter2' }));
    expect(errors).toEqual([
      `services[0].env.SECRET_KEY: plaintext secret value refused (SECRET_KEY looks like a secret); ${seal('shop-secret-key', 'secret_key')}`,
      `services[0].env.AWS_SECRET_ACCESS_KEY: plaintext secret value refused (AWS_SECRET_ACCESS_KEY looks like a secret); ${seal('shop-aws-secret-access-key', 'aws_secret_access_key')}`,
      `services[0].env.DB_PASS: plaintext secret value refused (DB_PASS looks like a secret); ${seal('shop-db-pass', 'db_pass')}`,
    ]);
    expect(errors.join('\n')).not.toMatch(/hunter2|wJalr/);
  });

  it('refuses a password inside a URL whatever the name, and never prints it', () => {
    const errors = messages(minimal({ DATABASE_URL: 'postgres://app:Zq7rT2pLx9@db:5432/app' }));
    expect(errors).toEqual([
      `services[0].env.DATABASE_URL: plaintext secret value refused (the URL carries a password: postgres://app:…@db:5432); ${seal('shop-database-url', 'database_url')}`,
    ]);
  });

  it('refuses what gitleaks finds, under any name and anywhere in the descriptor', () => {
    const errors = messages(
      minimal(
        { GH: githubToken },
        {
          configMaps: { settings: { 'aws.txt': `key id ${awsKeyId}` } },
          environments: {
            staging: {
              extraObjects: [
                {
                  apiVersion: 'v1',
                  kind: 'ConfigMap',
                  metadata: { name: 'hooks' },
                  data: { slack: 'https://hooks.slack.com/services/T01ABCDEF/B01ABCDEF/abcdefghijklmnopqrstuvwx' },
                },
              ],
            },
            prod: {},
          },
        },
      ),
    );
    expect(errors.map((e) => e.replace(/; seal it instead.*/, ''))).toEqual([
      'services[0].env.GH: plaintext secret value refused (gitleaks rule github-pat finds a secret in it)',
      'configMaps.settings["aws.txt"]: plaintext secret value refused (gitleaks rule aws-access-token finds a secret in it)',
      'environments.staging.extraObjects[0].data.slack: plaintext secret value refused (gitleaks rule slack-webhook-url finds a secret in it)',
    ]);
  });

  it('finds a credential gitleaks would find once decoded (base64, percent-encoding)', () => {
    const errors = messages(
      minimal({
        BLOB: Buffer.from(`token=${githubToken}`).toString('base64'),
        QUERY: encodeURIComponent(`a=${githubToken}`),
      }),
    );
    expect(errors.map((e) => e.replace(/; seal it instead.*/, ''))).toEqual([
      'services[0].env.BLOB: plaintext secret value refused (gitleaks rule github-pat finds a secret in it)',
      'services[0].env.QUERY: plaintext secret value refused (gitleaks rule github-pat finds a secret in it)',
    ]);
  });

  it('checks env entries in patches and extra objects by name too', () => {
    const errors = messages(
      minimal(
        {},
        {
          environments: {
            prod: {
              patches: [
                {
                  target: { kind: 'Deployment', name: 'web' },
                  strategicMerge: {
                    spec: {
                      template: {
                        spec: { containers: [{ name: 'web', env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }] },
                      },
                    },
                  },
                },
              ],
            },
          },
        },
      ),
    );
    expect(errors.map((e) => e.replace(/; seal it instead.*/, ''))).toEqual([
      'environments.prod.patches[0].strategicMerge.spec.template.spec.containers[0].env[0].value: plaintext secret value refused (DB_PASSWORD looks like a secret)',
    ]);
  });

  it('accepts what is not a credential: names that describe one, numbers, references, a URL without a password', () => {
    expect(
      messages(
        minimal({
          TOKEN_URL: 'https://auth.example.org/token',
          PASSWORD_FILE: '/run/secrets/db',
          SECRET_NAME: 'db',
          PASSWORD_MIN_LENGTH: '12',
          CACHE_KEY: 'v2',
          DB_PASSWORD: '$(POSTGRES_PASSWORD)',
          DATABASE_URL: 'postgres://app:$(DB_PASSWORD)@db:5432/app',
          PUBLIC_URL: 'https://shop.example.org/',
          LOG_LEVEL: 'info',
          SESSION_SECRET: { secret: 'session', key: 'value' },
          API_TOKEN: '',
        }),
      ),
    ).toEqual([]);
  });
});

describe('the rules behind it', () => {
  it('names: a secret word anywhere, a key of some kind last, unless the last word describes the secret', () => {
    const secret = [
      'SECRET_KEY',
      'AWS_SECRET_ACCESS_KEY',
      'DB_PASS',
      'dbPassword',
      'db-password',
      'GITHUB_TOKEN',
      'STRIPE_API_KEY',
      'SSH_KEY',
      'CLIENT_SECRET',
      'PASSPHRASE',
      'AUTH_TOKEN',
    ];
    const not = [
      'TOKEN_URL',
      'PASSWORD_FILE',
      'SECRET_NAME',
      'TOKEN_TTL',
      'CACHE_KEY',
      'KEY',
      'TOKENPLACE_METRICS_ENABLED',
      'AWS_ACCESS_KEY_ID',
      'PASSTHROUGH',
      'LOG_LEVEL',
    ];
    expect(secret.filter((n) => !namesASecret(n))).toEqual([]);
    expect(not.filter((n) => namesASecret(n))).toEqual([]);
  });

  it('URLs: the password is redacted; user-only userinfo and variable references are not passwords', () => {
    expect(urlsWithPassword('redis://:s3cret@cache:6379/0 and amqp://user:pw@mq')).toEqual([
      'redis://:…@cache:6379',
      'amqp://user:…@mq',
    ]);
    expect(urlsWithPassword('https://user@example.org/ https://example.org/a:b@c ftp://u:${PASS}@host')).toEqual([]);
  });
});

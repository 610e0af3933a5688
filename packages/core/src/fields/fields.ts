import { z } from 'zod';
import { unknownKeysMessage } from '../issues/did-you-mean.js';

/**
 * A strict object: unknown keys are errors, reported with a "did you mean"
 * against the keys this object knows.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys, known) : undefined),
  });
}

/** An integer in [min, max]; the message is the "expected" phrase of every failure. */
export function intIn(min: number, max: number, phrase = `an integer ${min}-${max}`) {
  return z.number({ error: phrase }).int({ error: phrase }).min(min, { error: phrase }).max(max, { error: phrase });
}

function pattern(regex: RegExp, phrase: string) {
  return z.string({ error: phrase }).regex(regex, { error: phrase });
}

/** RFC 1123 label: names of apps, services, volumes, routes and environments. */
export const dnsLabel = pattern(
  /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/,
  'a DNS label (lowercase letters, digits and "-", starting with a letter, at most 63 characters), e.g. "web"',
);
/** Kubernetes object name (RFC 1123 subdomain). */
export const objectName = pattern(
  /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
  'a Kubernetes object name (lowercase letters, digits, "-" and "."), e.g. "dspace-metrics-token"',
);
export const port = intIn(1, 65535);
export const cpuQuantity = pattern(/^([1-9][0-9]*m|[0-9]+(\.[0-9]+)?)$/, 'a CPU quantity such as "100m" or "0.5"');
export const memoryQuantity = pattern(/^[1-9][0-9]*(Ki|Mi|Gi)$/, 'a memory quantity such as "256Mi" or "1Gi"');
export const storageQuantity = pattern(/^[1-9][0-9]*(Mi|Gi|Ti)$/, 'a storage size such as "1Gi"');
export const absolutePath = pattern(/^\/[A-Za-z0-9._~\-/]*$/, 'an absolute path such as "/tmp"');
export const httpPath = pattern(/^\/[A-Za-z0-9._~\-/%]*$/, 'an HTTP path such as "/healthz"');
export const envName = pattern(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name such as "PORT"');
export const hostname = pattern(
  /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/,
  'a lowercase DNS hostname such as "staging.example.org"',
);
export const imageRepository = pattern(
  /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/,
  'an image repository without tag, such as "ghcr.io/owner/image"',
);
export const imageTag = pattern(
  /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/,
  'an image tag such as "main-1700000000-abc1234"',
);
export const imageDigest = pattern(/^sha256:[a-f0-9]{64}$/, 'an image digest "sha256:<64 hex digits>"');
/** A full image reference (repository plus tag or digest), for init containers and sidecars. */
export const imageReference = pattern(
  /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})?(@sha256:[a-f0-9]{64})?$/,
  'an image reference such as "docker.io/library/python:3.12-alpine"',
);
export const cidr = pattern(
  /^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\/([0-9]|[12][0-9]|3[0-2])$/,
  'an IPv4 CIDR such as "10.0.0.0/8"',
);
export const duration = pattern(/^[1-9][0-9]*(s|m|h)$/, 'a duration such as "30s"');
/** A Go duration as Flux's CRDs accept it (`interval`, `timeout`): `5m`, `1h30m`, `500ms`. */
export const fluxDuration = pattern(/^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/, 'a Go duration such as "5m" or "1h30m"');
export const labelValue = pattern(/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/, 'a label value such as "traefik"');
export const stringList = z.array(z.string({ error: 'a string' }), { error: 'a list of strings' });

/** A relative path inside a repository: no leading "/", no "..", no spaces, quotes or globs. */
export const repoPath = pattern(
  /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\s"'$\\*?[\]]+$/,
  'a relative path inside the repo without spaces, quotes, globs or "..", e.g. "requirements.txt"',
);
/** A GitHub owner (user or organisation) as GHCR writes it. */
export const githubOwner = pattern(/^[a-z0-9][a-z0-9-]*$/, 'a GitHub owner such as "futuroptimist"');
/** A Git branch name (no spaces, no "..", no leading "-"). */
export const branchName = pattern(/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/, 'a branch name such as "main"');

/** The value of a dotted-quad IPv4 address, or undefined when an octet is missing or over 255. */
function ipv4Value(text: string): number | undefined {
  const octets = text.split('.');
  if (octets.length !== 4 || !octets.every((o) => /^(0|[1-9][0-9]{0,2})$/.test(o) && Number(o) <= 255))
    return undefined;
  return octets.reduce((sum, o) => sum * 256 + Number(o), 0);
}

const ipv4RangePhrase = 'an IPv4 range such as "192.168.1.240-192.168.1.250" or CIDR "192.168.1.240/28"';

/**
 * An IPv4 address range as MetalLB takes it: `start-end` (both addresses valid, start not after
 * end) or a CIDR.
 * @see https://metallb.io/configuration/#defining-the-ips-to-assign-to-the-load-balancer-services
 */
export const ipv4Range = z.string({ error: ipv4RangePhrase }).check((ctx) => {
  const text = ctx.value;
  const fail = (why: string) =>
    ctx.issues.push({ code: 'custom', input: text, message: `${ipv4RangePhrase} (${why})` });
  if (text.includes('/')) {
    const [address = '', bits = ''] = text.split('/');
    if (ipv4Value(address) === undefined) fail(`"${address}" is not an IPv4 address`);
    else if (!/^([0-9]|[12][0-9]|3[0-2])$/.test(bits)) fail(`prefix length "${bits}" is not 0-32`);
    return;
  }
  const parts = text.split('-');
  if (parts.length !== 2) return void fail('one "-" between two addresses');
  const [start, end] = parts.map(ipv4Value);
  if (start === undefined) fail(`"${parts[0]}" is not an IPv4 address (four octets 0-255)`);
  if (end === undefined) fail(`"${parts[1]}" is not an IPv4 address (four octets 0-255)`);
  if (start !== undefined && end !== undefined && start > end) fail(`start ${parts[0]} is after end ${parts[1]}`);
});

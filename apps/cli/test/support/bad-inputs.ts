import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One bad input a user would produce: how to damage a valid cluster repo, what to run, the one line expected. */
export interface BadInput {
  readonly name: string;
  /** Damages the repo in `dir` (a valid cluster repo whose tree is synthesized). */
  readonly setup?: (dir: string) => void;
  readonly argv: readonly string[];
  /** The one line on stderr (after `sugarkube <command>: `); it names the path into the input. */
  readonly line: RegExp;
  readonly stdin?: string;
}

/** Directories made immutable (chattr +i, which stops root too); the test unlocks them afterwards. */
export const lockedDirectories: string[] = [];
function lockDirectory(path: string): void {
  mkdirSync(path);
  const locked = spawnSync('chattr', ['+i', path]);
  if (locked.status !== 0) throw new Error(`chattr +i ${path}: ${locked.stderr}`);
  lockedDirectories.push(path);
}

const edit = (dir: string, file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
const descriptor = (change: (text: string) => string) => (dir: string) => edit(dir, 'shop/sugarkube.yaml', change);
const definition = (change: (text: string) => string) => (dir: string) => edit(dir, 'cluster.mjs', change);
const pins = (value: unknown) => (dir: string) =>
  writeFileSync(join(dir, 'sugarkube.pins.json'), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const packageJson = (text: string) => (dir: string) => writeFileSync(join(dir, 'package.json'), text);
const module =
  (text: string, file = 'cluster.mjs') =>
  (dir: string) => {
    writeFileSync(join(dir, file), text);
    if (file !== 'cluster.mjs') edit(dir, 'package.json', (t) => t.replace('"cluster.mjs"', JSON.stringify(file)));
  };
const yamlFile = 'shop/sugarkube\\.yaml';
const at = (line: string) => new RegExp(`^${yamlFile}:\\d+:\\d+: ${line}`);
const inDefinition = (path: string) => new RegExp(`^cluster\\.mjs: ${path}`);
const inPins = (path: string) => new RegExp(`^sugarkube\\.pins\\.json: ${path}`);

/** A huge but valid-looking descriptor: 2.5 MB, 40,000 env keys, one real mistake (port 0). */
function hugeDescriptor(text: string): string {
  const env = Array.from({ length: 40_000 }, (_, i) => `      KEY_${i}_${'x'.repeat(40)}: "v${i}"`).join('\n');
  return text.replace('    port: 8080\n', `    port: 0\n    env:\n${env}\n`);
}

const twoApps = (second: string) =>
  definition((t) =>
    t.replace(
      "repository: { url: 'https://github.com/acme/shop' } }],",
      `repository: { url: 'https://github.com/acme/shop' } }, ${second}],`,
    ),
  );
const otherApp = (extra: string) =>
  `{ app: { name: 'blog', ${extra} services: [{ name: 'web', runtime: 'static-nginx', image: { repository: 'ghcr.io/acme/blog', tag: 'v1.0.0' }, port: 8080, probes: { readiness: '/healthz', liveness: '/livez' } }], routes: [{ apex: 'shop.example.org' }] }, repository: { url: 'https://github.com/acme/blog' } }`;

/**
 * The corpus: bad inputs a user produces (malformed files, wrong types, typos, clashes, secrets,
 * removed APIs, broken modules and package.json files, unusable output directories, bad flags).
 */
export const badInputs: readonly BadInput[] = [
  // sugarkube.yaml, read by the cluster module through readAppYaml
  {
    name: 'malformed YAML (unclosed flow sequence)',
    setup: descriptor((t) => t.replace('environments:', 'environments: [')),
    argv: ['synth'],
    line: at(''),
  },
  {
    name: 'tab indentation',
    setup: descriptor((t) => t.replace('    port: 8080', '\tport: 8080')),
    argv: ['synth'],
    line: at(''),
  },
  {
    name: 'duplicate key',
    setup: descriptor((t) => t.replace('name: shop\n', 'name: shop\nname: shop2\n')),
    argv: ['synth'],
    line: at('Map keys must be unique'),
  },
  {
    name: 'port of the wrong type',
    setup: descriptor((t) => t.replace('port: 8080', 'port: "80a"')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.port: expected an integer 1-65535, received "80a"'),
  },
  {
    name: 'port out of range',
    setup: descriptor((t) => t.replace('port: 8080', 'port: 99999')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.port: expected an integer 1-65535, received 99999'),
  },
  {
    name: 'runtime typo',
    setup: descriptor((t) => t.replace('runtime: static-nginx', 'runtime: static-ngnix')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.runtime: expected one of'),
  },
  {
    name: 'typo in a key (imgae)',
    setup: descriptor((t) => t.replace('    image:', '    imgae:')),
    argv: ['synth'],
    line: at('services\\[0\\]'),
  },
  {
    name: 'typo in a top-level key (enviroments)',
    setup: descriptor((t) => t.replace('environments:', 'enviroments:')),
    argv: ['synth'],
    line: at('.*enviroments'),
  },
  {
    name: 'invalid app name',
    setup: descriptor((t) => t.replace('name: shop\n', 'name: Shop_1\n')),
    argv: ['synth'],
    line: at('name: expected a DNS label'),
  },
  {
    name: 'negative replicas',
    setup: descriptor((t) => t.replace('    port: 8080', '    port: 8080\n    replicas: -1')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.replicas: expected'),
  },
  {
    name: 'memory quantity of the wrong form',
    setup: descriptor((t) => t.replace('    port: 8080', '    port: 8080\n    resources:\n      memory: lots')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.resources\\.memory: expected'),
  },
  {
    name: 'probe path without a slash',
    setup: descriptor((t) => t.replace('readiness: /healthz', 'readiness: healthz')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.probes\\.readiness'),
  },
  {
    name: 'sidecar port equal to the service port',
    setup: descriptor((t) =>
      t.replace(
        '    port: 8080',
        '    port: 8080\n    sidecars:\n      - name: proxy\n        image: ghcr.io/acme/proxy:1.0.0\n        port: 8080',
      ),
    ),
    argv: ['synth'],
    line: at("services\\[0\\]\\.sidecars\\[0\\]\\.port: expected a port not used by the service's own container"),
  },
  {
    name: 'two sidecars on one port',
    setup: descriptor((t) =>
      t.replace(
        '    port: 8080',
        '    port: 8080\n    sidecars:\n      - name: a\n        image: ghcr.io/acme/a:1.0.0\n        port: 9100\n      - name: b\n        image: ghcr.io/acme/b:1.0.0\n        port: 9100',
      ),
    ),
    argv: ['synth'],
    line: at('services\\[0\\]\\.sidecars\\[1\\]\\.port: expected a port not used by sidecar "a"'),
  },
  {
    name: 'a 1.5 MB ConfigMap',
    setup: descriptor((t) => `${t}configMaps:\n  big:\n    data.txt: "${'x'.repeat(1.5 * 1024 * 1024)}"\n`),
    argv: ['synth'],
    line: at('configMaps\\.big: expected at most 1 MiB of data'),
  },
  {
    name: 'plaintext password in env',
    setup: descriptor((t) =>
      t.replace('    port: 8080', '    port: 8080\n    env:\n      DB_PASSWORD: hunter2-hunter2'),
    ),
    argv: ['synth'],
    line: at('services\\[0\\]\\.env\\.DB_PASSWORD: plaintext secret value refused'),
  },
  {
    name: 'plaintext token recognised by gitleaks',
    setup: descriptor((t) =>
      t.replace('    port: 8080', '    port: 8080\n    env:\n      UPSTREAM: ghp_R8x2Lq9ZtV4mWb7NcY1pKd3HsF6gJe0uTa5Q'),
    ),
    argv: ['synth'],
    line: at('services\\[0\\]\\.env\\.UPSTREAM: plaintext secret value refused'),
  },
  {
    name: 'URL with a password in env',
    setup: descriptor((t) =>
      t.replace('    port: 8080', '    port: 8080\n    env:\n      DATABASE_URL: postgres://app:s3cretpw@db:5432/app'),
    ),
    argv: ['synth'],
    line: at('services\\[0\\]\\.env\\.DATABASE_URL: plaintext secret value refused'),
  },
  {
    name: 'removed Flux API in extra objects (helm v2beta1)',
    setup: descriptor((t) =>
      t.replace(
        '  prod: {}',
        '  prod:\n    extraObjects:\n      - apiVersion: helm.toolkit.fluxcd.io/v2beta1\n        kind: HelmRelease\n        metadata:\n          name: x',
      ),
    ),
    argv: ['synth'],
    line: at('environments\\.prod\\.extraObjects\\[0\\]\\.apiVersion: expected a GA Flux API'),
  },
  {
    name: 'removed Flux API in extra objects (kustomize v1beta2)',
    setup: descriptor((t) =>
      t.replace(
        '  staging: {}',
        '  staging:\n    extraObjects:\n      - apiVersion: kustomize.toolkit.fluxcd.io/v1beta2\n        kind: Kustomization\n        metadata:\n          name: x',
      ),
    ),
    argv: ['synth'],
    line: at('environments\\.staging\\.extraObjects\\[0\\]\\.apiVersion: expected a GA Flux API'),
  },
  {
    name: 'garbage bytes as sugarkube.yaml',
    setup: (dir) =>
      writeFileSync(
        join(dir, 'shop/sugarkube.yaml'),
        Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x7b, 0x7d, 0x5d, 0x3a, 0x0a, 0x80, 0x81]),
      ),
    argv: ['synth'],
    line: at(''),
  },
  {
    name: 'an empty sugarkube.yaml',
    setup: (dir) => writeFileSync(join(dir, 'shop/sugarkube.yaml'), ''),
    argv: ['synth'],
    line: new RegExp(`^${yamlFile}: expected`),
  },
  {
    name: 'a list instead of a map',
    setup: (dir) => writeFileSync(join(dir, 'shop/sugarkube.yaml'), '- name: shop\n'),
    argv: ['synth'],
    line: at('expected'),
  },
  {
    name: 'services is a string',
    setup: descriptor((t) => t.replace(/services:\n[\s\S]*?routes:/, 'services: web\nroutes:')),
    argv: ['synth'],
    line: at('services: expected'),
  },
  {
    name: 'no services',
    setup: descriptor((t) => t.replace(/services:\n[\s\S]*?routes:/, 'services: []\nroutes:')),
    argv: ['synth'],
    line: at('services: expected'),
  },
  {
    name: 'image repository in capitals',
    setup: descriptor((t) => t.replace(/repository: .*/, 'repository: GHCR.io/Acme/Shop')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.image\\.repository: expected'),
  },
  {
    name: 'route apex that is no hostname',
    setup: descriptor((t) => t.replace('apex: shop.example.org', 'apex: not a host')),
    argv: ['synth'],
    line: at('routes\\[0\\]\\.apex: expected'),
  },
  {
    name: 'route host for an unknown environment',
    setup: descriptor((t) =>
      t.replace('  - apex: shop.example.org', '  - apex: shop.example.org\n    hosts:\n      qa: qa.example.org'),
    ),
    argv: ['synth'],
    line: at('routes\\[0\\]\\.hosts\\.qa'),
  },
  {
    name: 'relative writable path',
    setup: descriptor((t) => t.replace('    port: 8080', '    port: 8080\n    writablePaths:\n      - tmp')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.writablePaths\\[0\\]'),
  },
  { name: 'two YAML documents', setup: descriptor((t) => `${t}---\nname: other\n`), argv: ['synth'], line: at('') },
  {
    name: 'YAML alias bomb',
    setup: (dir) =>
      writeFileSync(
        join(dir, 'shop/sugarkube.yaml'),
        `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`,
      ),
    argv: ['synth'],
    line: at(''),
  },
  {
    name: 'env value that is a map',
    setup: descriptor((t) => t.replace('    port: 8080', '    port: 8080\n    env:\n      MODE: { a: 1 }')),
    argv: ['synth'],
    line: at('services\\[0\\]\\.env\\.MODE'),
  },
  {
    name: 'a 2.5 MB sugarkube.yaml with 40,000 keys and one mistake',
    setup: descriptor(hugeDescriptor),
    argv: ['synth'],
    line: at('services\\[0\\]\\.port: expected an integer 1-65535, received 0'),
  },
  // the cluster definition in cluster.mjs
  {
    name: 'two exposures in one environment',
    setup: definition((t) =>
      t.replace(
        'prod: { exposure: { cloudflareTunnel: {} },',
        "prod: { exposure: { cloudflareTunnel: {}, metallb: { addresses: ['192.168.1.240/28'] } },",
      ),
    ),
    argv: ['synth'],
    line: inDefinition('environments\\.prod\\.exposure\\.metallb: expected no metallb when cloudflareTunnel is set'),
  },
  {
    name: 'two apps on one host',
    setup: twoApps(
      otherApp('').replace(
        "routes: [{ apex: 'shop.example.org' }]",
        "routes: [{ apex: 'blog.example.org', hosts: { staging: 'staging.shop.example.org' } }]",
      ),
    ),
    argv: ['synth'],
    line: inDefinition(
      'apps\\[1\\]\\.app\\.routes: expected a staging host not served by apps\\[0\\], received "staging\\.shop\\.example\\.org"',
    ),
  },
  {
    name: 'two apps in one namespace',
    setup: twoApps(otherApp("namespace: 'shop',").replace("apex: 'shop.example.org'", "apex: 'blog.example.org'")),
    argv: ['synth'],
    line: inDefinition('apps\\[1\\]\\.app\\.namespace: expected a namespace not used by apps\\[0\\]'),
  },
  {
    name: 'typo in a definition key (dnsZone)',
    setup: definition((t) => t.replace('dnsZones:', 'dnsZone:')),
    argv: ['synth'],
    line: inDefinition('.*dnsZone'),
  },
  {
    name: 'app in an unknown environment',
    setup: definition((t) =>
      t.replace(
        "repository: { url: 'https://github.com/acme/shop' } }",
        "repository: { url: 'https://github.com/acme/shop' }, environments: ['qa'] }",
      ),
    ),
    argv: ['synth'],
    line: inDefinition("apps\\[0\\]\\.environments\\[0\\]: expected one of the cluster's environments"),
  },
  {
    name: 'ACME e-mail that is not one',
    setup: definition((t) => t.replace("acmeEmail: 'ops@example.org'", "acmeEmail: 'ops'")),
    argv: ['synth'],
    line: inDefinition('acmeEmail: expected'),
  },
  {
    name: 'repository URL over FTP',
    setup: definition((t) => t.replace("url: 'https://github.com/acme/gitops'", "url: 'ftp://github.com/acme/gitops'")),
    argv: ['synth'],
    line: inDefinition('repository\\.url: expected'),
  },
  {
    name: 'no environments',
    setup: definition((t) => t.replace(/environments: \{[\s\S]*?\n  \},/, 'environments: {},')),
    argv: ['synth'],
    line: inDefinition('environments: expected'),
  },
  {
    name: 'cluster name in capitals',
    setup: definition((t) => t.replace("name: 'acme'", "name: 'ACME'")),
    argv: ['synth'],
    line: inDefinition('name: expected'),
  },
  // the cluster module itself
  {
    name: 'module throws a string',
    setup: module("throw 'no definition yet';\n"),
    argv: ['synth'],
    line: /^cluster\.mjs:1:1: the cluster module failed to load: it threw the string "no definition yet", not an Error$/,
  },
  {
    name: 'module throws an Error',
    setup: module(
      "const broken = () => { throw new Error('cannot read the zones'); };\nbroken();\nexport default {};\n",
    ),
    argv: ['synth'],
    line: /^cluster\.mjs:1:30: the cluster module failed to load: cannot read the zones$/,
  },
  {
    name: 'module exports nothing',
    setup: module('export const x = 1;\n'),
    argv: ['synth'],
    line: /^cluster\.mjs: expected `export default clusterModule\(\{ definition, pinsFile \}\)` \(from @sugarkube\/cluster\), received no default export$/,
  },
  {
    name: 'module exports a plain object',
    setup: module('export default { definition: {}, pinsFile: "p.json" };\n'),
    argv: ['synth'],
    line: /^cluster\.mjs: expected `export default clusterModule.*received an object with keys definition, pinsFile$/,
  },
  {
    name: 'syntax error in the module',
    setup: module('export default {\n  a: 1,\n  b: ,\n};\n'),
    argv: ['synth'],
    line: /^cluster\.mjs:3: the cluster module failed to load: SyntaxError: Unexpected token ','$/,
  },
  {
    name: 'syntax error in a TypeScript module',
    setup: module("const zones: string[] = [\n  'example.org',\nexport default zones;\n", 'cluster.ts'),
    argv: ['synth'],
    line: /^cluster\.ts:\d+: the cluster module failed to load: SyntaxError: /,
  },
  {
    name: 'module imports a missing file',
    setup: module("import './zones.mjs';\nexport default {};\n"),
    argv: ['synth'],
    line: /^cluster\.mjs: the cluster module failed to load: Cannot find module '.*zones\.mjs' imported from .*cluster\.mjs$/,
  },
  {
    name: 'module imports a package that is not installed',
    setup: module("import 'left-pad-zones';\nexport default {};\n"),
    argv: ['synth'],
    line: /^cluster\.mjs: the cluster module failed to load: Cannot find package 'left-pad-zones'/,
  },
  {
    name: 'module reads a descriptor that does not exist',
    setup: (dir) => rmSync(join(dir, 'shop/sugarkube.yaml')),
    argv: ['synth'],
    line: /^shop\/sugarkube\.yaml: expected a readable sugarkube\.yaml, received .*\(no such file\)$/,
  },
  // the pins file
  {
    name: 'pins file is not JSON',
    setup: pins('{\n  "prod": {\n    "shop": { "web": { "tag": "v1" }, }\n  }\n}\n'),
    argv: ['synth'],
    line: /^sugarkube\.pins\.json:3:39: expected valid JSON, received expected double-quoted property name$/,
  },
  {
    name: 'pin on a moving tag',
    setup: pins({
      prod: { shop: { web: { tag: 'latest' } } },
      staging: { shop: { web: { tag: 'main-1765000000-1111111' } } },
    }),
    argv: ['synth'],
    line: inPins('pins\\.prod\\.shop\\.web\\.tag: expected an immutable tag'),
  },
  {
    name: 'pin for an unknown app',
    setup: pins({
      prod: { shop: { web: { tag: 'v1.0.0' } }, shoop: { web: { tag: 'v1.0.0' } } },
      staging: { shop: { web: { tag: 'v1.0.0' } } },
    }),
    argv: ['synth'],
    line: inPins('pins\\.prod\\.shoop: expected an app that runs in prod'),
  },
  {
    name: 'pin for an unknown environment',
    setup: pins({
      prod: { shop: { web: { tag: 'v1.0.0' } } },
      staging: { shop: { web: { tag: 'v1.0.0' } } },
      qa: { shop: { web: { tag: 'v1.0.0' } } },
    }),
    argv: ['synth'],
    line: inPins("pins\\.qa: expected one of the cluster's environments"),
  },
  {
    name: 'pin with a malformed digest',
    setup: pins({
      prod: { shop: { web: { tag: 'v1.0.0', digest: 'sha256:abc' } } },
      staging: { shop: { web: { tag: 'v1.0.0' } } },
    }),
    argv: ['synth'],
    line: inPins('pins\\.prod\\.shop\\.web\\.digest: expected an image digest'),
  },
  {
    name: 'pin tag of the wrong type',
    setup: pins({ prod: { shop: { web: { tag: 5 } } }, staging: { shop: { web: { tag: 'v1.0.0' } } } }),
    argv: ['synth'],
    line: inPins('pins\\.prod\\.shop\\.web\\.tag: expected'),
  },
  {
    name: 'missing pin for prod',
    setup: pins({ staging: { shop: { web: { tag: 'v1.0.0' } } } }),
    argv: ['synth'],
    line: inPins('pins\\.prod\\.shop\\.web: expected a pin for'),
  },
  // package.json
  {
    name: 'package.json with a trailing comma',
    setup: packageJson(
      '{\n  "name": "acme-gitops",\n  "sugarkube": { "cluster": "cluster.mjs", },\n  "type": "module"\n}\n',
    ),
    argv: ['synth'],
    line: /^package\.json:3:44: expected valid JSON, received expected double-quoted property name$/,
  },
  {
    name: 'sugarkube.cluster is a number',
    setup: packageJson('{\n  "type": "module",\n  "sugarkube": {\n    "cluster": 42\n  }\n}\n'),
    argv: ['synth'],
    line: /^package\.json:4: sugarkube\.cluster: expected the path of the cluster module, e\.g\. "cluster\.ts", received 42$/,
  },
  {
    name: 'sugarkube.out is empty',
    setup: packageJson('{\n  "type": "module",\n  "sugarkube": { "cluster": "cluster.mjs", "out": "" }\n}\n'),
    argv: ['synth'],
    line: /^package\.json:3: sugarkube\.out: expected a directory, e\.g\. "\.", received ""$/,
  },
  {
    name: 'sugarkube is a string',
    setup: packageJson('{ "type": "module", "sugarkube": "cluster.mjs" }\n'),
    argv: ['synth'],
    line: /^package\.json:1: sugarkube: expected an object such as \{ "cluster": "cluster\.ts" \}, received "cluster\.mjs"$/,
  },
  {
    name: 'package.json is an array',
    setup: packageJson('[]\n'),
    argv: ['synth'],
    line: /^package\.json:1: expected a JSON object, received \[\]$/,
  },
  {
    name: 'sugarkube.cluster names a missing file',
    setup: packageJson('{ "type": "module", "sugarkube": { "cluster": "custer.mjs" } }\n'),
    argv: ['synth'],
    line: /^custer\.mjs: the cluster module does not exist$/,
  },
  // the output directory and the flags
  { name: '--out ""', argv: ['synth', '--out', ''], line: /^--out: expected a directory, received ""/ },
  {
    name: '--cluster ""',
    argv: ['synth', '--cluster', ''],
    line: /^--cluster: expected the path of the cluster module, received ""/,
  },
  {
    name: '--out is a file',
    setup: (dir) => writeFileSync(join(dir, 'a-file'), 'x\n'),
    argv: ['synth', '--out', 'a-file'],
    line: /a-file: expected a directory to write the tree into, found a file$/,
  },
  {
    name: '--out under a file',
    setup: (dir) => writeFileSync(join(dir, 'a-file'), 'x\n'),
    argv: ['synth', '--out', 'a-file/tree'],
    line: /a-file\/tree: cannot create the output directory \(ENOTDIR: a parent is a file\)$/,
  },
  {
    name: 'an output directory that cannot be written (immutable)',
    setup: (dir) => lockDirectory(join(dir, 'locked')),
    argv: ['synth', '--out', 'locked'],
    line: /locked: cannot lock it for writing \(EPERM\): the output directory must be writable$/,
  },
  { name: 'unknown flag', argv: ['synth', '--forse'], line: /^unknown option --forse \(did you mean --force\?\)/ },
  {
    name: 'flag without its value',
    argv: ['synth', '--cluster'],
    line: /^Option '--cluster <value>' argument missing/,
  },
  {
    name: 'diff --format html',
    argv: ['diff', '--format', 'html'],
    line: /^--format: expected one of unified, stat, markdown, received "html"/,
  },
  { name: '-o yaml', argv: ['validate', '-o', 'yaml'], line: /^-o: expected json or text, received "yaml"/ },
  {
    name: 'image check with a bad platform',
    argv: ['image', 'check', 'ghcr.io/acme/shop:v1', '--platforms', 'arm64'],
    line: /^invalid platform "arm64"/,
  },
  { name: 'image check with a bad reference', argv: ['image', 'check', 'GHCR.io/Acme Shop:v1'], line: /reference/i },
  {
    name: 'secret seal with an unknown scope',
    argv: ['secret', 'seal', '--cert', 'c.pem', '--scope', 'global'],
    line: /^--scope: expected one of strict, namespace-wide, cluster-wide, received "global"/,
  },
  {
    name: 'policy preview with a bad timeout',
    argv: ['policy', 'preview', '--timeout', 'soon'],
    line: /^--timeout: expected seconds between 0 and 600, received "soon"/,
  },
  { name: 'promote without --to', argv: ['promote', 'shop', '--from', 'staging'], line: /^--to: required/ },
  {
    name: 'promote an unknown app',
    argv: ['promote', 'shoop', '--from', 'staging', '--to', 'prod', '--dry-run'],
    line: /^APP: expected one of the cluster's apps \(shop\), received "shoop"$/,
  },
  {
    name: 'validate --dir of a missing directory',
    argv: ['validate', '--dir', 'nope'],
    line: /^nope: no such directory/,
  },
  {
    name: 'validate --app of garbage',
    setup: (dir) => writeFileSync(join(dir, 'junk.yaml'), '\u0000\u0001\u0002: [\n'),
    argv: ['validate', '--app', 'junk.yaml'],
    line: /^junk\.yaml:\d+:\d+: /,
  },
  {
    name: 'init with a port that is not one',
    argv: ['init', 'app', '--image', 'ghcr.io/acme/x', '--port', '80a'],
    line: /^--port: expected an integer 1-65535, received "80a"/,
  },
];

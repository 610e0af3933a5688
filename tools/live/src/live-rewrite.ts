import { isMap, parseAllDocuments, type Document } from 'yaml';

/** A file of a repository: `path` relative to its root. */
export interface TreeFile {
  readonly path: string;
  readonly content: string;
}

/** Where the live run serves what the real clusters fetch from the internet. */
export interface LiveEndpoints {
  /** The git server (`http://127.0.0.1:PORT`): stands in for `https://github.com`. */
  readonly gitUrl: string;
  /** The OCI registry (`127.0.0.1:PORT`, plain HTTP): stands in for `ghcr.io`. */
  readonly registryHost: string;
  /** The Helm chart repository (`http://127.0.0.1:PORT`) serving every chart the components pin. */
  readonly chartsUrl: string;
}

/** One field the live run changes, and why. */
export interface LiveEdit {
  readonly file: string;
  /** `Kind namespace/name`. */
  readonly object: string;
  /** `spec.url`, `spec.image`, `spec.insecure`, `spec.suspend`. */
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly reason: string;
}

export interface LiveRewrite {
  /** Every input file, in order: unchanged bytes where nothing changed, comments kept where something did. */
  readonly files: TreeFile[];
  readonly edits: LiveEdit[];
  /** Objects that point somewhere the run cannot serve and that no rule covers: `file: Kind ns/name: field …`. */
  readonly problems: string[];
}

const github = 'https://github.com/';
const ghcr = 'ghcr.io/';
const reasons = {
  git: 'the git server holds this repository at the same path (github.com is not reachable)',
  chart:
    'the chart repository of the run serves every chart the components pin (the public chart repositories are not reachable)',
  image: 'the registry of the run holds the images the apps built, at the same path (ghcr.io is not reachable)',
  insecure: 'the registry of the run speaks plain HTTP on loopback',
  offline: (url: string) =>
    `its chart (${url}) cannot be had offline: no registry here serves it; Flux itself runs as processes instead`,
} as const;

type Obj = {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: Record<string, unknown>;
};

/**
 * The synthesized cluster tree or an app repository, rewritten for the live run: repository URLs
 * (`https://github.com/<owner>/<repo>` → the git server, same path), HelmRepository URLs (→ the
 * run's chart repository), ImageRepository images (`ghcr.io/<owner>/<image>` → the run's registry,
 * same path, `insecure: true`), and the OCI charts nothing here serves (the flux-operator chart):
 * its OCIRepository and the HelmReleases on it get `suspend: true`. Nothing else changes: pods
 * keep their `ghcr.io` images (kwok pulls nothing), setter markers and comments stay. Pure.
 */
export function liveRewrite(files: readonly TreeFile[], endpoints: LiveEndpoints): LiveRewrite {
  const edits: LiveEdit[] = [];
  const problems: string[] = [];
  const parsed = files.map((file) => ({
    file,
    docs: /\.ya?ml$/.test(file.path) ? parseAllDocuments(file.content) : [],
  }));
  // OCIRepositories whose chart cannot be had, by namespace/name: their HelmReleases are suspended too.
  const offline = new Map<string, string>();
  for (const { docs } of parsed) {
    for (const doc of docs) {
      const o = toObject(doc);
      if (o?.kind === 'OCIRepository' && String(o.spec?.url ?? '').startsWith(`oci://${ghcr}`)) {
        offline.set(`${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`, String(o.spec?.url));
      }
    }
  }
  const out = parsed.map(({ file, docs }) => {
    let changed = false;
    for (const doc of docs) {
      const o = toObject(doc);
      if (!o?.kind || !o.spec) continue;
      const id = `${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
      const set = (field: string, to: unknown, reason: string) => {
        const path = field.split('.');
        edits.push({ file: file.path, object: id, field, from: doc.getIn(path), to, reason });
        doc.setIn(path, to);
        changed = true;
      };
      const url = String(o.spec.url ?? '');
      switch (o.kind) {
        case 'GitRepository':
          if (url.startsWith(github)) set('spec.url', `${endpoints.gitUrl}/${url.slice(github.length)}`, reasons.git);
          else problems.push(`${file.path}: ${id}: spec.url ${url} is not on github.com`);
          break;
        case 'HelmRepository':
          set('spec.url', endpoints.chartsUrl, reasons.chart);
          break;
        case 'OCIRepository': {
          const key = `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
          if (offline.has(key)) set('spec.suspend', true, reasons.offline(`${url}:${tagOf(o)}`));
          else problems.push(`${file.path}: ${id}: spec.url ${url}: no rule serves it`);
          break;
        }
        case 'HelmRelease': {
          const ref = o.spec.chartRef as { kind?: string; name?: string; namespace?: string } | undefined;
          const key = `${ref?.namespace ?? o.metadata?.namespace ?? ''}/${ref?.name ?? ''}`;
          if (ref?.kind === 'OCIRepository' && offline.has(key))
            set('spec.suspend', true, reasons.offline(offline.get(key)!));
          break;
        }
        case 'ImageRepository': {
          const image = String(o.spec.image ?? '');
          if (image.startsWith(ghcr)) {
            set('spec.image', `${endpoints.registryHost}/${image.slice(ghcr.length)}`, reasons.image);
            set('spec.insecure', true, reasons.insecure);
          } else problems.push(`${file.path}: ${id}: spec.image ${image} is not on ghcr.io`);
          break;
        }
      }
    }
    if (!changed) return file;
    return { path: file.path, content: docs.map((d) => d.toString({ lineWidth: 0 })).join('') };
  });
  return { files: out, edits, problems };
}

function toObject(doc: Document): Obj | undefined {
  if (!isMap(doc.contents)) return undefined;
  return doc.toJS() as Obj;
}

function tagOf(o: Obj): string {
  const ref = o.spec?.ref as { tag?: string } | undefined;
  return ref?.tag ?? 'latest';
}

/** One problem kubeconform found (or a kind it has no schema for). */
export interface ManifestProblem {
  /** The input file (its `path`, or `input.yaml` for a string input). */
  readonly source: string;
  readonly kind?: string;
  readonly name?: string;
  readonly message: string;
}

/** Counts per resource, and every problem. `skipped` only counts kinds listed in `allowMissing`. */
export interface ManifestReport {
  readonly valid: number;
  readonly invalid: number;
  readonly skipped: number;
  readonly problems: readonly ManifestProblem[];
}

/** One resource of `kubeconform -output json -verbose`. */
interface KubeconformResource {
  readonly filename?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly version?: string;
  readonly status?: string;
  readonly msg?: string;
  readonly validationErrors?: ReadonlyArray<{ readonly path?: string; readonly msg?: string }>;
}

const missingSchema = /^could not find schema for /;

/** True when `allowMissing` names this kind, as `Kind` or `apiVersion/Kind` (e.g. `example.com/v1/Widget`). */
function isAllowedMissing(resource: KubeconformResource, allowMissing: readonly string[]): boolean {
  const kind = resource.kind ?? '';
  return allowMissing.includes(kind) || allowMissing.includes(`${resource.version ?? ''}/${kind}`);
}

/**
 * Turns kubeconform's JSON output into a report. A resource without a schema is a
 * problem (a removed or unknown API), unless its kind is in `allowMissing`.
 * `sourceOf` maps kubeconform's file names back to the caller's paths.
 */
export function manifestReportFromKubeconform(
  json: string,
  allowMissing: readonly string[],
  sourceOf: (filename: string) => string,
): ManifestReport {
  let parsed: { resources?: KubeconformResource[] };
  try {
    parsed = JSON.parse(json) as { resources?: KubeconformResource[] };
  } catch {
    throw new Error(`kubeconform printed no JSON report:\n${json}`);
  }
  let valid = 0;
  let invalid = 0;
  let skipped = 0;
  const problems: ManifestProblem[] = [];
  for (const r of parsed.resources ?? []) {
    const where = {
      source: sourceOf(r.filename ?? ''),
      ...(r.kind ? { kind: r.kind } : {}),
      ...(r.name ? { name: r.name } : {}),
    };
    switch (r.status) {
      case 'statusValid':
        valid++;
        break;
      case 'statusEmpty':
        break;
      case 'statusSkipped':
        skipped++;
        break;
      case 'statusInvalid': {
        invalid++;
        const errors = r.validationErrors ?? [];
        if (errors.length === 0) problems.push({ ...where, message: r.msg ?? 'invalid' });
        for (const e of errors) problems.push({ ...where, message: `${e.path || '/'}: ${e.msg ?? 'invalid'}` });
        break;
      }
      default: {
        if (missingSchema.test(r.msg ?? '') && isAllowedMissing(r, allowMissing)) {
          skipped++;
          break;
        }
        invalid++;
        const message = missingSchema.test(r.msg ?? '')
          ? `no schema for ${r.version ?? '?'} ${r.kind ?? '?'}: the API is removed, misspelled or not among the installed CRDs (allow it with allowMissing)`
          : (r.msg ?? `kubeconform status ${r.status ?? 'unknown'}`);
        problems.push({ ...where, message });
      }
    }
  }
  problems.sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      (a.kind ?? '').localeCompare(b.kind ?? '') ||
      (a.name ?? '').localeCompare(b.name ?? '') ||
      a.message.localeCompare(b.message),
  );
  return { valid, invalid, skipped, problems };
}

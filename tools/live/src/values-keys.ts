/** A chart's default values, with those of its subcharts under their names (what Helm merges). */
export interface ChartValues {
  readonly values: unknown;
  /** Each dependency's default values, by the name (or alias) its values nest under. */
  readonly subcharts?: Readonly<Record<string, ChartValues>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What `checkValuesKeys` found. */
export interface ValuesKeysReport {
  /** Our keys the chart's defaults do not have, as dotted paths (`grafana.persistance`). */
  readonly unknown: string[];
  /** Our keys found in the chart's defaults. */
  readonly known: string[];
  /**
   * Our keys under a default that takes any keys (an empty map or null such as `podAnnotations: {}`,
   * or a list or scalar we set a map on): accepted, not checked.
   */
  readonly freeForm: string[];
}

/**
 * Checks every key of `values` (a HelmRelease's `spec.values`) against the chart's `values.yaml`
 * merged with its subcharts', for charts without a values schema, whose templates silently ignore
 * an unknown key. Paths are dotted and sorted. Pure.
 */
export function checkValuesKeys(values: unknown, chart: ChartValues): ValuesKeysReport {
  const report = { unknown: [] as string[], known: [] as string[], freeForm: [] as string[] };
  if (isObject(values)) walk(values, merged(chart), '', report);
  for (const list of Object.values(report)) list.sort();
  return report;
}

function walk(
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  path: string,
  report: ValuesKeysReport,
): void {
  for (const [key, value] of Object.entries(ours)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (!(key in theirs)) {
      report.unknown.push(at);
      continue;
    }
    report.known.push(at);
    const below = theirs[key];
    if (!isObject(value)) continue;
    if (isObject(below) && Object.keys(below).length > 0) walk(value, below, at, report);
    else freeForm(value, at, report);
  }
}

function freeForm(value: Record<string, unknown>, path: string, report: ValuesKeysReport): void {
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}.${key}`;
    report.freeForm.push(at);
    if (isObject(v)) freeForm(v, at, report);
  }
}

/** The chart's defaults with each subchart's nested under its name, the parent's keys winning. */
function merged(chart: ChartValues): Record<string, unknown> {
  const base = isObject(chart.values) ? { ...chart.values } : {};
  for (const [name, sub] of Object.entries(chart.subcharts ?? {})) base[name] = deepMerge(merged(sub), base[name]);
  return base;
}

function deepMerge(under: unknown, over: unknown): unknown {
  if (!isObject(under) || !isObject(over)) return over === undefined ? under : over;
  const out: Record<string, unknown> = { ...under };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(under[k], v);
  return out;
}

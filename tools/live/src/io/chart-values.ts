import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ChartValues } from '../values-keys.js';
import { run } from './run.js';

interface ChartYaml {
  readonly name: string;
  readonly dependencies?: readonly { readonly name: string; readonly alias?: string }[];
}

/**
 * A chart's default values and its subcharts' (by dependency name or alias), from a chart
 * directory or a packaged `.tgz`; subcharts may be directories or archives under `charts/`.
 */
export async function readChartValues(chart: string): Promise<ChartValues> {
  if (statSync(chart).isDirectory()) return readChartDir(chart);
  const dir = mkdtempSync(join(tmpdir(), 'sugarkube-chart-'));
  try {
    await run('tar', ['-xzf', chart, '-C', dir]);
    const [top] = readdirSync(dir);
    if (top === undefined) throw new Error(`${chart}: an empty archive`);
    return await readChartDir(join(dir, top));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readChartDir(dir: string): Promise<ChartValues> {
  const meta = parse(readFileSync(join(dir, 'Chart.yaml'), 'utf8')) as ChartYaml;
  const valuesFile = join(dir, 'values.yaml');
  const values: unknown = existsSync(valuesFile) ? parse(readFileSync(valuesFile, 'utf8')) : {};
  const subcharts: Record<string, ChartValues> = {};
  const charts = join(dir, 'charts');
  for (const dep of meta.dependencies ?? []) {
    const entry = existsSync(charts)
      ? readdirSync(charts).find((f) => f === dep.name || (f.startsWith(`${dep.name}-`) && f.endsWith('.tgz')))
      : undefined;
    if (entry === undefined) throw new Error(`${meta.name}: dependency ${dep.name} is not under ${charts}`);
    subcharts[dep.alias ?? dep.name] = await readChartValues(join(charts, entry));
  }
  return { values, subcharts };
}

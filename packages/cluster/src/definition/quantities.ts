/** CPU quantity in millicores: "100m" → 100, "0.5" → 500, "4" → 4000. */
export function parseCpu(quantity: string | number): number {
  const text = String(quantity);
  if (text.endsWith('m')) return Number(text.slice(0, -1));
  return Math.round(Number(text) * 1000);
}

const memoryUnits: Readonly<Record<string, number>> = {
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  K: 1e3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  '': 1,
};

/** Memory quantity in bytes: "64Mi" → 67108864. */
export function parseMemory(quantity: string | number): number {
  const match = /^([0-9.]+)([A-Za-z]*)$/.exec(String(quantity));
  const unit = match ? memoryUnits[match[2]!] : undefined;
  if (!match || unit === undefined) return Number.NaN;
  return Math.round(Number(match[1]) * unit);
}

/** Millicores as "1.25 cores" / "250m". */
export function formatCpu(millis: number): string {
  return millis >= 1000 ? `${(millis / 1000).toFixed(2)} cores` : `${millis}m`;
}

/** Bytes as MiB or GiB, one decimal for GiB. */
export function formatMemory(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}

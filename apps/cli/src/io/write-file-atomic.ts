import { rename, writeFile } from 'node:fs/promises';

/** Replaces a file by writing a sibling and renaming it over: readers see the old bytes or the new, never half. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.sugarkube-tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

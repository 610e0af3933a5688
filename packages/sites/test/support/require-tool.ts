import { execFileSync } from 'node:child_process';

/**
 * The absolute path of a tool on PATH. A missing tool fails the test with the fix, never skips:
 * CI installs it from tools/ci/apt-packages.txt.
 */
export function requireTool(name: string, debianPackage = name): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      `${name} not found on PATH: install the Debian package "${debianPackage}" (listed in tools/ci/apt-packages.txt; run tools/ci/apt-install.sh)`,
    );
  }
}

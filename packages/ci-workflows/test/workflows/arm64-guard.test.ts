import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { arm64GuardFiles, planArm64Guard, platformGuardScript } from '../../src/index.js';

type Wire = {
  on: Record<string, unknown>;
  jobs: Record<
    string,
    { permissions: Record<string, string>; steps: { run?: string; env?: Record<string, unknown> }[] }
  >;
};

describe('arm64 guard workflow', () => {
  const [file] = arm64GuardFiles({ image: 'ghcr.io/futuroptimist/dspace', tags: ['edge', 'latest'] });
  const w = parse(file!.content) as Wire;

  it('runs daily and by hand, reading the index with packages: read only', () => {
    expect(file!.path).toBe('.github/workflows/arm64-guard.yml');
    expect(w.on['schedule']).toEqual([{ cron: '23 5 * * *' }]);
    expect(w.jobs['guard']!.permissions).toEqual({ packages: 'read' });
  });

  it('checks the scheduled tags (or the requested one) with the shared guard script', () => {
    const [, which, guard] = w.jobs['guard']!.steps;
    expect(which!.env).toEqual({
      IMAGE: 'ghcr.io/futuroptimist/dspace',
      REQUESTED: '${{ inputs.tag }}',
      SCHEDULED: 'edge latest',
    });
    expect(guard!.run).toBe(platformGuardScript);
    expect(guard!.env!['PLATFORMS']).toBe('linux/amd64 linux/arm64');
  });

  it('rejects invalid options, all at once', () => {
    expect(() => planArm64Guard({ image: 'Docker.io/x', tags: ['bad tag'], cron: 'daily' })).toThrow(
      /invalid arm64 guard options \(3 problems\):\n {2}- image: expected a lowercase GHCR image[^\n]*\n {2}- tags\[0\]: expected an image tag[^\n]*\n {2}- cron: expected five cron fields such as "23 5 \* \* \*", received "daily"/,
    );
  });
});

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineApp } from '@sugarkube/manifests';
import { SugarkubeApp } from '@sugarkube/manifests/projen';
import { Project, Testing } from 'projen';
import { afterAll, expect, it } from 'vitest';
import { planSiteFiles, siteAppDescriptor, type SiteOptions } from '../src/index.js';
import { StaticSite } from '../src/projen/index.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const newProject = () => {
  const outdir = mkdtempSync(join(tmpdir(), 'sugarkube-static-site-'));
  dirs.push(outdir);
  return new Project({ name: 'blog', outdir });
};
const blog: SiteOptions = { name: 'blog', host: 'blog.example.org', image: 'ghcr.io/example/blog', spaFallback: true };

it('writes the planned files into the repo, byte for byte, read-only', () => {
  const project = newProject();
  const site = new StaticSite(project, { ...blog, deployDir: 'k8s' });
  const synthesized = Testing.synth(project);
  const planned = planSiteFiles(blog, { deployDir: 'k8s' });
  expect(site.files).toEqual(planned.map((file) => file.path));
  for (const file of planned) expect(synthesized[file.path], file.path).toBe(file.content);
  project.synth();
  for (const path of [
    'nginx.conf',
    'Dockerfile',
    '.github/workflows/build-and-push.yml',
    'k8s/base/deployment-web.yaml',
  ])
    expect(statSync(join(project.outdir, path)).mode & 0o222, path).toBe(0);
  expect(StaticSite.isStaticSite(site)).toBe(true);
  expect(StaticSite.isStaticSite({})).toBe(false);
});

it('writes exactly what SugarkubeApp writes for the site as a descriptor, the default task included', () => {
  const a = newProject();
  new StaticSite(a, blog);
  const b = newProject();
  new SugarkubeApp(b, { app: defineApp(siteAppDescriptor(blog)) });
  const written = Testing.synth(a);
  expect(written).toEqual(Testing.synth(b));
  expect(written['.projen/tasks.json'].tasks.default.steps).toEqual([{ exec: 'node .projenrc.ts' }]);
});

it('refuses invalid options with every error, before writing anything', () => {
  expect(() => new StaticSite(newProject(), { ...blog, host: 'blog', port: 99999 })).toThrow(
    /invalid site options \(2 problems\):\n {2}- host: expected a lowercase DNS hostname such as "staging\.example\.org", received "blog"\n {2}- port: expected an integer 1024-65535/,
  );
});

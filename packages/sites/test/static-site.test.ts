import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project, Testing } from 'projen';
import { afterAll, expect, it } from 'vitest';
import { planSiteFiles, type SiteFilesOptions } from '../src/index.js';
import { StaticSite } from '../src/projen/index.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const newProject = () => {
  const outdir = mkdtempSync(join(tmpdir(), 'sugarkube-static-site-'));
  dirs.push(outdir);
  return new Project({ name: 'blog', outdir });
};
const blog: SiteFilesOptions = {
  site: { name: 'blog', host: 'blog.example.org', image: 'ghcr.io/example/blog', spaFallback: true },
  deployDir: 'k8s',
};

it('writes the planned files into the repo, byte for byte, read-only', () => {
  const project = newProject();
  const site = new StaticSite(project, blog);
  const synthesized = Testing.synth(project);
  const planned = planSiteFiles(blog);
  expect(site.files).toEqual(planned.map((file) => file.path));
  for (const file of planned) expect(synthesized[file.path], file.path).toBe(file.content);
  project.synth();
  expect(statSync(join(project.outdir, 'docker/nginx.conf')).mode & 0o222).toBe(0);
  expect(statSync(join(project.outdir, 'k8s/base/deployment-web.yaml')).mode & 0o222).toBe(0);
  expect(StaticSite.isStaticSite(site)).toBe(true);
  expect(StaticSite.isStaticSite({})).toBe(false);
});

it('re-synthesizes to identical files', () => {
  const a = newProject();
  new StaticSite(a, blog);
  const b = newProject();
  new StaticSite(b, blog);
  expect(Testing.synth(a)).toEqual(Testing.synth(b));
});

it('refuses invalid options with every error', () => {
  expect(() => new StaticSite(newProject(), { site: { ...blog.site, host: 'blog', port: 99999 } })).toThrow(
    /host: expected a lower-case DNS name, e\.g\. "danielsmith\.io", received "blog"\nport: expected an integer 1024-65535/,
  );
});

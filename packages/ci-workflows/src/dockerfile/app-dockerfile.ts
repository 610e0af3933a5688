import { Component, FileBase } from 'projen';
import type { IResolver, Project } from 'projen';
import type { GeneratedDockerFile } from './dockerfile-common.js';
import { defaultDockerfileHeader } from './dockerfile-common.js';
import type { NodeDockerfileOptions } from './node-dockerfile.js';
import { nodeDockerfile } from './node-dockerfile.js';
import type { NodeStaticServerDockerfileOptions } from './node-static-server-dockerfile.js';
import { nodeStaticServerDockerfile } from './node-static-server-dockerfile.js';
import type { PythonDockerfileOptions } from './python-dockerfile.js';
import { pythonDockerfile } from './python-dockerfile.js';
import type { StaticNginxDockerfileOptions } from './static-nginx-dockerfile.js';
import { staticNginxDockerfile } from './static-nginx-dockerfile.js';

/** One app image: the runtime picks the generator, the rest are that generator's options. */
export type AppDockerfileOptions = (
  | ({ readonly runtime: 'node' } & NodeDockerfileOptions)
  | ({ readonly runtime: 'python' } & PythonDockerfileOptions)
  | ({ readonly runtime: 'static-nginx' } & StaticNginxDockerfileOptions)
  | ({ readonly runtime: 'node-static-server' } & NodeStaticServerDockerfileOptions)
) & {
  /**
   * Directory (relative to the project root) the Dockerfile and `.dockerignore` are written to.
   * @default '.'
   */
  readonly directory?: string;
};

/** Runs the generator for the runtime with the given header. Pure. */
export function generateAppDockerfile(options: AppDockerfileOptions, header: string = defaultDockerfileHeader): GeneratedDockerFile[] {
  switch (options.runtime) {
    case 'node':
      return nodeDockerfile({ ...options, header });
    case 'python':
      return pythonDockerfile({ ...options, header });
    case 'static-nginx':
      return staticNginxDockerfile({ ...options, header });
    case 'node-static-server':
      return nodeStaticServerDockerfile({ ...options, header });
  }
}

class GeneratedDockerBuildFile extends FileBase {
  constructor(
    project: Project,
    filePath: string,
    private readonly fileName: string,
    private readonly options: AppDockerfileOptions,
  ) {
    super(project, filePath, { readonly: true, marker: true });
  }

  protected synthesizeContent(_resolver: IResolver): string | undefined {
    const files = generateAppDockerfile(this.options, this.marker ?? defaultDockerfileHeader);
    return files.find((f) => f.path === this.fileName)?.content;
  }
}

/**
 * projen component for an app repo's `.projenrc.ts`: writes the app's `Dockerfile`
 * and `.dockerignore` (read-only, with projen's marker). Options are checked when
 * the component is created, so a bad option fails the synth with every issue listed.
 *
 * @example new AppDockerfile(project, { runtime: 'python', server: { kind: 'gunicorn', app: 'relay:app' }, port: 5010 });
 */
export class AppDockerfile extends Component {
  /** The files as they will be written (with the default header), for inspection. */
  readonly files: readonly GeneratedDockerFile[];

  constructor(project: Project, options: AppDockerfileOptions) {
    super(project);
    this.files = generateAppDockerfile(options);
    const dir = options.directory === undefined || options.directory === '.' ? '' : `${options.directory.replace(/\/+$/, '')}/`;
    for (const file of this.files) {
      new GeneratedDockerBuildFile(project, `${dir}${file.path}`, file.path, options);
    }
  }
}

import { repoPath, sortFiles, strictObject, type GeneratedFile } from '@sugarkube/core';
import { Component, TextFile, type Project } from 'projen';
import { z } from 'zod';
import { parseOptions } from '@sugarkube/core';

/** Files as the pure generators return them. */
export const generatedFilesSchema = z.array(
  strictObject({
    path: repoPath.describe('Path relative to the project root.'),
    content: z.string({ error: 'the file content as a string' }),
    executable: z.boolean({ error: 'true or false' }).optional(),
  }),
  { error: 'a list of { path, content } files' },
);

/**
 * The one projen component that writes generated files. One policy for every file: the
 * content already carries `@sugarkube/core`'s generated header (projen's own marker is
 * off, so no file has two), read-only, committed; projen records each in
 * `.projen/files.json`, rewrites it on every synth and deletes it when it is no longer
 * generated. Re-synthesis writes the same bytes.
 */
export class GeneratedFiles extends Component {
  /** The files as written, sorted by path. */
  readonly files: readonly GeneratedFile[];

  constructor(project: Project, files: readonly GeneratedFile[]) {
    super(project);
    this.files = sortFiles(parseOptions('GeneratedFiles files', generatedFilesSchema, files));
    for (const file of this.files) {
      // TextFile joins lines with "\n": the trailing "" of a final newline is kept.
      new TextFile(project, file.path, {
        lines: file.content.split('\n'),
        readonly: true,
        committed: true,
        marker: false,
        executable: file.executable ?? false,
      });
    }
  }
}

import { JsonFile, TextFile, type Project } from 'projen';

/**
 * changesets: versions and changelogs per package; private packages (the
 * cluster, examples, tools) are never versioned or published.
 */
export function addChangesetsConfig(root: Project) {
  new JsonFile(root, '.changeset/config.json', {
    marker: false,
    obj: {
      $schema: 'https://unpkg.com/@changesets/config@3.1.1/schema.json',
      changelog: '@changesets/cli/changelog',
      commit: false,
      fixed: [],
      linked: [],
      access: 'public',
      baseBranch: 'main',
      updateInternalDependencies: 'patch',
      ignore: [],
      privatePackages: { version: false, tag: false },
    },
  });
  new TextFile(root, '.changeset/README.md', {
    marker: false,
    lines: [
      '# Changesets',
      '',
      'Every user-visible change to a published package (`@sugarkube/*`) comes with a',
      'changeset: run `npx changeset`, pick the packages and the bump, describe the change',
      'for users. The release workflow turns the pending changesets into a version pull',
      'request and publishes to npm with provenance when it merges.',
      '',
    ],
  });
}

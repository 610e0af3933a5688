import { createMonorepo } from './projenrc/root-project.ts';

// The single source of the repository's configuration. Run `npx projen` after editing.
createMonorepo().root.synth();

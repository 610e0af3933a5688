// Before any import that loads a package's source (see projenrc/source-imports.ts).
import './projenrc/source-imports.ts';

// The single source of the repository's configuration. Run `npx projen` after editing.
const { createMonorepo } = await import('./projenrc/root-project.ts');
createMonorepo().root.synth();

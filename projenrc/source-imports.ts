import { registerHooks } from 'node:module';

/**
 * `.projenrc.ts` runs on Node's own TypeScript support before anything is built, and loads a
 * few modules straight from the packages' sources: the action pin table and core's YAML
 * renderer, so the repo's own workflows are written by the renderer every generated file uses.
 * Those sources import their siblings as `./x.js` (what tsc emits and resolves to `./x.ts`);
 * Node finds no such file. This hook retries a relative `.js` import made from a package's
 * `src/` as the `.ts` file next to it, and changes nothing else.
 */
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const fromSource =
        context.parentURL !== undefined && /\/(packages|apps|tools)\/[^/]+\/src\//.test(context.parentURL);
      if (!fromSource || !/^\.\.?\/.*\.js$/.test(specifier)) throw error;
      return nextResolve(specifier.replace(/\.js$/, '.ts'), context);
    }
  },
});

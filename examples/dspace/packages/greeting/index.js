// A workspace package the SSR server imports at runtime (through pnpm's node_modules symlinks).
export function greeting(name) {
  return `Hello, ${name}!`;
}

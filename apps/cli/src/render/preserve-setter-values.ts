/** A YAML line ending in a Flux setter marker: indentation and key, the value, the marker comment. */
const markedLine = /^(\s*(?:-\s+)?[^\s#:][^#:]*:\s*)(\S+)(\s+#\s*\{"\$imagepolicy":\s*"[^"]+"\}\s*)$/;

/**
 * Keeps the values Flux image automation committed: in `generated`, every
 * line carrying a `{"$imagepolicy": …}` marker takes the value of the line
 * with the same key and marker in `existing` (the tree on disk). Automation
 * owns marked values; regenerating must not roll staging back to the
 * descriptor's default tag. Unmarked lines, and markers not found, stay as generated.
 */
export function preserveSetterValues(generated: string, existing: string | undefined): string {
  if (existing === undefined || !generated.includes('$imagepolicy')) return generated;
  const current = new Map<string, string>();
  for (const line of existing.split('\n')) {
    const match = markedLine.exec(line);
    if (match) current.set(`${match[1]!.trim()}${match[3]!.trim()}`, match[2]!);
  }
  return generated
    .split('\n')
    .map((line) => {
      const match = markedLine.exec(line);
      const kept = match ? current.get(`${match[1]!.trim()}${match[3]!.trim()}`) : undefined;
      return match && kept !== undefined ? `${match[1]}${kept}${match[3]}` : line;
    })
    .join('\n');
}

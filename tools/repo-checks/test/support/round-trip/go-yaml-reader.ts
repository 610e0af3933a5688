import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toolPath } from '@sugarkube/verify';

/**
 * A chart whose one template reads every file under `files/` with Helm's `fromYaml` (or
 * `fromYamlArray` for a sequence, as a JSON 6902 patch, wrapped in `{list}`), one document at a
 * time (our renderer separates documents with a `---` line at column 0; a block scalar's lines
 * are indented), and prints what it read as base64 JSON: no YAML writer stands between the
 * reader and the test.
 */
const template = `{{- $read := dict }}
{{- range $path, $_ := .Files.Glob "files/*" }}
{{- $docs := list }}
{{- range (splitList "\\n---\\n" ($.Files.Get $path)) }}
{{- if regexMatch "^(#[^\\n]*\\n)*- " . }}
{{- $docs = append $docs (dict "list" (fromYamlArray .)) }}
{{- else }}
{{- $docs = append $docs (fromYaml .) }}
{{- end }}
{{- end }}
{{- $_ := set $read (base $path) $docs }}
{{- end }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: read
data:
  read: {{ $read | toJson | b64enc }}
`;

/**
 * Reads YAML files with sigs.k8s.io/yaml (go-yaml v2 semantics: YAML 1.1 booleans, octal…),
 * the reader kubectl, Helm and the Kubernetes API machinery read YAML with, through Helm's
 * `fromYaml` in the pinned Helm. Returns each file's documents, or the reader's error.
 */
export async function readWithGoYaml(
  files: readonly { path: string; content: string }[],
): Promise<{ path: string; docs?: unknown[]; error?: string }[]> {
  const dir = await mkdtemp(join(tmpdir(), 'sugarkube-go-yaml-'));
  try {
    const chart = join(dir, 'chart');
    await mkdir(join(chart, 'templates'), { recursive: true });
    await mkdir(join(chart, 'files'));
    await writeFile(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: read\nversion: 0.1.0\n');
    await writeFile(join(chart, 'templates', 'read.yaml'), template);
    await Promise.all(
      files.map((f, i) => writeFile(join(chart, 'files', `${String(i).padStart(4, '0')}.yaml`), f.content)),
    );
    const env = {
      ...process.env,
      HELM_CACHE_HOME: join(dir, 'cache'),
      HELM_CONFIG_HOME: join(dir, 'config'),
      HELM_DATA_HOME: join(dir, 'data'),
    };
    const { stdout } = await promisify(execFile)(toolPath('helm'), ['template', 'read', chart], {
      env,
      maxBuffer: 256 * 1024 * 1024,
    });
    const encoded = /^ {2}read: (\S+)$/m.exec(stdout)?.[1];
    if (encoded === undefined) throw new Error(`helm printed no read result:\n${stdout}`);
    const read = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Record<
      string,
      Record<string, unknown>[]
    >;
    return files.map((f, i) => {
      const docs = read[`${String(i).padStart(4, '0')}.yaml`] ?? [];
      // fromYaml answers an error as {Error}, fromYamlArray as a list of its one message.
      const error = docs.flatMap((d) => {
        if (Object.keys(d).length === 1 && typeof d.Error === 'string') return [d.Error];
        const list = d.list;
        return Array.isArray(list) && list.length === 1 && typeof list[0] === 'string' ? [list[0]] : [];
      })[0];
      return error === undefined
        ? { path: f.path, docs: docs.map((d) => (Array.isArray(d.list) ? d.list : d)) }
        : { path: f.path, error };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

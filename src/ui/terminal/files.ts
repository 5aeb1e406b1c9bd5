/**
 * The files `kubectl -f <name>` can read in the terminal: the documents in the editor, by name.
 *
 * - The whole text under the scenario's file name (`kubia-nodeport.yaml`), as the editor shows it.
 * - Each Kubernetes document under `<kind>-<name>.yaml` in lower case (`service-kubia-nodeport.yaml`,
 *   `replicationcontroller-kubia.yaml`), so one object can be created or deleted on its own.
 * - A document whose leading comments say `# file: kubia-svc.yaml` is (also) that file: this is how a
 *   lesson or a user names a document as the book does. Documents naming the same file form one
 *   multi-document file, in editor order.
 *
 * The playground's own documents (the Scenario, a kind Cluster config, a KubeProxyConfiguration) get
 * no per-document name: they are not API objects kubectl could create.
 */

/** Documents named by the editor: file name → text. */
export type EditorFiles = Record<string, string>

/** Where a document starts: a line that is `---` (optionally followed by a comment). */
const SEPARATOR = /^---[ \t]*(#.*)?$/
const FILE_COMMENT = /^#\s*file:\s*(\S+\.ya?ml)\s*$/i
const NOT_API_OBJECTS = /^(playground\/|kind\.x-k8s\.io\/|kubeproxy\.config\.k8s\.io\/)/

/** Top-level `key: value` of a document (plain or quoted scalar). */
function topLevel(lines: readonly string[], key: string): string | undefined {
  const re = new RegExp(`^${key}:[ \\t]*["']?([^"'#\\s]+)["']?[ \\t]*(#.*)?$`)
  for (const l of lines) {
    const m = re.exec(l)
    if (m) return m[1]
  }
  return undefined
}

/** `metadata.name` of a document: `name:` as a direct child of the top-level `metadata:`. */
function metadataName(lines: readonly string[]): string | undefined {
  let inMetadata = false
  let indent: string | undefined
  for (const l of lines) {
    if (/^metadata:[ \t]*(#.*)?$/.test(l)) {
      inMetadata = true
      continue
    }
    if (!inMetadata || l.trim() === '' || l.trimStart().startsWith('#')) continue
    if (/^\S/.test(l)) return undefined // the next top-level key: metadata had no name
    const lead = /^[ \t]+/.exec(l)![0]
    indent ??= lead
    if (lead !== indent) continue // deeper: inside labels, annotations …
    const m = /^[ \t]+name:[ \t]*["']?([^"'#\s]+)["']?[ \t]*(#.*)?$/.exec(l)
    if (m) return m[1]
  }
  return undefined
}

/** Splits the editor text into documents (each keeps its own lines). */
function documents(text: string): string[][] {
  const docs: string[][] = [[]]
  for (const line of text.split(/\r?\n/)) {
    if (SEPARATOR.test(line)) docs.push([])
    else docs[docs.length - 1]!.push(line)
  }
  return docs.filter((d) => d.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#')) || d.some((l) => FILE_COMMENT.test(l)))
}

/** The files the editor text offers (see the file comment). */
export function editorFiles(text: string, scenarioFile: string): EditorFiles {
  const files: EditorFiles = { [scenarioFile || 'scenario.yaml']: text }
  const named = new Map<string, string[]>()
  for (const doc of documents(text)) {
    const body = `${doc.join('\n').replace(/\n+$/, '')}\n`
    const kind = topLevel(doc, 'kind')
    const apiVersion = topLevel(doc, 'apiVersion') ?? ''
    const name = metadataName(doc)
    if (kind && name && !NOT_API_OBJECTS.test(apiVersion)) files[`${kind.toLowerCase()}-${name}.yaml`] = body
    for (const l of doc) {
      if (!l.startsWith('#')) break
      const m = FILE_COMMENT.exec(l)
      if (m) named.set(m[1]!, [...(named.get(m[1]!) ?? []), body])
    }
  }
  for (const [file, bodies] of named) files[file] = bodies.join('---\n')
  return files
}

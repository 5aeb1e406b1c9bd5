/**
 * The editor's scenario text split the way the engine's scenario loader splits it
 * (src/engine/scenario/parse.ts): the cluster-level documents (the playground Scenario, kind's
 * Cluster config, KubeProxyConfiguration and v1 Node objects), which only a fresh simulation can
 * change, and the Kubernetes objects, which `kubectl apply -f` can apply to a running one.
 */
import { parseYamlDocuments } from '../engine/yaml/documents.ts'

/** The editor's documents, compared by their parsed values (comments and layout do not count). */
export interface EditorDocs {
  /** Canonical text of the cluster-level documents, in file order. */
  cluster: string
  /** Canonical text of the object documents, in file order. */
  objects: string
  /** The object documents as JSON documents, in file order. */
  list: readonly string[]
  /** The object documents by `kind/namespace/name` (namespace `default` when the document names none), as JSON documents. */
  byKey: ReadonlyMap<string, string>
}

/** Config kinds and the API group each must be in to count as configuration (parse.ts CONFIG_DOCS). */
const CONFIG_GROUPS: Readonly<Record<string, string>> = {
  Cluster: 'kind.x-k8s.io',
  KubeProxyConfiguration: 'kubeproxy.config.k8s.io',
  Scenario: 'playground',
}

const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '')

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** JSON with mapping keys sorted, so two documents with the same content compare equal. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (isMapping(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

/** Whether a document is one of the cluster-level documents. */
function isClusterDoc(v: Record<string, unknown>): boolean {
  const kind = v.kind
  const apiVersion = v.apiVersion
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') return true
  if (kind === 'Node' && apiVersion === 'v1') return true
  return Object.hasOwn(CONFIG_GROUPS, kind) && groupOf(apiVersion) === CONFIG_GROUPS[kind]
}

/** Splits the editor's text into cluster-level documents and objects (see the file comment). */
export function splitEditorText(text: string): EditorDocs {
  const cluster: string[] = []
  const objects: string[] = []
  const list: string[] = []
  const byKey = new Map<string, string>()
  for (const doc of parseYamlDocuments(text).docs) {
    const v = doc.value
    if (!isMapping(v) || isClusterDoc(v)) {
      cluster.push(canonical(v))
      continue
    }
    const c = canonical(v)
    objects.push(c)
    list.push(JSON.stringify(v))
    const meta = isMapping(v.metadata) ? v.metadata : {}
    if (typeof meta.name === 'string' && meta.name !== '') {
      // kubectl puts a document without a namespace into the context's namespace, `default`.
      const ns = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default'
      byKey.set(`${String(v.kind)}/${ns}/${meta.name}`, list[list.length - 1]!)
    }
  }
  return { cluster: cluster.join('\n'), objects: objects.join('\n'), list, byKey }
}

/** A multi-document manifest of JSON documents (JSON is YAML), or '' for none. */
export function manifestOf(docs: Iterable<string>): string {
  return [...docs].map((d) => `---\n${d}\n`).join('')
}

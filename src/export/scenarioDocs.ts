/**
 * A scenario file cut into its documents, each with its source text and its role: a Kubernetes
 * object that goes to the real cluster unchanged, or one of the playground's configuration
 * documents (Scenario, kind Cluster, KubeProxyConfiguration) that the export turns into a kind
 * config instead. The split is kubectl's (a line starting with `---`), so comments stay with the
 * document they precede and the text of every object is kept byte for byte.
 */
import { splitChunks } from '../engine/yaml/split.ts'
import { parseYamlDocuments } from '../engine/yaml/documents.ts'

/** What a document is to the export. */
export type DocRole =
  /** An API object for `kubectl apply`. */
  | 'object'
  /** The playground's `playground/v1alpha1` Scenario (dropped: README and kind config carry it). */
  | 'scenario'
  /** A kind `Cluster` (dropped: the export writes its own kind-config.yaml from it). */
  | 'cluster'
  /** A `KubeProxyConfiguration` (dropped: it becomes a kubeadm patch in kind-config.yaml). */
  | 'kubeProxy'
  /** A `v1` Node (dropped: kind creates the nodes; the simulator used it to pin names and addresses). */
  | 'node'
  /** Only comments or blank lines. */
  | 'empty'
  /** YAML that does not parse, or not a mapping with apiVersion and kind (kept: kubectl reports it). */
  | 'broken'

/** A plain YAML mapping. */
export type Mapping = Record<string, unknown>

/** One document of the file. */
export interface ScenarioDoc {
  role: DocRole
  /** The chunk's source text: leading comments, the `---` line, the document. */
  text: string
  /** The decoded document (for objects and configuration documents). */
  value?: Mapping
  /** `Kind/namespace/name` of an object (namespace `default` when it has none). */
  key?: string
}

const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The group part of an apiVersion (`''` for the core group). */
const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '')

/**
 * The configuration documents by kind and group, as the scenario parser recognises them
 * (src/engine/scenario/parse.ts CONFIG_DOCS): any version of the group counts.
 */
const CONFIG_ROLES: Record<string, { group: string; role: DocRole }> = {
  Cluster: { group: 'kind.x-k8s.io', role: 'cluster' },
  KubeProxyConfiguration: { group: 'kubeproxy.config.k8s.io', role: 'kubeProxy' },
  Scenario: { group: 'playground', role: 'scenario' },
}

/** `Kind/namespace/name` of an object value (cluster-scoped kinds get `default` too: only equality matters). */
export function objectKey(v: Mapping): string | undefined {
  const meta = isMapping(v.metadata) ? v.metadata : undefined
  const name = typeof meta?.name === 'string' ? meta.name : undefined
  if (typeof v.kind !== 'string' || name === undefined) return undefined
  const ns = typeof meta?.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default'
  return `${v.kind}/${ns}/${name}`
}

function roleOf(value: unknown): { role: DocRole; value?: Mapping } {
  if (!isMapping(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') return { role: 'broken' }
  const cfg = Object.hasOwn(CONFIG_ROLES, value.kind) ? CONFIG_ROLES[value.kind] : undefined
  if (cfg && groupOf(value.apiVersion) === cfg.group) return { role: cfg.role, value }
  if (value.kind === 'Node' && value.apiVersion === 'v1') return { role: 'node', value }
  return { role: 'object', value }
}

/** The file's documents in order. Never throws. */
export function scenarioDocs(text: string): ScenarioDoc[] {
  const out: ScenarioDoc[] = []
  for (const c of splitChunks(text)) {
    const chunk = text.slice(c.start, c.end)
    const { docs, errors } = parseYamlDocuments(chunk)
    if (docs.length === 0) {
      out.push({ role: errors.length > 0 ? 'broken' : 'empty', text: chunk })
      continue
    }
    // One chunk is one document unless a document hides a `---` kubectl would not split on; then it is one unit.
    const r = docs.length === 1 && errors.length === 0 ? roleOf(docs[0]!.value) : { role: 'broken' as const }
    const doc: ScenarioDoc = { role: r.role, text: chunk }
    if ('value' in r && r.value) {
      doc.value = r.value
      const key = r.role === 'object' ? objectKey(r.value) : undefined
      if (key !== undefined) doc.key = key
    }
    out.push(doc)
  }
  return out
}

/** The leading comment lines of a chunk (before its `---` line or its first content line). */
function leadingComments(chunk: string): string {
  const lines = chunk.split('\n')
  const out: string[] = []
  for (const l of lines) {
    if (/^\s*#/.test(l)) out.push(l)
    else if (/^\s*$/.test(l) && out.length > 0) out.push(l)
    else break
  }
  while (out.length > 0 && /^\s*$/.test(out[out.length - 1]!)) out.pop()
  return out.length === 0 ? '' : `${out.join('\n')}\n`
}

/** A chunk's text with a final newline. */
const ended = (s: string): string => (s === '' || s.endsWith('\n') ? s : `${s}\n`)

/**
 * manifests.yaml: the objects (and anything that is not a configuration document, so kubectl can
 * report it), in file order and unchanged. The file's opening comment is kept even when the
 * document under it (usually the Scenario) is dropped: it says what the scenario is about.
 */
export function manifestsText(docs: readonly ScenarioDoc[], header: string): string {
  let body = ''
  docs.forEach((d, i) => {
    if (d.role === 'object' || d.role === 'broken' || (d.role === 'empty' && i > 0)) body += ended(d.text)
    else if (i === 0) body += leadingComments(d.text)
  })
  const text = header + body
  return ended(text)
}

/** The objects' text by key, for telling what a lesson's edit changed. */
export function objectTexts(docs: readonly ScenarioDoc[]): Map<string, { text: string; value: Mapping }> {
  const m = new Map<string, { text: string; value: Mapping }>()
  for (const d of docs) if (d.role === 'object' && d.key !== undefined && d.value && !m.has(d.key)) m.set(d.key, { text: d.text, value: d.value })
  return m
}

/** A document's text without its leading comments and `---` line (what goes into a `kubectl apply -f -` heredoc). */
export function bareDocument(chunk: string): string {
  const lines = chunk.split('\n')
  let i = 0
  while (i < lines.length && (/^\s*(#.*)?$/.test(lines[i]!) || /^---(\s|$)/.test(lines[i]!) || lines[i]!.startsWith('%'))) {
    // A `--- # comment` line or a bare `---` ends the prefix; keep going over comments before it.
    i++
  }
  let end = lines.length
  while (end > i && /^\s*$/.test(lines[end - 1]!)) end--
  return lines.slice(i, end).join('\n')
}

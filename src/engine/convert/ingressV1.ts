/**
 * Converts one `extensions/v1beta1` or `networking.k8s.io/v1beta1` Ingress document of the
 * editor's text to `networking.k8s.io/v1`, as minimal text edits (untouched lines keep their
 * comments and layout). The changes are the API server's own conversion
 * (kubernetes pkg/apis/networking/v1beta1/conversion.go) plus the v1beta1 defaulting that v1 no
 * longer does (pkg/apis/networking/v1beta1/defaults.go):
 *
 * - `apiVersion` → `networking.k8s.io/v1`;
 * - a backend's `serviceName` / `servicePort` → `service: {name, port}`, where an integer port
 *   becomes `port.number` and a string port `port.name` (Convert_v1beta1_IngressBackend_To_
 *   networking_IngressBackend copies IntOrString's IntVal / StrVal);
 * - `spec.backend` → `spec.defaultBackend` (Convert_v1beta1_IngressSpec_To_networking_IngressSpec);
 * - a path without `pathType` gets `ImplementationSpecific`, what v1beta1 defaulted it to
 *   (SetDefaults_HTTPIngressPath) and v1 requires to be set.
 *
 * A `kubernetes.io/ingress.class` annotation is kept, as the conversion keeps it: controllers still
 * honour it, and `spec.ingressClassName` cannot simply be added next to it (the API server rejects
 * an Ingress created with both, ValidateIngressCreate). The fix reports it so the editor can
 * suggest moving to `spec.ingressClassName`.
 */
import type { DiagnosticFix, TextEdit } from '../model/errors.ts'
import { LineTable } from '../yaml/lines.ts'
import { K8S_YAML_SCHEMA } from '../yaml/yamlSchema.ts'
import { sortEdits, toTextEdits } from './textEdits.ts'
import type { OffsetEdit } from './textEdits.ts'
import { entryOf, mapAt, parseTree, seqAt } from './yamlTree.ts'
import type { YEntry, YMap, YNode, YScalar } from './yamlTree.ts'

/** The removed Ingress API versions (Kubernetes 1.22 removed both). */
export const INGRESS_V1BETA1_VERSIONS: readonly string[] = ['extensions/v1beta1', 'networking.k8s.io/v1beta1']

/** The fix's title (the editor shows its own, translatable, wording). */
export const INGRESS_V1_FIX_TITLE = 'Convert to networking.k8s.io/v1'

/** The whole lines of one document in a text, 1-based and inclusive (YamlDoc.startLine / endLine). */
export interface LineRange {
  startLine: number
  endLine: number
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objAt = (v: unknown, key: string): Obj | undefined => (isObj(v) && isObj(v[key]) ? (v[key] as Obj) : undefined)
const listAt = (v: unknown, key: string): unknown[] => (isObj(v) && Array.isArray(v[key]) ? (v[key] as unknown[]) : [])

/** Converts a document's edits; collects offset edits in the document's own text. */
class Converter {
  readonly edits: OffsetEdit[] = []
  /** Set when something cannot be converted safely: then no fix is offered. */
  failed = false

  constructor(
    private readonly src: string,
    private readonly nl: string,
  ) {}

  /** Offset of the start of the line holding `offset`. */
  private lineStart(offset: number): number {
    return this.src.lastIndexOf('\n', offset - 1) + 1
  }

  /** Offset of the end of the line holding `offset` (before its `\r\n` or `\n`). */
  private lineEnd(offset: number): number {
    const nl = this.src.indexOf('\n', offset)
    const end = nl < 0 ? this.src.length : nl
    return this.src[end - 1] === '\r' ? end - 1 : end
  }

  /** The indentation that puts a line's content in the column of `offset`. */
  private padTo(offset: number): string {
    return ' '.repeat(offset - this.lineStart(offset))
  }

  /** True when only spaces and `- ` indicators precede `offset` on its line. */
  private startsLine(offset: number): boolean {
    return /^[ -]*$/.test(this.src.slice(this.lineStart(offset), offset))
  }

  private replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text })
  }

  /** A backend (`spec.backend` or a path's): serviceName/servicePort → service.name/port. */
  backend(node: YNode | undefined, value: unknown): void {
    if (node === undefined || !isObj(value)) return
    if (node.kind !== 'map') {
      this.failed ||= node.kind === 'alias'
      return
    }
    const sn = entryOf(node, 'serviceName')
    const sp = entryOf(node, 'servicePort')
    if (sn === undefined && sp === undefined) return // a `resource` backend is the same in v1
    const port = value.servicePort
    // IntOrString: an integer is IntVal (→ port.number), a string StrVal (→ port.name).
    const portKey = typeof port === 'number' && Number.isInteger(port) ? 'number' : typeof port === 'string' ? 'name' : undefined
    if (sp !== undefined && portKey === undefined && port !== null) {
      this.failed = true
      return
    }
    const present = [sn, sp].filter((e): e is YEntry => e !== undefined)
    // An empty servicePort has no place in v1: only re-emitting drops it.
    const inPlace = !node.flow && !node.decorated && !(sp !== undefined && port === null)
    if (inPlace && this.blockInPlace(node, present, sn, portKey)) return
    this.reemit(node, value, portKey)
  }

  /**
   * Block style: the keys are rewritten where they stand, so values and comments stay. Needs
   * one-line entries, each starting its line, next to each other.
   */
  private blockInPlace(map: YMap, present: YEntry[], sn: YEntry | undefined, portKey: string | undefined): boolean {
    const ok = present.every(
      (e) =>
        e.key.kind === 'scalar' && e.key.simple && e.value.kind === 'scalar' && e.value.simple &&
        this.startsLine(e.key.start) && this.lineStart(e.value.start) === this.lineStart(e.key.start),
    )
    if (!ok || present.length === 0) return false
    const idx = present.map((e) => map.entries.indexOf(e)).sort((a, b) => a - b)
    if (idx.length === 2 && idx[1]! - idx[0]! !== 1) return false
    const [first, second] = idx.map((i) => map.entries[i]!) as [YEntry, YEntry | undefined]
    const pad = this.padTo(first.key.start)
    const newKey = (e: YEntry) => (e === sn ? 'name' : `port:${this.nl}${pad}    ${portKey}`)
    this.replace(first.key.start, first.key.end, `service:${this.nl}${pad}  ${newKey(first)}`)
    if (second) this.replace(this.lineStart(second.key.start), second.key.end, `${pad}  ${newKey(second)}`)
    return true
  }

  /** Any other style: the backend node is written again, in flow style, in its place. */
  private reemit(map: YMap, value: Obj, portKey: string | undefined): void {
    const service = (): string => {
      const parts: string[] = []
      if (value.serviceName !== undefined && value.serviceName !== null) parts.push(`name: ${this.token(entryOf(map, 'serviceName'), value.serviceName)}`)
      if (portKey !== undefined) parts.push(`port: {${portKey}: ${this.token(entryOf(map, 'servicePort'), value.servicePort)}}`)
      return `service: {${parts.join(', ')}}`
    }
    const parts: string[] = []
    let placed = false
    for (const e of map.entries) {
      const key = e.key.kind === 'scalar' ? e.key.text : undefined
      if (key === 'serviceName' || key === 'servicePort') {
        if (!placed) parts.push(service())
        placed = true
        continue
      }
      if (key === undefined) {
        this.failed = true
        return
      }
      parts.push(`${flowString(key)}: ${map.flow && isSimple(e.value) ? this.src.slice(e.value.start, e.value.end) : flowValue(value[key])}`)
    }
    this.replace(map.start, map.end, `{${parts.join(', ')}}`)
  }

  /** The source token of a simple scalar entry's value, else the value written in flow style. */
  private token(e: YEntry | undefined, v: unknown): string {
    return e && isSimple(e.value) ? this.src.slice(e.value.start, e.value.end) : flowValue(v)
  }

  /** A path without pathType gets `pathType: ImplementationSpecific`, next to its `path`. */
  pathType(node: YNode, value: unknown): void {
    if (!isObj(value) || Object.hasOwn(value, 'pathType')) return
    if (node.kind !== 'map') {
      this.failed = true
      return
    }
    const field = 'pathType: ImplementationSpecific'
    const path = entryOf(node, 'path')
    const pathOk = path !== undefined && isSimple(path.value)
    if (node.flow) {
      if (pathOk) this.replace(path.value.end, path.value.end, `, ${field}`)
      else this.replace(node.start + 1, node.start + 1, node.entries.length > 0 ? `${field}, ` : field)
      return
    }
    if (pathOk && this.startsLine(path.key.start) && this.lineStart(path.value.start) === this.lineStart(path.key.start)) {
      const at = this.lineEnd(path.value.end)
      this.replace(at, at, `${this.nl}${this.padTo(path.key.start)}${field}`)
      return
    }
    const first = node.entries[0]
    if (first === undefined || node.decorated || !this.startsLine(first.key.start)) {
      this.failed = true
      return
    }
    this.replace(first.key.start, first.key.start, `${field}${this.nl}${this.padTo(first.key.start)}`)
  }
}

const isSimple = (n: YNode): n is YScalar => n.kind === 'scalar' && n.simple

/** A string as a YAML flow scalar: plain when it reads back as the same string, else double-quoted. */
function flowString(s: string): string {
  if (/^[A-Za-z0-9_./-][A-Za-z0-9_./ -]*$/.test(s) && !s.endsWith(' ')) {
    try {
      if (K8S_YAML_SCHEMA.resolveImplicitScalarTag(s).value === s) return s
    } catch {
      // fall through to quoting
    }
  }
  return JSON.stringify(s)
}

/** A decoded value in YAML flow style. */
function flowValue(v: unknown): string {
  if (typeof v === 'string') return flowString(v)
  if (Array.isArray(v)) return `[${v.map(flowValue).join(', ')}]`
  if (isObj(v)) return `{${Object.entries(v).map(([k, x]) => `${flowString(k)}: ${flowValue(x)}`).join(', ')}}`
  return v === undefined ? 'null' : JSON.stringify(v)
}

/** What converting one document yields. */
export interface IngressConversion {
  /** The edits, in the whole text's lines and columns. */
  edits: TextEdit[]
  /** The `kubernetes.io/ingress.class` annotation's value, when the Ingress has one (kept). */
  ingressClassAnnotation?: string
}

/** The text of lines [startLine, endLine] (1-based, inclusive), without the last line's line break. */
function linesOf(text: string, range: LineRange): { base: number; src: string } {
  const lines = new LineTable(text)
  const base = lines.lineStart(range.startLine)
  const next = range.endLine < lines.lineCount ? lines.lineStart(range.endLine + 1) : text.length
  const end = text.slice(0, next).endsWith('\r\n') ? next - 2 : text.slice(0, next).endsWith('\n') ? next - 1 : next
  return { base, src: text.slice(base, Math.max(base, end)) }
}

/**
 * Converts the v1beta1 Ingress on lines `range` of `text` to networking.k8s.io/v1. Undefined when
 * that document is not such an Ingress or cannot be converted safely (then the user edits by hand).
 */
export function convertIngressToV1(text: string, range: LineRange): IngressConversion | undefined {
  const { base, src } = linesOf(text, range)
  const tree = parseTree(src)
  if (tree === undefined || tree.root.kind !== 'map' || !isObj(tree.value)) return undefined
  const root = tree.root
  const doc = tree.value
  const av = entryOf(root, 'apiVersion')?.value
  if (doc.kind !== 'Ingress' || typeof doc.apiVersion !== 'string' || !INGRESS_V1BETA1_VERSIONS.includes(doc.apiVersion)) return undefined
  if (av?.kind !== 'scalar' || av.empty) return undefined
  const c = new Converter(src, src.includes('\r\n') ? '\r\n' : '\n')
  // Inside the quotes, if any: the quoting style stays.
  const q = src[av.start] === '"' || src[av.start] === "'" ? 1 : 0
  c.edits.push({ start: av.start + q, end: av.end - q, text: 'networking.k8s.io/v1' })

  const spec = mapAt(root, 'spec')
  const specValue = objAt(doc, 'spec')
  if (spec && specValue) {
    const backend = entryOf(spec, 'backend')
    if (backend) {
      if (backend.key.kind !== 'scalar' || !backend.key.simple || entryOf(spec, 'defaultBackend')) return undefined
      const kq = src[backend.key.start] === '"' || src[backend.key.start] === "'" ? 1 : 0
      c.edits.push({ start: backend.key.start + kq, end: backend.key.end - kq, text: 'defaultBackend' })
      c.backend(backend.value, specValue.backend)
    }
    const rules = seqAt(spec, 'rules')
    listAt(specValue, 'rules').forEach((ruleValue, i) => {
      const rule = rules?.items[i]
      const http = rule?.kind === 'map' ? mapAt(rule, 'http') : undefined
      const paths = http ? seqAt(http, 'paths') : undefined
      listAt(objAt(ruleValue, 'http'), 'paths').forEach((pathValue, j) => {
        const path = paths?.items[j]
        if (path === undefined) {
          c.failed = true
          return
        }
        c.pathType(path, pathValue)
        if (path.kind === 'map' && isObj(pathValue)) c.backend(entryOf(path, 'backend')?.value, pathValue.backend)
      })
    })
  }
  const sorted = c.failed ? undefined : sortEdits(c.edits)
  if (sorted === undefined) return undefined
  const edits = toTextEdits(text, sorted.map((e) => ({ ...e, start: e.start + base, end: e.end + base })))
  const cls = objAt(objAt(doc, 'metadata'), 'annotations')?.['kubernetes.io/ingress.class']
  return typeof cls === 'string' ? { edits, ingressClassAnnotation: cls } : { edits }
}

/** The quick fix for the v1beta1 Ingress on lines `range` of `text`, or undefined (see convertIngressToV1). */
export function ingressV1Fix(text: string, range: LineRange): DiagnosticFix | undefined {
  const conv = convertIngressToV1(text, range)
  if (conv === undefined) return undefined
  const { src } = linesOf(text, range)
  const fix: DiagnosticFix = {
    kind: 'ingress-v1',
    title: INGRESS_V1_FIX_TITLE,
    edits: conv.edits,
    source: { startLine: range.startLine, endLine: range.endLine, text: src },
  }
  if (conv.ingressClassAnnotation !== undefined) fix.ingressClassAnnotation = conv.ingressClassAnnotation
  return fix
}

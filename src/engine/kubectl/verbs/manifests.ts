/**
 * Reading `-f FILE` the way kubectl's resource.Builder does (cli-runtime FileVisitor /
 * StreamVisitor): the file must exist (`the path "x" does not exist`), documents are read in
 * order and a YAML syntax error or a document without apiVersion/kind stops the rest of that
 * file; each object is then mapped to a served resource (`resource mapping not found …` when
 * the kind is not served, e.g. the book's extensions/v1beta1 Ingress). `kind: List` documents
 * are flattened into their items.
 */
import { formatNoMatch, goQuote, resolveKind } from '../../admission/index.ts'
import type { KObject } from '../../model/k8s.ts'
import { splitChunks } from '../../yaml/split.ts'
import { parseYamlDocuments } from '../../yaml/documents.ts'
import { plainError, type CmdError } from '../errors.ts'
import { resourceForKind, type ResourceType } from '../resources.ts'
import type { Invocation, KubectlContext } from '../types.ts'

/** One object read from a file and mapped to its resource type. */
export interface ManifestItem {
  obj: KObject
  rt: ResourceType
  /** The file it came from (kubectl's info.Source). */
  source: string
}

/** One visited document: a mapped object, or the error met reading or mapping it. */
export type ManifestEntry = { item: ManifestItem } | { error: CmdError }

/** Everything `-f` produced, in visiting order. */
export interface Manifests {
  entries: ManifestEntry[]
  /** A builder-level error (a missing file): kubectl stops before visiting anything. */
  fatal?: CmdError
}

/** The `-f/--filename` values of an invocation. */
export function filenames(inv: Invocation): string[] {
  const f = inv.flags.filename
  return Array.isArray(f) ? [...(f as string[])] : typeof f === 'string' ? [f] : []
}

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false'

/** 1-based line of `offset` in `text`. */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length

/**
 * go-yaml reports a syntax error's line within the document kubectl's YAML reader handed it
 * (documents are split at `---` first), so the line is relative to the document's chunk.
 */
function yamlError(file: string, text: string, line: number, message: string): CmdError {
  const chunk = splitChunks(text).find((c) => lineAt(text, c.start) <= line && line <= lineAt(text, Math.max(c.start, c.end - 1)))
  const rel = chunk ? line - lineAt(text, chunk.start) + 1 : line
  const reason = message.replace(/^YAML syntax error: /, '')
  return plainError(`error parsing ${file}: error converting YAML to JSON: yaml: line ${rel}: ${reason}`)
}

/** Objects of one decoded document (`kind: List` is flattened). */
function objectsOf(value: unknown): unknown[] {
  const v = value as { kind?: unknown; items?: unknown }
  if (v && typeof v === 'object' && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)) return v.items
  return [value]
}

/** Reads and maps every object of the `-f` files, defaulting namespaces like `NamespaceParam(ns).DefaultNamespace()`. */
export function readManifests(inv: Invocation, ctx: KubectlContext): Manifests {
  const files = ctx.cluster?.files ?? {}
  const names = filenames(inv)
  for (const f of names) {
    if (f === '-') return { entries: [], fatal: plainError('reading from standard input is not supported in this playground; name a file open in the editor') }
    if (!Object.hasOwn(files, f)) return { entries: [], fatal: plainError(`the path ${goQuote(f)} does not exist`) }
  }
  const entries: ManifestEntry[] = []
  const push = (error: CmdError): void => void entries.push({ error })
  for (const file of names) {
    const text = files[file] as string
    const { docs, errors: syntax } = parseYamlDocuments(text)
    const firstError = syntax[0]
    let stop = false
    for (const doc of docs) {
      if (doc.afterError) continue
      if (firstError && doc.startLine > firstError.line) continue
      for (const raw of objectsOf(doc.value)) {
        const o = raw as Partial<KObject> | null
        if (!o || typeof o !== 'object' || Array.isArray(o)) {
          push(plainError(`error validating ${goQuote(file)}: error validating data: [apiVersion not set, kind not set]; ${STOP_VALIDATE}`))
          stop = true
          break
        }
        const missing = [...(typeof o.apiVersion === 'string' && o.apiVersion ? [] : ['apiVersion not set']), ...(typeof o.kind === 'string' && o.kind ? [] : ['kind not set'])]
        if (missing.length > 0) {
          const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`
          push(plainError(`error validating ${goQuote(file)}: error validating data: ${what}; ${STOP_VALIDATE}`))
          stop = true
          break
        }
        const obj = o as KObject
        const resolved = resolveKind(obj.apiVersion, obj.kind)
        const meta = (obj.metadata ?? {}) as { name?: unknown; namespace?: unknown }
        if ('error' in resolved) {
          const name = typeof meta.name === 'string' ? meta.name : ''
          const ns = typeof meta.namespace === 'string' ? meta.namespace : ''
          push(plainError(formatNoMatch(name, ns, file, obj.apiVersion, obj.kind).replace(/^error: /, ''), resolved.hint))
          continue
        }
        const rt = resourceForKind(resolved.kind) as ResourceType
        entries.push({ item: { obj, rt, source: file } })
      }
      if (stop) break
    }
    // A document that failed validation stopped the file before the YAML error was reached.
    if (firstError && !stop) {
      push(yamlError(file, text, firstError.line, firstError.message))
    }
  }
  return { entries }
}

/**
 * The namespace an object from a file goes to: its own, else the command's. An explicit `-n`
 * that disagrees with the file is an error (resource.Builder's namespace enforcement).
 */
export function targetNamespace(item: ManifestItem, inv: Invocation): { ns: string | undefined } | { error: CmdError } {
  if (!item.rt.namespaced) return { ns: undefined }
  const own = item.obj.metadata?.namespace
  if (own && inv.explicitNamespace && own !== inv.namespace) {
    return {
      error: plainError(
        `the namespace from the provided object ${goQuote(own)} does not match the namespace ${goQuote(inv.namespace)}. You must pass '--namespace=${own}' to perform this operation.`,
      ),
    }
  }
  return { ns: own || inv.namespace }
}

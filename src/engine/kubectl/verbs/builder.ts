/**
 * Argument resolution for the writing verbs (delete, label, annotate, scale, expose, edit),
 * following cli-runtime's resource.Builder.Do: `-f` files, `-l`/`--all` selectors, `TYPE NAME…`
 * and `TYPE/NAME` arguments, with the Builder's exact usage errors and per-object NotFound
 * errors (ContinueOnError).
 */
import type { CmdError } from '../errors.ts'
import { plainError } from '../errors.ts'
import { parseSelector, type Requirement } from '../selector.ts'
import type { Invocation, KubectlContext } from '../types.ts'
import { filenames, readManifests, targetNamespace } from './manifests.ts'
import { type Info, resolveArgs } from './targets.ts'

/** What the Builder found: objects in visiting order and per-object errors. */
export interface Targets {
  infos: (Info & { source?: string })[]
  errors: CmdError[]
  /** Exactly one object was named (Builder.singleItemImplied). */
  single: boolean
}

/** The Builder's missingResourceError. */
export const MISSING_RESOURCE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"

/** `Error from server (NotFound): services "x" not found` text → a status CmdError. */
export function statusFromText(text: string): CmdError {
  const m = /^Error from server \(([^)]+)\): ([\s\S]*)$/.exec(text)
  return m ? { type: 'status', reason: m[1] as string, message: m[2] as string } : plainError(text)
}

/** Options for resolving targets. */
export interface TargetOptions {
  /** `--all` was given (SelectAllParam). */
  all?: boolean
  /** Read `-f` files too (delete); verbs without `-f` pass false. */
  files?: boolean
  /** Objects named in `-f` files are looked up on the server (label, scale…), or taken as they are (delete). */
  lookupFiles?: boolean
}

/** Resolves the command's targets, or returns the Builder's fatal error. */
export function resolveTargets(args: readonly string[], inv: Invocation, ctx: KubectlContext, opts: TargetOptions = {}): Targets | { fatal: CmdError } {
  let selector: Requirement[] | null = null
  if (typeof inv.flags.selector === 'string') {
    const parsed = parseSelector(inv.flags.selector)
    if (!parsed.ok) return { fatal: plainError(parsed.error) }
    selector = parsed.reqs
  }
  if (opts.all) selector = selector ?? []
  const allNamespaces = inv.flags['all-namespaces'] === true
  const paths = opts.files ? filenames(inv) : []
  if (paths.length > 0) {
    const names = args.filter((a) => !a.includes('/'))
    if (args.some((a) => a.includes('/'))) return { fatal: plainError('resource/name arguments cannot be provided when a path is specified') }
    if (names.length > 0) return { fatal: plainError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well') }
    const m = readManifests(inv, ctx)
    if (m.fatal) return { fatal: m.fatal }
    const infos: Targets['infos'] = []
    const errors: CmdError[] = []
    for (const e of m.entries) {
      if ('error' in e) {
        errors.push(e.error)
        continue
      }
      const ns = targetNamespace(e.item, inv)
      if ('error' in ns) {
        errors.push(ns.error)
        continue
      }
      const name = e.item.obj.metadata?.name ?? ''
      const live = ctx.api.get(e.item.rt.kind, ns.ns, name)
      if (live) infos.push({ rt: e.item.rt, obj: live, source: e.item.source })
      else if (opts.lookupFiles) errors.push({ type: 'status', reason: 'NotFound', message: `${e.item.rt.resource} "${name}" not found` })
      else infos.push({ rt: e.item.rt, obj: { ...e.item.obj, metadata: { ...e.item.obj.metadata, namespace: ns.ns } }, source: e.item.source })
    }
    return { infos, errors, single: false }
  }
  if (args.length === 0) {
    if (selector !== null) return { fatal: plainError('at least one resource must be specified to use a selector') }
    return { fatal: plainError(MISSING_RESOURCE) }
  }
  if (selector !== null) {
    if (args.some((a) => a.includes('/'))) return { fatal: plainError('selectors and the all flag cannot be used when passing resource/name arguments') }
    if (args.length > 1) return { fatal: plainError('name cannot be provided when a selector is specified') }
  } else if (args.length === 1 && !(args[0] as string).includes('/')) {
    const r = resolveArgs(args, { api: ctx.api, namespace: inv.namespace, allNamespaces, selector: null })
    if (!r.ok) return { fatal: plainError(r.error) }
    return { fatal: plainError('resource(s) were provided, but no name, label selector, or --all flag specified') }
  }
  const r = resolveArgs(args, { api: ctx.api, namespace: inv.namespace, allNamespaces, selector })
  if (!r.ok) return { fatal: plainError(r.error) }
  return { infos: r.infos, errors: r.errors.map(statusFromText), single: r.singleItemImplied }
}


/**
 * Pieces every describer shares (kubectl pkg/describe/describe.go): multi-line labels and
 * annotations, tolerations, the Events table, and event lookup for an object.
 */
import type { ApiReader } from '../../api/reader.ts'
import type { EventObj, KObject } from '../../model/k8s.ts'
import { parseTimestamp } from '../../util/time.ts'
import { translateTimestampSince } from '../format/duration.ts'
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './writer.ts'

/** Annotations describe never shows (skipAnnotations). */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])
const MAX_ANNOTATION_LEN = 140

/** printLabelsMultilineWithIndent: `Title:<tab>k=v`, further pairs on their own aligned lines. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, innerIndent)
    }
    w.write(LEVEL_0, `${key}=${(labels as Record<string, string>)[key]}\n`)
  })
}

/** printAnnotationsMultiline: long or multi-line values go on indented lines, cut at 138 chars. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort()
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  const indent = '\t'
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    let value = (annotations as Record<string, string>)[key] as string
    if (value.endsWith('\n')) value = value.slice(0, -1)
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`)
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s
        w.write(LEVEL_0, `${indent}  ${short}\n`)
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`)
    }
  })
}

/** A toleration as describe prints it: `key=value:Effect op=Exists for 300s`. */
interface TolerationLike {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

/** printTolerationsMultilineWithIndent (sorted by key). */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly TolerationLike[] | undefined, initialIndent = ''): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`)
  const ts = [...(tolerations ?? [])]
  if (ts.length === 0) {
    w.writeLine('<none>')
    return
  }
  ts.sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
  ts.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent)
      w.write(LEVEL_0, '\t')
    }
    w.write(LEVEL_0, t.key ?? '')
    if (t.value) w.write(LEVEL_0, `=${t.value}`)
    if (t.effect) w.write(LEVEL_0, `:${t.effect}`)
    // An operator Exists with no value tolerates everything matching the key.
    if (t.operator === 'Exists' && !t.value) w.write(LEVEL_0, t.key || t.effect ? ' op=Exists' : 'op=Exists')
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) w.write(LEVEL_0, ` for ${t.tolerationSeconds}s`)
    w.write(LEVEL_0, '\n')
  })
}

/** How describe finds an object's events (searchEvents with a field selector on involvedObject). */
export interface EventRef {
  kind?: string
  namespace?: string
  name: string
  uid?: string
}

/** The object's events in its namespace, oldest lastTimestamp first (SortableEvents). */
export function searchEvents(api: ApiReader, ref: EventRef): EventObj[] {
  const events = api.list<EventObj>('Event', ref.namespace)
  const matched = events.filter((e) => {
    const io = e.involvedObject
    if (io.name !== ref.name) return false
    if (ref.namespace !== undefined && (io.namespace ?? e.metadata.namespace) !== ref.namespace) return false
    if (ref.kind && io.kind && io.kind !== ref.kind) return false
    if (ref.uid && io.uid && io.uid !== ref.uid) return false
    return true
  })
  const t = (e: EventObj): number => {
    const v = e.lastTimestamp ? parseTimestamp(e.lastTimestamp) : NaN
    return Number.isNaN(v) ? -Infinity : v
  }
  return matched.map((e, i) => ({ e, i })).sort((a, b) => t(a.e) - t(b.e) || a.i - b.i).map((x) => x.e)
}

/** The event reference for an object (kind, namespace, name, uid). */
export function refOf(obj: KObject, withKind = true): EventRef {
  return {
    kind: withKind ? obj.kind : undefined,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
  }
}

/** DescribeEvents: `Events:<tab><none>` or the Type/Reason/Age/From/Message table. */
export function describeEvents(events: readonly EventObj[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of events) {
    let first = translateTimestampSince(e.eventTime, now)
    if (!e.eventTime) first = translateTimestampSince(e.firstTimestamp, now)
    let interval: string
    if (e.series) interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`
    else interval = first
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`)
  }
}

/** printController: `Kind/name` of the controlling owner reference, or ''. */
export function controllerOf(obj: KObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((o) => o.controller === true)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/** printBool: `True` / `False`. */
export const printBool = (b: boolean | undefined): string => (b ? 'True' : 'False')

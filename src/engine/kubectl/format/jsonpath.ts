/**
 * Executing a JSONPath template against an object the way `kubectl get -o jsonpath=…` does
 * (client-go util/jsonpath/jsonpath.go with allowMissingKeys, cli-runtime JSONPathPrinter):
 * every action yields a list of values printed space-separated (maps and lists as compact
 * JSON, scalars as Go's fmt would), `{range …}…{end}` repeats its body per value, a missing
 * key yields nothing, and index errors abort with client-go's messages.
 */
import { goJsonString } from './gojson.ts'
import { type JpNode, type Param, parseJsonPath } from './jsonpathParse.ts'

type Value = unknown

const isMap = (v: Value): v is Record<string, Value> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Go json.Marshal (compact, sorted keys, HTML-safe). */
export function goJsonCompact(v: Value): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null'
  if (typeof v === 'string') return goJsonString(v)
  if (Array.isArray(v)) return `[${v.map(goJsonCompact).join(',')}]`
  const keys = Object.keys(v as object).filter((k) => (v as Record<string, Value>)[k] !== undefined).sort()
  return `{${keys.map((k) => `${goJsonString(k)}:${goJsonCompact((v as Record<string, Value>)[k])}`).join(',')}}`
}

/** Go `%#v` of an unstructured value (map[string]interface {}, []interface {}, scalars). */
export function goSyntax(v: Value): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSyntax).join(', ')}}`
  const keys = Object.keys(v as object).sort()
  return `map[string]interface {}{${keys.map((k) => `${JSON.stringify(k)}:${goSyntax((v as Record<string, Value>)[k])}`).join(', ')}}`
}

class JpError extends Error {}

/** Children of a value, as reflect iterates them (map keys sorted for determinism). */
function children(v: Value): Value[] {
  if (Array.isArray(v)) return v
  if (isMap(v)) return Object.keys(v).sort().map((k) => v[k])
  return []
}

function evalArray(input: Value[], params: readonly [Param, Param, Param]): Value[] {
  const out: Value[] = []
  for (const value of input) {
    if (value === null || value === undefined) continue
    if (!Array.isArray(value)) throw new JpError(`${goTypeName(value)} is not array or slice`)
    const len = value.length
    let start = params[0].known ? params[0].value : 0
    if (start < 0) start += len
    let end = params[1].known ? params[1].value : len
    if (end < 0 || (end === 0 && params[1].derived)) end += len
    if (end !== start) {
      if (start >= len || start < 0) throw new JpError(`array index out of bounds: index ${start}, length ${len}`)
      if (end > len || end < 0) throw new JpError(`array index out of bounds: index ${end - 1}, length ${len}`)
      if (start > end) throw new JpError(`starting index ${start} is greater than ending index ${end}`)
    } else continue
    let step = 1
    if (params[2].known) {
      if (params[2].value <= 0) throw new JpError('step must be > 0')
      step = params[2].value
    }
    const slice = value.slice(start, end)
    for (let i = 0; i < slice.length; i += step) out.push(slice[i])
  }
  return out
}

const goTypeName = (v: Value): string =>
  isMap(v) ? 'map[string]interface {}' : typeof v === 'string' ? 'string' : typeof v === 'number' ? (Number.isInteger(v) ? 'int64' : 'float64') : typeof v === 'boolean' ? 'bool' : 'interface {}'

/** text/template's eq/lt/… on basic kinds. */
function compare(op: string, a: Value, b: Value): boolean {
  const kind = (v: Value) => (typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'other')
  if (kind(a) !== kind(b) || kind(a) === 'other') {
    if (op === '==' || op === '!=') {
      if (kind(a) === 'other' || kind(b) === 'other') throw new JpError('invalid type for comparison')
    }
    throw new JpError('incompatible types for comparison')
  }
  if (kind(a) === 'bool' && op !== '==' && op !== '!=') throw new JpError('invalid type for comparison')
  const x = a as number | string
  const y = b as number | string
  switch (op) {
    case '==':
      return x === y
    case '!=':
      return x !== y
    case '<':
      return x < y
    case '>':
      return x > y
    case '<=':
      return x <= y
    case '>=':
      return x >= y
    default:
      throw new JpError(`unrecognized filter operator ${op}`)
  }
}

function evalList(input: Value[], nodes: readonly JpNode[]): Value[] {
  let cur = input
  for (const n of nodes) cur = walk(cur, n)
  return cur
}

function walk(input: Value[], node: JpNode): Value[] {
  switch (node.t) {
    case 'list':
      return evalList(input, node.nodes)
    case 'text':
      return [node.text]
    case 'int':
    case 'float':
    case 'bool':
      return [node.value]
    case 'field':
      // allowMissingKeys: a missing key yields nothing.
      return input.flatMap((v) => (isMap(v) && Object.hasOwn(v, node.name) ? [v[node.name]] : []))
    case 'wildcard':
      return input.flatMap((v) => children(v))
    case 'recursive': {
      const out: Value[] = []
      const visit = (values: Value[]): void => {
        for (const v of values) {
          // A string's elements are bytes (uint8), which have no children of their own.
          const kids = typeof v === 'string' ? [...v].map((ch) => ch.charCodeAt(0)) : children(v)
          if (kids.length === 0) continue
          out.push(v)
          visit(kids)
        }
      }
      visit(input)
      return out
    }
    case 'array':
      return evalArray(input, node.params)
    case 'union':
      return node.lists.flatMap((l) => evalList(input, l))
    case 'identifier':
      if (node.name === 'range' || node.name === 'end') return input
      throw new JpError(`unrecognized identifier ${node.name}`)
    case 'filter': {
      const out: Value[] = []
      for (const value of input) {
        if (value === null || value === undefined) continue
        if (!Array.isArray(value)) throw new JpError(`${goJsonCompact(value)} is not array or slice and cannot be filtered`)
        for (const item of value) {
          const lefts = evalList([item], node.left)
          if (node.op === 'exists') {
            if (lefts.length > 0) out.push(item)
            continue
          }
          if (lefts.length === 0) continue
          if (lefts.length > 1) throw new JpError('can only compare one element at a time')
          const rights = evalList([item], node.right)
          if (rights.length === 0) continue
          if (rights.length > 1) throw new JpError('can only compare one element at a time')
          if (compare(node.op, lefts[0], rights[0])) out.push(item)
        }
      }
      return out
    }
  }
}

/** Text of one result value (PrintResults: JSON for maps/lists, fmt.Fprint otherwise). */
function valueText(v: Value): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'object') return goJsonCompact(v)
  return String(v)
}

/** FindResults with range/end: result groups in print order. */
function findResults(data: Value, nodes: readonly JpNode[], from: number, groups: Value[][], inRange: boolean): number {
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i] as JpNode
    const head = node.t === 'list' ? node.nodes[0] : undefined
    if (head?.t === 'identifier' && head.name === 'end') {
      // An `{end}` outside a range is a no-op.
      if (inRange) return i
      continue
    }
    if (node.t === 'list' && head?.t === 'identifier' && head.name === 'range') {
      const values = walk([data], { t: 'list', nodes: node.nodes.slice(1) })
      let endAt = nodes.length
      if (values.length === 0) endAt = skipToEnd(nodes, i + 1)
      for (const v of values) endAt = findResults(v, nodes, i + 1, groups, true)
      i = endAt
      continue
    }
    groups.push(walk([data], node))
  }
  return nodes.length
}

/** Index of the `{end}` matching a `{range}` whose body starts at `from`. */
function skipToEnd(nodes: readonly JpNode[], from: number): number {
  let depth = 0
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i] as JpNode
    const head = node.t === 'list' ? node.nodes[0] : undefined
    if (head?.t === 'identifier' && head.name === 'range') depth++
    if (head?.t === 'identifier' && head.name === 'end') {
      if (depth === 0) return i
      depth--
    }
  }
  return nodes.length
}

/** What `-o jsonpath=<template>` prints for `data`, or kubectl's error text (starting with `error: `). */
export function executeJsonPath(template: string, data: Value): { ok: true; text: string } | { ok: false; error: string } {
  let nodes: JpNode[]
  try {
    nodes = parseJsonPath(template)
  } catch (e) {
    return { ok: false, error: `error: error parsing jsonpath ${template}, ${(e as Error).message}\n` }
  }
  const groups: Value[][] = []
  try {
    findResults(data, nodes, 0, groups, false)
  } catch (e) {
    if (!(e instanceof JpError)) throw e
    const detail =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n`
    return { ok: false, error: `error: error executing jsonpath ${JSON.stringify(template)}: ${detail}\n` }
  }
  return { ok: true, text: groups.map((g) => g.map(valueText).join(' ')).join('') }
}

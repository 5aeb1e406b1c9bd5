/**
 * Strict decoding of a manifest against the generated schema, reproducing what the API server
 * answers when kubectl sends an object it cannot decode: Go encoding/json type errors
 * (`json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`)
 * and sigs.k8s.io/json strict errors (`strict decoding error: unknown field "spec.selectr"`).
 *
 * Precedence follows encoding/json (the sigs.k8s.io/json fork Kubernetes uses): the first
 * UnmarshalTypeError is saved and decoding goes on; an error returned by a type's own
 * UnmarshalJSON (IntOrString, Quantity, Time, Duration) stops decoding at once and wins; unknown
 * fields are only reported when decoding otherwise succeeded (apimachinery's json serializer
 * returns the decode error first).
 */
import schemaJson from './k8s.schema.json'
import { base64Error, durationError, quantityError, timeError } from './goScalars.ts'

/** The subset of JSON Schema the generator emits. */
export interface JsonSchema {
  type?: string | string[]
  format?: string
  $ref?: string
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  required?: string[]
  description?: string
  'x-go-type'?: string
  'x-kubernetes-int-or-string'?: boolean
  'x-kubernetes-preserve-unknown-fields'?: boolean
}

/** The generated root schema: kinds → apiVersion, and the definitions. */
export interface RootSchema extends JsonSchema {
  'x-kinds': Record<string, string>
  definitions: Record<string, JsonSchema>
}

/** The generated schema (also served to the Monaco editor). */
export const K8S_SCHEMA = schemaJson as unknown as RootSchema

/** One decoding problem at a path of the decoded object. */
export interface DecodeError {
  /** Where in the object: keys and indexes (for YamlDoc.pos / keyPos). */
  path: (string | number)[]
  /** The complete message as the API server words it. */
  message: string
  /** 'unknownField' errors are joined into one strict decoding error; 'type' errors stand alone. */
  reason: 'unknownField' | 'type'
  /** For unknown fields: `unknown field "spec.selectr"` (the part that gets joined). */
  detail?: string
}

interface Ctx {
  path: (string | number)[]
  /** Go field names (JSON names) from the root, without indexes: `spec.ports.port`. */
  fields: string[]
  /** The innermost Go struct being decoded. */
  struct: string | undefined
}

interface State {
  saved: DecodeError | undefined
  unknown: DecodeError[]
  /** Editor mode: keep going after every error and collect them all (in document order). */
  all: DecodeError[] | undefined
}

/** Thrown internally to stop at a custom UnmarshalJSON error, as encoding/json does. */
class Abort {
  constructor(readonly error: DecodeError) {}
}

const defName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1)
const shortName = (def: string): string => def.slice(def.lastIndexOf('.') + 1)

function resolve(s: JsonSchema): { schema: JsonSchema; def?: string } {
  if (s.$ref === undefined) return { schema: s }
  const def = defName(s.$ref)
  return { schema: K8S_SCHEMA.definitions[def] ?? {}, def }
}

const isIntOrString = (s: JsonSchema): boolean => s['x-kubernetes-int-or-string'] === true && s.format !== 'quantity'

/** Go's reflect type string of the field a schema describes (`int32`, `[]v1.ServicePort`, `map[string]string`). */
export function goType(s: JsonSchema): string {
  if (s['x-go-type'] !== undefined && s.$ref === undefined) return s['x-go-type']
  if (s.$ref !== undefined) {
    const { schema, def } = resolve(s)
    if (def === 'Quantity') return 'resource.Quantity'
    if (schema['x-go-type'] !== undefined) return schema['x-go-type']
    return `v1.${shortName(def ?? '')}`
  }
  if (isIntOrString(s)) return 'intstr.IntOrString'
  if (s.anyOf !== undefined && s.anyOf.length > 0) return goType(s.anyOf[0]!)
  switch (s.type) {
    case 'integer':
      return s.format === 'int64' ? 'int64' : 'int32'
    case 'number':
      return s.format === 'float' ? 'float32' : 'float64'
    case 'boolean':
      return 'bool'
    case 'string':
      return s.format === 'byte' ? '[]uint8' : 'string'
    case 'array':
      return `[]${goType(s.items ?? {})}`
    case 'object':
      if (typeof s.additionalProperties === 'object' && Object.keys(s.additionalProperties).length > 0) {
        return `map[string]${goType(s.additionalProperties)}`
      }
      return 'map[string]interface {}'
    default:
      return 'interface {}'
  }
}

/** encoding/json's name for the JSON value kind (`number 1.5` when a number does not fit an integer). */
function jsonKind(v: unknown): 'string' | 'number' | 'bool' | 'object' | 'array' | 'null' {
  if (v === null || v === undefined) return 'null'
  if (Array.isArray(v)) return 'array'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'number':
    case 'bigint':
      return 'number'
    case 'boolean':
      return 'bool'
    default:
      return 'object'
  }
}

/** How Go's encoder writes a float64 that sigs.k8s.io/yaml turned into JSON. */
const numberLiteral = (n: number): string => String(n)

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [-9223372036854775808, 9223372036854775807],
}

function typeError(ctx: Ctx, value: string, type: string): DecodeError {
  // UnmarshalTypeError.Error(): "Go struct field <Struct>.<field path>" when decoding inside a struct.
  const where = ctx.struct !== undefined && ctx.fields.length > 0
    ? `Go struct field ${ctx.struct}.${ctx.fields.join('.')}`
    : 'Go value'
  return { path: ctx.path, reason: 'type', message: `json: cannot unmarshal ${value} into ${where} of type ${type}` }
}

function save(st: State, e: DecodeError): void {
  st.saved ??= e
  st.all?.push(e)
}

/** A custom UnmarshalJSON failed: encoding/json stops here (editor mode notes it and goes on). */
function abort(st: State, e: DecodeError): void {
  if (st.all === undefined) throw new Abort(e)
  st.all.push(e)
}

const plain = (ctx: Ctx, message: string): DecodeError => ({ path: ctx.path, reason: 'type', message })

/** Decodes an integer literal into a Go int type; undefined when it fits. */
function intProblem(v: number, type: string): string | undefined {
  const [lo, hi] = INT_RANGE[type] ?? INT_RANGE.int32!
  return Number.isInteger(v) && v >= lo && v <= hi ? undefined : `number ${numberLiteral(v)}`
}

function decodeIntOrString(v: unknown, ctx: Ctx, st: State): void {
  // intstr.IntOrString.UnmarshalJSON: strings go to StrVal, anything else to json.Unmarshal(&IntVal int32);
  // its error comes back with the field context added (decodeState.addErrorContext).
  const k = jsonKind(v)
  if (k === 'string' || k === 'null') return
  if (k === 'number') {
    const p = intProblem(v as number, 'int32')
    if (p !== undefined) abort(st, typeError(ctx, p, 'int32'))
    return
  }
  abort(st, typeError(ctx, k, 'int32'))
}

function decodeQuantity(v: unknown, ctx: Ctx, st: State): void {
  // resource.Quantity.UnmarshalJSON parses the text of numbers and strings alike; its errors carry no context.
  const k = jsonKind(v)
  if (k === 'null') return
  const text = k === 'string' ? (v as string) : k === 'number' ? numberLiteral(v as number) : k === 'bool' ? String(v) : '{'
  const err = quantityError(text)
  if (err !== undefined) abort(st, plain(ctx, err))
}

function decodeStringUnmarshaler(v: unknown, ctx: Ctx, st: State, check: (s: string) => string | undefined): void {
  // metav1.Time / metav1.Duration: json.Unmarshal into a string first, then parse.
  const k = jsonKind(v)
  if (k === 'null') return
  if (k !== 'string') return abort(st, typeError(ctx, k, 'string'))
  const err = check(v as string)
  if (err !== undefined) abort(st, plain(ctx, err))
}

function decodeStruct(obj: Record<string, unknown>, s: JsonSchema, goName: string, ctx: Ctx, st: State): void {
  const props = s.properties ?? {}
  for (const [key, val] of Object.entries(obj)) {
    const child: Ctx = { path: [...ctx.path, key], fields: [...ctx.fields, key], struct: goName }
    const ps = Object.hasOwn(props, key) ? props[key] : undefined
    if (ps === undefined) {
      if (s.additionalProperties === false) {
        // sigs.k8s.io/json: field names match case-sensitively; the path keeps list indexes.
        const detail = `unknown field "${fieldPathString(child.path)}"`
        const e: DecodeError = { path: child.path, reason: 'unknownField', detail, message: `strict decoding error: ${detail}` }
        st.unknown.push(e)
        st.all?.push(e)
      }
      continue
    }
    decodeValue(val, ps, child, st)
  }
}

function decodeValue(v: unknown, s: JsonSchema, ctx: Ctx, st: State): void {
  const k = jsonKind(v)
  // null is a no-op for every Go type (pointers, maps and slices become nil, the rest stay zero).
  if (k === 'null') return
  const goName = s['x-go-type']
  if (goName === 'v1.Duration') return decodeStringUnmarshaler(v, ctx, st, durationError)
  if (isIntOrString(s)) return decodeIntOrString(v, ctx, st)
  const { schema, def } = resolve(s)
  if (def === 'Quantity') return decodeQuantity(v, ctx, st)
  if (def === 'Time' || def === 'MicroTime') return decodeStringUnmarshaler(v, ctx, st, timeError)
  if (def === 'FieldsV1' || schema['x-kubernetes-preserve-unknown-fields'] === true) return
  if (schema.anyOf !== undefined && !isIntOrString(schema)) {
    const branch = schema.anyOf.find((b) => acceptsKind(b, k)) ?? schema.anyOf[0]!
    return decodeValue(v, branch, ctx, st)
  }
  const type = goType(s)
  switch (schema.type) {
    case 'string':
      if (k !== 'string') return save(st, typeError(ctx, k, type))
      if (schema.format === 'byte') {
        const err = base64Error(v as string)
        if (err !== undefined) save(st, plain(ctx, err))
      }
      return
    case 'boolean':
      if (k !== 'bool') save(st, typeError(ctx, k, type))
      return
    case 'integer': {
      if (k !== 'number') return save(st, typeError(ctx, k, type))
      const p = intProblem(v as number, type)
      if (p !== undefined) save(st, typeError(ctx, p, type))
      return
    }
    case 'number':
      if (k !== 'number') save(st, typeError(ctx, k, type))
      return
    case 'array': {
      if (k !== 'array') return save(st, typeError(ctx, k, type))
      const items = schema.items ?? {}
      ;(v as unknown[]).forEach((item, i) => decodeValue(item, items, { ...ctx, path: [...ctx.path, i] }, st))
      return
    }
    case 'object': {
      if (k !== 'object') return save(st, typeError(ctx, k, type))
      const obj = v as Record<string, unknown>
      if (schema.properties !== undefined || schema.additionalProperties === false) {
        decodeStruct(obj, schema, shortName(schema['x-go-type'] ?? def ?? 'struct'), ctx, st)
        return
      }
      const ap = schema.additionalProperties
      if (typeof ap === 'object' && Object.keys(ap).length > 0) {
        // Map values: encoding/json adds no field name for map keys, but our path does (for positions).
        for (const [key, val] of Object.entries(obj)) decodeValue(val, ap, { ...ctx, path: [...ctx.path, key] }, st)
      }
      return
    }
    default:
      return
  }
}

function acceptsKind(s: JsonSchema, k: string): boolean {
  const { schema } = resolve(s)
  switch (schema.type) {
    case 'string':
      return k === 'string'
    case 'boolean':
      return k === 'bool'
    case 'integer':
    case 'number':
      return k === 'number'
    case 'array':
      return k === 'array'
    case 'object':
      return k === 'object'
    default:
      return true
  }
}

/** `['spec','ports',0,'nme']` → `spec.ports[0].nme`, the way strict decoding errors print paths. */
export function fieldPathString(path: readonly (string | number)[]): string {
  let out = ''
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`
  return out
}

/** The schema definition name for a kind, or undefined when the schema does not know the kind. */
export function definitionForKind(kind: string, apiVersion?: string): string | undefined {
  const served = Object.hasOwn(K8S_SCHEMA['x-kinds'], kind) ? K8S_SCHEMA['x-kinds'][kind] : undefined
  if (served === undefined) return undefined
  if (apiVersion !== undefined && apiVersion !== served) return undefined
  return kind
}

/**
 * Strict-decodes `obj` as `kind` (in `apiVersion`). Returns [] when it decodes, one 'type' error
 * when encoding/json would fail, or every unknown field (in document order). Kinds the schema
 * does not know, or an apiVersion that does not serve the kind, yield [] (that is admission's
 * "no matches for kind" error, not a decoding error).
 */
export function decodeErrors(obj: unknown, kind: string, apiVersion: string): DecodeError[] {
  const def = definitionForKind(kind, apiVersion)
  if (def === undefined) return []
  const st: State = { saved: undefined, unknown: [], all: undefined }
  try {
    decodeValue(obj, { $ref: `#/definitions/${def}` }, { path: [], fields: [], struct: undefined }, st)
  } catch (e) {
    if (e instanceof Abort) return [e.error]
    throw e
  }
  if (st.saved !== undefined) return [st.saved]
  return st.unknown
}

/**
 * Every decoding problem of `obj` (type errors and unknown fields, in document order), for
 * editor markers and scenario checks. The API server would report only what decodeErrors returns.
 */
export function decodeProblems(obj: unknown, kind: string, apiVersion: string): DecodeError[] {
  const def = definitionForKind(kind, apiVersion)
  if (def === undefined) return []
  const st: State = { saved: undefined, unknown: [], all: [] }
  decodeValue(obj, { $ref: `#/definitions/${def}` }, { path: [], fields: [], struct: undefined }, st)
  return st.all ?? []
}

/** The message the API server puts after "cannot be handled as a <Kind>: " for these errors. */
export function decodeMessage(errors: readonly DecodeError[]): string {
  if (errors.length === 0) return ''
  if (errors[0]!.reason !== 'unknownField') return errors[0]!.message
  return `strict decoding error: ${errors.map((e) => e.detail ?? e.message).join(', ')}`
}

/** The group-less version kubectl prints: `apps/v1` → `v1`. */
const versionOf = (apiVersion: string): string => apiVersion.slice(apiVersion.lastIndexOf('/') + 1)

/**
 * kubectl's full line for a decode failure, e.g.
 * `Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selectr"`.
 */
export function kubectlDecodeError(
  file: string,
  kind: string,
  apiVersion: string,
  errors: readonly DecodeError[],
  action: 'creating' | 'replacing' = 'creating',
): string {
  return `Error from server (BadRequest): error when ${action} "${file}": ${kind} in version "${versionOf(apiVersion)}" cannot be handled as a ${kind}: ${decodeMessage(errors)}`
}

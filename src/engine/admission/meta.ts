/**
 * ObjectMeta, label and label-selector validation (apimachinery pkg/api/validation/objectmeta.go
 * ValidateObjectMetaAccessor, pkg/apis/meta/v1/validation ValidateLabels / ValidateLabelSelector)
 * and label-selector matching (metav1.LabelSelectorAsSelector + labels.Selector.Matches).
 */
import type { FieldError } from '../model/errors.ts'
import type { LabelSelector, Meta } from '../model/k8s.ts'
import { forbidden, invalid, invalidEach, required } from './fieldErrors.ts'
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './names.ts'

/** A name check (apimachineryvalidation.NameIsDNSSubdomain / NameIsDNSLabel / NameIsDNS1035Label). */
export type NameCheck = (name: string) => string[]

/** ValidateLabels: for each label, key errors then value errors (map order: as written). */
export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...invalidEach(field, k, isQualifiedName(k)))
    errs.push(...invalidEach(field, String(v), isValidLabelValue(String(v))))
  }
  return errs
}

/** ValidateAnnotations: keys must be qualified names (checked lower-cased, reported as written). */
export function validateAnnotations(annotations: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = []
  for (const k of Object.keys(annotations ?? {})) errs.push(...invalidEach(field, k, isQualifiedName(k.toLowerCase())))
  return errs
}

/**
 * ValidateObjectMeta: name (Required when empty, else the kind's name check), namespace for
 * namespaced kinds, then labels and annotations.
 */
export function validateObjectMeta(meta: Meta, namespaced: boolean, nameCheck: NameCheck, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = []
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'))
  else errs.push(...invalidEach(`${path}.name`, meta.name, nameCheck(meta.name)))
  if (namespaced) {
    if (!meta.namespace) errs.push(required(`${path}.namespace`))
    else errs.push(...invalidEach(`${path}.namespace`, meta.namespace, isDNS1123Label(meta.namespace)))
  } else if (meta.namespace) {
    errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'))
  }
  errs.push(...validateLabels(meta.labels, `${path}.labels`))
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`))
  return errs
}

/** ValidateLabelSelector (matchLabels, then each matchExpressions requirement). */
export function validateLabelSelector(sel: LabelSelector | undefined, field: string): FieldError[] {
  if (!sel) return []
  const errs = validateLabels(sel.matchLabels, `${field}.matchLabels`)
  ;(sel.matchExpressions ?? []).forEach((r, i) => {
    const p = `${field}.matchExpressions[${i}]`
    const values = r.values ?? []
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
    } else if (r.operator === 'Exists' || r.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
    } else {
      errs.push(invalid(`${p}.operator`, r.operator ?? '', 'not a valid selector operator'))
    }
    errs.push(...invalidEach(`${p}.key`, r.key ?? '', isQualifiedName(r.key ?? '')))
    values.forEach((v, j) => errs.push(...invalidEach(`${p}.values[${j}]`, v, isValidLabelValue(v))))
  })
  return errs
}

/**
 * metav1.LabelSelectorAsSelector semantics: `nothing` for a nil selector, `everything` for an
 * empty one, `invalid` when a requirement cannot be built, else a matcher.
 */
export type CompiledSelector =
  | { kind: 'nothing' }
  | { kind: 'everything' }
  | { kind: 'invalid' }
  | { kind: 'match'; matches: (labels: Record<string, string>) => boolean }

/** Compiles a LabelSelector as LabelSelectorAsSelector does. */
export function compileSelector(sel: LabelSelector | undefined): CompiledSelector {
  if (!sel) return { kind: 'nothing' }
  const ml = Object.entries(sel.matchLabels ?? {})
  const me = sel.matchExpressions ?? []
  if (ml.length + me.length === 0) return { kind: 'everything' }
  for (const [k, v] of ml) if (isQualifiedName(k).length || isValidLabelValue(String(v)).length) return { kind: 'invalid' }
  for (const r of me) {
    const values = r.values ?? []
    if (isQualifiedName(r.key ?? '').length) return { kind: 'invalid' }
    if ((r.operator === 'In' || r.operator === 'NotIn') && values.length === 0) return { kind: 'invalid' }
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length > 0) return { kind: 'invalid' }
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator ?? '')) return { kind: 'invalid' }
    if (values.some((v) => isValidLabelValue(v).length)) return { kind: 'invalid' }
  }
  return {
    kind: 'match',
    matches: (labels) =>
      ml.every(([k, v]) => labels[k] === String(v)) &&
      me.every((r) => {
        const has = Object.hasOwn(labels, r.key ?? '')
        const val = labels[r.key ?? '']
        switch (r.operator) {
          case 'In':
            return has && (r.values ?? []).includes(val!)
          case 'NotIn':
            return !has || !(r.values ?? []).includes(val!)
          case 'Exists':
            return has
          default:
            return !has
        }
      }),
  }
}

/** labels.SelectorFromSet(map).Matches: every key/value of the map is present. */
export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => (labels ?? {})[k] === String(v))
}

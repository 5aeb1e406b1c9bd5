/** Label selector matching (metav1.LabelSelector and the map selectors of Service / RC). */
import type { LabelSelector } from '../model/k8s.ts'

export type Labels = Record<string, string> | undefined

/** A map selector (Service.spec.selector, RC.spec.selector): every pair must match. Empty selects nothing here. */
export function matchesMap(selector: Record<string, string> | undefined, labels: Labels): boolean {
  if (!selector) return false
  const keys = Object.keys(selector)
  if (keys.length === 0) return false
  return keys.every((k) => labels?.[k] === selector[k])
}

/** metav1.LabelSelector semantics (matchLabels AND matchExpressions). An empty selector matches everything. */
export function matchesSelector(sel: LabelSelector | undefined, labels: Labels): boolean {
  if (!sel) return false
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels?.[k] !== v) return false
  for (const e of sel.matchExpressions ?? []) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, e.key)
    const val = labels?.[e.key]
    switch (e.operator) {
      case 'In':
        if (!has || !(e.values ?? []).includes(val!)) return false
        break
      case 'NotIn':
        if (has && (e.values ?? []).includes(val!)) return false
        break
      case 'Exists':
        if (!has) return false
        break
      case 'DoesNotExist':
        if (has) return false
        break
      default:
        return false
    }
  }
  return true
}

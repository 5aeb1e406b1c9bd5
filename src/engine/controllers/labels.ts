/**
 * Label selector matching for controllers. The semantics live in admission/meta.ts (they are the
 * API's own: metav1.LabelSelectorAsSelector and labels.SelectorFromSet); this adds only the rule
 * that a Service's or RC's empty map selector selects nothing for its controller.
 */
import { compileSelector, mapSelectorMatches } from '../admission/meta.ts'
import type { LabelSelector } from '../model/k8s.ts'

export type Labels = Record<string, string> | undefined

/** A map selector (Service.spec.selector, RC.spec.selector): every pair must match. Empty selects nothing here. */
export function matchesMap(selector: Record<string, string> | undefined, labels: Labels): boolean {
  return !!selector && Object.keys(selector).length > 0 && mapSelectorMatches(selector, labels)
}

/** metav1.LabelSelector semantics (matchLabels AND matchExpressions). An empty selector matches everything. */
export function matchesSelector(sel: LabelSelector | undefined, labels: Labels): boolean {
  const c = compileSelector(sel)
  return c.kind === 'everything' || (c.kind === 'match' && c.matches(labels ?? {}))
}

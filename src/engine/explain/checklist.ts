/** The checklist being walked: findings in order, and whether an earlier problem blocks the rest. */
import type { Check, Finding } from './types.ts'

/** Collects findings; after the first problem, later checks are recorded as skipped. */
export class Checklist {
  /** The findings so far, in checklist order. */
  readonly findings: Finding[] = []
  private blocked = false

  /** True once a problem was found. */
  get failed(): boolean {
    return this.blocked
  }

  /**
   * Runs one check: `fn` builds its finding (undefined when the check does not apply to this
   * request). When an earlier problem blocks it, the check is recorded as skipped instead.
   * Returns the finding recorded, if any.
   */
  add(check: Check, fn: () => Finding | undefined): Finding | undefined {
    if (this.blocked) {
      const skipped: Finding = { check, status: 'skipped', params: {} }
      this.findings.push(skipped)
      return skipped
    }
    const f = fn()
    if (!f) return undefined
    this.findings.push(f)
    if (f.status === 'problem') this.blocked = true
    return f
  }
}

/**
 * Runs lesson steps through a LessonDriver — the same code for the app ("Do it") and for headless
 * runs — and evaluates each step's check on what the driver reports. A step's view holds only what
 * happened since the step began, so a check cannot pass on an earlier step's traffic.
 */
import type { HttpResult } from '../engine/facade.ts'
import type { KObject } from '../engine/model/k8s.ts'
import type { CheckResult, Lesson, LessonAction, LessonDriver, LessonStep, LessonView, TerminalRecord } from './types.ts'
import { appendDocuments, removeDocument, replaceSnippet } from './textEdits.ts'

/** What happened during one step (by its actions or by the user). */
export interface StepLog {
  results: HttpResult[]
  terminal: TerminalRecord[]
}

/** A fresh, empty step log. */
export const emptyStepLog = (): StepLog => ({ results: [], terminal: [] })

/** `a=b,c=d` equality selectors, the form lessons use to name pods whose names are random. */
function matchesSelector(labels: Readonly<Record<string, string>> | undefined, selector: string): boolean {
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=').map((s) => s.trim()) as [string, string | undefined]
    return v === undefined ? labels?.[k] !== undefined : labels?.[k] === v
  })
}

/** The `nth` (1-based, default first) pod by namespace/name matching the selector that is not being deleted. */
export function podBySelector(objects: readonly KObject[], selector: string, nth = 1): { namespace: string; name: string } | undefined {
  const pods = objects
    .filter((o) => o.kind === 'Pod' && o.metadata.deletionTimestamp === undefined && matchesSelector(o.metadata.labels, selector))
    .map((o) => ({ namespace: o.metadata.namespace ?? 'default', name: o.metadata.name }))
    .sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.namespace < b.namespace ? -1 : 1))
  return pods[nth - 1]
}

/**
 * Expands the placeholders lesson lines and URLs use for names the seed decides:
 * `$POD(selector)` or `$POD(selector#n)` (the first or n-th matching pod's name, `ns/name` when `qualified`), `$CLUSTERIP(svc)` or
 * `$CLUSTERIP(ns/svc)`, `$NODEIP(node)` (the node's InternalIP) and `$NODEPORT(svc)` (its first nodePort).
 */
export function expandPods(text: string, objects: readonly KObject[], qualified = false): { text: string } | { error: string } {
  let error: string | undefined
  const svc = (ref: string) => {
    const [ns, name] = ref.includes('/') ? (ref.split('/') as [string, string]) : ['default', ref]
    return objects.find((o) => o.kind === 'Service' && o.metadata.name === name && (o.metadata.namespace ?? 'default') === ns) as
      | { spec: { clusterIP?: string; ports?: { nodePort?: number }[] } }
      | undefined
  }
  const out = text.replace(/\$(POD|CLUSTERIP|NODEIP|NODEPORT)\(([^)]*)\)/g, (_m, what: string, arg: string) => {
    let value: string | undefined
    if (what === 'POD') {
      // `$POD(app=kubia#2)`: the second matching pod in name order.
      const [sel, nth] = arg.split('#') as [string, string | undefined]
      const p = podBySelector(objects, sel, nth === undefined ? 1 : Number(nth))
      value = p && (qualified ? `${p.namespace}/${p.name}` : p.name)
    } else if (what === 'CLUSTERIP') value = svc(arg)?.spec.clusterIP
    else if (what === 'NODEPORT') value = svc(arg)?.spec.ports?.find((p) => p.nodePort)?.nodePort?.toString()
    else {
      const node = objects.find((o) => o.kind === 'Node' && o.metadata.name === arg) as { status?: { addresses?: { type: string; address: string }[] } } | undefined
      value = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
    }
    if (value === undefined || value === '') error ??= `nothing matches $${what}(${arg})`
    return value ?? ''
  })
  return error === undefined ? { text: out } : { error }
}

/** Performs one action, recording what it produced; resolves to an error text when it could not be done. */
export async function performAction(driver: LessonDriver, action: LessonAction, log: StepLog): Promise<string | undefined> {
  switch (action.kind) {
    case 'edit':
    case 'append':
    case 'removeDoc': {
      const text = driver.text()
      const r =
        action.kind === 'edit'
          ? replaceSnippet(text, action.find, action.replace)
          : action.kind === 'append'
            ? appendDocuments(text, action.yaml)
            : removeDocument(text, action.docKind, action.name)
      if ('error' in r) return r.error
      await driver.setText(r.text)
      return undefined
    }
    case 'command': {
      const line = expandPods(action.line, driver.state().objects)
      if ('error' in line) return line.error
      const where = action.terminal ?? { kind: 'workstation' }
      let target = where
      if (where.kind === 'pod' && where.name.startsWith('$POD(')) {
        const pod = expandPods(where.name, driver.state().objects, true)
        if ('error' in pod) return pod.error
        const [namespace, name] = pod.text.split('/') as [string, string]
        target = { kind: 'pod', namespace, name }
      }
      log.terminal.push(await driver.terminal(line.text, target))
      return undefined
    }
    case 'send': {
      const from = expandPods(action.from, driver.state().objects, true)
      if ('error' in from) return from.error
      const url = expandPods(action.url, driver.state().objects)
      if ('error' in url) return url.error
      const opts: { times?: number; headers?: Record<string, string>; insecure?: boolean } = {}
      if (action.times !== undefined) opts.times = action.times
      if (action.headers !== undefined) opts.headers = action.headers
      if (action.insecure !== undefined) opts.insecure = action.insecure
      log.results.push(...(await driver.send(from.text, url.text, opts)))
      return undefined
    }
    case 'wait':
      await driver.wait(action.seconds)
      return undefined
  }
}

/** Performs a step's actions in order; stops at the first that cannot be done. */
export async function performStep(driver: LessonDriver, step: LessonStep, log: StepLog): Promise<string | undefined> {
  for (const a of step.actions) {
    const err = await performAction(driver, a, log)
    if (err !== undefined) return err
  }
  return undefined
}

/** The view a check sees. */
export function viewOf(driver: LessonDriver, log: StepLog): LessonView {
  const { now, objects } = driver.state()
  return { now, objects, results: log.results, terminal: log.terminal, editorText: driver.text() }
}

/** A check that throws fails with the exception's message instead of breaking the lesson. */
export function evaluate(step: LessonStep, view: LessonView): CheckResult {
  try {
    return step.check(view)
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err)
    return { pass: false, detail: { en: `The check could not run: ${m}`, ko: `검사를 실행할 수 없습니다: ${m}` } }
  }
}

/** One step of a headless run. */
export interface StepReport {
  step: string
  pass: boolean
  /** Why an action could not be done. */
  actionError?: string
  check: CheckResult
}

/** Loads the lesson's scenario and runs every step's actions and check in order. */
export async function runLesson(lesson: Lesson, driver: LessonDriver, scenarioText: string): Promise<StepReport[]> {
  await driver.load(lesson.scenario, scenarioText)
  const out: StepReport[] = []
  for (const step of lesson.steps) {
    const log = emptyStepLog()
    const actionError = await performStep(driver, step, log)
    const check = evaluate(step, viewOf(driver, log))
    out.push({ step: step.id, pass: actionError === undefined && check.pass, ...(actionError !== undefined ? { actionError } : {}), check })
  }
  return out
}

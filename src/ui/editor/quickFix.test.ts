/**
 * The editor's quick fixes without Monaco: the code actions offered at a line, the staleness check,
 * the edit operations (applied here the way Monaco applies ranges) and the explanation. The fix
 * comes from the real engine, for the book's extensions/v1beta1 Ingress.
 */
import { describe, expect, it } from 'vitest'
import { loadSimulation } from '../../engine/index.ts'
import type { Diagnostic } from '../../engine/model/errors.ts'
import { APPLY_FIX_COMMAND, fixEditOperations, fixExplanation, quickFixActions } from './quickFix.ts'
import type { EditOperationLike, LinesReader } from './quickFix.ts'

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia-nodeport\nspec:\n  ports:\n  - port: 80\n'
const BOOK = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
`
const BOOK_V1 = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        pathType: ImplementationSpecific
        backend:
          service:
            name: kubia-nodeport
            port:
              number: 80
`
// Lines 1–7 are the Service, 8 is `---`, 9–21 the Ingress.
const TEXT = `${SERVICE}---\n${BOOK}`

/** A model over a text, as Monaco's getLineContent sees it. */
function model(text: string): LinesReader {
  const lines = text.split(/\r?\n/)
  return { getLineCount: () => lines.length, getLineContent: (l) => lines[l - 1] ?? '' }
}

/** Applies edit operations as Monaco does: 1-based line/column ranges of the text before the edit. */
function applyOps(text: string, ops: EditOperationLike[]): string {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  const off = (line: number, col: number) => starts[line - 1]! + col - 1
  const byOffset = ops.map((o) => ({ s: off(o.range.startLineNumber, o.range.startColumn), e: off(o.range.endLineNumber, o.range.endColumn), t: o.text }))
  byOffset.sort((a, b) => b.s - a.s)
  return byOffset.reduce((acc, o) => acc.slice(0, o.s) + o.t + acc.slice(o.e), text)
}

const diagnostics = (): Diagnostic[] => [...loadSimulation(TEXT).diagnostics]

describe('quick fixes', () => {
  it('the engine’s problem carries a fix', () => {
    expect(diagnostics().map((d) => [d.line, d.fix?.kind])).toEqual([[9, 'ingress-v1']])
  })

  it.each([
    [1, []],
    [8, []],
    [9, ['Convert to networking.k8s.io/v1']],
    [15, ['Convert to networking.k8s.io/v1']],
    [21, ['Convert to networking.k8s.io/v1']],
    [22, []],
  ])('code actions at line %i', (line, titles) => {
    const actions = quickFixActions(model(TEXT), diagnostics(), line)
    expect(actions.map((a) => a.title)).toEqual(titles)
    for (const a of actions) {
      expect([a.kind, a.isPreferred, a.command.id, a.command.title]).toEqual(['quickfix', true, APPLY_FIX_COMMAND, 'Convert to networking.k8s.io/v1'])
      expect(a.command.arguments[0].kind).toBe('ingress-v1')
    }
  })

  it('no code action once the document changed since the problem was found', () => {
    const edited = TEXT.replace('servicePort: 80', 'servicePort: 8080')
    expect(quickFixActions(model(edited), diagnostics(), 12)).toEqual([])
    expect(quickFixActions(model(SERVICE), diagnostics(), 9)).toEqual([])
  })

  it('the edit operations turn the Ingress into networking.k8s.io/v1 and leave the Service alone', () => {
    const fix = diagnostics()[0]!.fix!
    const ops = fixEditOperations(fix)
    expect(ops[0]).toEqual({ range: { startLineNumber: 9, startColumn: 13, endLineNumber: 9, endColumn: 31 }, text: 'networking.k8s.io/v1', forceMoveMarkers: true })
    expect(applyOps(TEXT, ops)).toBe(`${SERVICE}---\n${BOOK_V1}`)
  })

  it('explains what was removed and what changed; mentions a class annotation when there is one', () => {
    const fix = diagnostics()[0]!.fix!
    const text = fixExplanation(fix)
    for (const part of ['Kubernetes 1.22', 'extensions/v1beta1', 'service.name', 'service.port.number', 'spec.defaultBackend', 'pathType', 'ImplementationSpecific']) {
      expect(text).toContain(part)
    }
    expect(text).not.toContain('ingress.class')
    expect(fixExplanation({ ...fix, ingressClassAnnotation: 'nginx' })).toContain('kubernetes.io/ingress.class: nginx annotation is kept')
  })
})

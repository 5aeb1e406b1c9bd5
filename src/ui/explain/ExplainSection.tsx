/**
 * "Why no response?" in the inspector: shown when the selected request failed (no answer, an
 * error status, dropped or rejected). The button asks the worker to walk the troubleshooting
 * checklist for it (src/engine/explain, against the cluster as it is now); the list shows each item
 * with ✓ / ✗ / – and a sentence, and a problem's "Show in editor" puts the editor's cursor on the
 * responsible YAML line (through the store's `revealInEditor`).
 */
import { useId, useState } from 'react'
import type { LocatedFinding } from '../../engine/explain/locate.ts'
import { appStore } from '../../store/appStore.ts'
import { selectSelectedTrace, selectTraffic } from '../../store/selectors.ts'
import { appController } from '../appController.ts'
import { useLang } from '../i18n/useLang.ts'
import { useAppStore } from '../useAppStore.ts'
import { explainInputs, firstProblem, requestFailed } from './explainView.ts'
import { checkTitles, explainStrings as t, findingText } from './strings.ts'
import './explain.css'

type Run = { traceId: number } & ({ phase: 'loading' } | { phase: 'done'; findings: LocatedFinding[]; status?: number } | { phase: 'error'; message: string })

const MARK = { ok: '✓', problem: '✗', skipped: '–' } as const

/** One checklist item. */
function Item({ f }: { f: LocatedFinding }) {
  const lang = useLang()
  const reveal = useAppStore((s) => s.revealInEditor)
  const title = checkTitles[f.check][lang]
  const at = f.status === 'problem' ? f.atLoc : undefined
  const related = f.status === 'problem' ? f.relatedLoc : undefined
  return (
    <li className={`explain-item explain-${f.status}`} data-check={f.check} data-status={f.status}>
      <span className="explain-mark" aria-hidden="true">
        {MARK[f.status]}
      </span>
      <div className="explain-body">
        <span className="explain-title">{title}</span> <span className="visually-hidden">({t.status[f.status][lang]})</span>
        <p className="explain-text">{findingText(f, lang)}</p>
        {at && f.at && !at.exact && <p className="explain-note">{t.notWritten[lang](f.at.fieldPath)}</p>}
        {(at || related) && (
          <div className="explain-actions">
            {at && f.at && (
              <button type="button" className="explain-show" title={t.showInEditorTitle[lang](f.at.fieldPath, at.line)} onClick={() => reveal(at.line, at.col)}>
                {t.showInEditor[lang]}
              </button>
            )}
            {related && f.related && (
              <button type="button" title={t.showInEditorTitle[lang](f.related.fieldPath, related.line)} onClick={() => reveal(related.line, related.col)}>
                {t.showRelated[lang]}
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  )
}

/** The explainer for the selected trace; renders nothing while the selected request succeeded. */
export function ExplainSection() {
  const lang = useLang()
  const headingId = useId()
  const trace = useAppStore(selectSelectedTrace)
  const run = useAppStore((s) => (trace ? s.runs.find((r) => r.trace.id === trace.id) : undefined))
  const [state, setState] = useState<Run | null>(null)
  if (!trace || !requestFailed(trace, run?.status)) return null
  const mine = state?.traceId === trace.id ? state : null

  const check = async () => {
    const st = appStore.getState()
    const { request, result } = explainInputs(trace, run, selectTraffic(st).from)
    const traceId = trace.id
    setState({ traceId, phase: 'loading' })
    try {
      const findings = await appController.explain(request, result, st.editorText)
      setState({ traceId, phase: 'done', findings, ...(result.status !== undefined ? { status: result.status } : {}) })
    } catch (err) {
      setState({ traceId, phase: 'error', message: err instanceof Error ? err.message : String(err) })
    }
  }

  let summary = ''
  if (mine?.phase === 'loading') summary = t.checking[lang]
  else if (mine?.phase === 'error') summary = t.failed[lang](mine.message)
  else if (mine?.phase === 'done') {
    const first = firstProblem(mine.findings)
    summary = first
      ? t.found[lang](checkTitles[first.check][lang])
      : mine.status !== undefined && mine.status >= 400
        ? `${t.nothingFound[lang]} ${t.appAnswered[lang](mine.status)}`
        : t.nothingFound[lang]
  }

  return (
    <section className="explain" aria-labelledby={headingId} data-testid="explain">
      <div className="explain-head">
        <h3 id={headingId} className="explain-heading">
          {t.heading[lang]}
        </h3>
        <button type="button" className={mine ? 'explain-run' : 'explain-run primary'} title={t.buttonTitle[lang]} onClick={() => void check()} disabled={mine?.phase === 'loading'}>
          {mine ? t.again[lang] : t.button[lang]}
        </button>
      </div>
      <p className="explain-summary" role="status">
        {summary}
      </p>
      {mine?.phase === 'done' && (
        <ol className="explain-list" aria-label={t.listLabel[lang]}>
          {mine.findings.map((f, i) => (
            <Item key={`${f.check}-${i}`} f={f} />
          ))}
        </ol>
      )}
    </section>
  )
}

/**
 * The editor pane: Monaco is lazy-loaded (its chunk is large), so a plain textarea with the same
 * text stands in until it arrives and the diagram can appear first. Below it, the problems list.
 */
import { Suspense, lazy, useCallback, useEffect, useId, useRef } from 'react'
import type { ManifestEditorApi } from '../contracts.ts'
import { ProblemsList } from '../editor/ProblemsList.tsx'
import { LiveEditBar } from '../terminal/LiveEditBar.tsx'
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'
import { appStore } from '../../store/appStore.ts'
import { selectErrorCount } from '../../store/selectors.ts'

const ManifestEditor = lazy(() => import('../editor/ManifestEditor.tsx'))

/** Until Monaco loads: the same text, editable, applied the same way. */
function FallbackEditor() {
  const t = useStrings(strings)
  const text = useAppStore((s) => s.editorText)
  return (
    <textarea
      className="editor-fallback"
      aria-label={t.editorFallbackLabel}
      spellCheck={false}
      value={text}
      onChange={(e) => appController.editText(e.target.value)}
    />
  )
}

/** The Monaco editor fed from the store; `text` is read only when the revision changes (a load). */
function LoadedEditor({ onReady }: { onReady(api: ManifestEditorApi): void }) {
  const revision = useAppStore((s) => s.editorRevision)
  const diagnostics = useAppStore((s) => s.diagnostics)
  const dark = useAppStore((s) => s.theme === 'dark')
  const largeText = useAppStore((s) => s.largeText)
  return (
    <ManifestEditor
      text={appStore.getState().editorText}
      revision={revision}
      diagnostics={diagnostics}
      onChange={appController.editText}
      dark={dark}
      largeText={largeText}
      onReady={onReady}
    />
  )
}

/** The editor pane's content. */
export function EditorPane() {
  const t = useStrings(strings)
  const headingId = useId()
  const diagnostics = useAppStore((s) => s.diagnostics)
  const kept = useAppStore((s) => !s.accepted && selectErrorCount(s) > 0)
  const editorApi = useRef<ManifestEditorApi | null>(null)
  // Lines asked for from elsewhere (the explainer's "Show in editor"), each shown once, when Monaco is there.
  const reveal = useAppStore((s) => s.editorReveal)
  const revealedSeq = useRef(0)
  const showAsked = useCallback(() => {
    const r = appStore.getState().editorReveal
    if (!r || r.seq === revealedSeq.current || !editorApi.current) return
    revealedSeq.current = r.seq
    editorApi.current.revealLine(r.line, r.col)
  }, [])
  useEffect(showAsked, [reveal, showAsked])
  const onReady = useCallback(
    (api: ManifestEditorApi) => {
      editorApi.current = api
      showAsked()
    },
    [showAsked],
  )
  return (
    <section className="editor-pane" aria-labelledby={headingId}>
      <h2 id={headingId} className="pane-heading">{t.editorHeading}</h2>
      {kept && (
        <p className="kept-note" data-testid="kept-last-good">
          {t.keptLastGood}
        </p>
      )}
      <LiveEditBar />
      <div className="editor-host">
        <Suspense fallback={<FallbackEditor />}>
          <LoadedEditor onReady={onReady} />
        </Suspense>
      </div>
      <ProblemsList
        diagnostics={diagnostics}
        onReveal={(line, col) => editorApi.current?.revealLine(line, col)}
        onFix={(d) => d.fix && editorApi.current?.applyFix(d.fix)}
      />
    </section>
  )
}

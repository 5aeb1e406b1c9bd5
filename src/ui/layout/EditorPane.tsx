/**
 * The editor pane: Monaco is lazy-loaded (its chunk is large), so a plain textarea with the same
 * text stands in until it arrives and the diagram can appear first. Below it, the problems list.
 */
import { Suspense, lazy, useCallback, useId, useRef } from 'react'
import { ProblemsList } from '../editor/ProblemsList.tsx'
import { LiveEditBar } from '../terminal/LiveEditBar.tsx'
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import { useAppStore } from '../useAppStore.ts'
import { appStore } from '../../store/appStore.ts'
import { selectErrorCount } from '../../store/selectors.ts'

const ManifestEditor = lazy(() => import('../editor/ManifestEditor.tsx'))

/** Until Monaco loads: the same text, editable, applied the same way. */
function FallbackEditor() {
  const text = useAppStore((s) => s.editorText)
  return (
    <textarea
      className="editor-fallback"
      aria-label={strings.editorFallbackLabel}
      spellCheck={false}
      value={text}
      onChange={(e) => appController.editText(e.target.value)}
    />
  )
}

/** The Monaco editor fed from the store; `text` is read only when the revision changes (a load). */
function LoadedEditor({ onReady }: { onReady(api: { revealLine(line: number, col: number): void }): void }) {
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
  const headingId = useId()
  const diagnostics = useAppStore((s) => s.diagnostics)
  const kept = useAppStore((s) => !s.accepted && selectErrorCount(s) > 0)
  const reveal = useRef<{ revealLine(line: number, col: number): void } | null>(null)
  const onReady = useCallback((api: { revealLine(line: number, col: number): void }) => {
    reveal.current = api
  }, [])
  return (
    <section className="editor-pane" aria-labelledby={headingId}>
      <h2 id={headingId} className="pane-heading">{strings.editorHeading}</h2>
      {kept && (
        <p className="kept-note" data-testid="kept-last-good">
          {strings.keptLastGood}
        </p>
      )}
      <LiveEditBar />
      <div className="editor-host">
        <Suspense fallback={<FallbackEditor />}>
          <LoadedEditor onReady={onReady} />
        </Suspense>
      </div>
      <ProblemsList diagnostics={diagnostics} onReveal={(line, col) => reveal.current?.revealLine(line, col)} />
    </section>
  )
}

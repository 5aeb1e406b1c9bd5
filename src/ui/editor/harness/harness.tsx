/**
 * Dev-only page for the manifest editor (not part of the production build, whose only input is
 * /index.html): `npm start`, then open /src/ui/editor/harness/index.html. It lazy-loads the editor
 * the way the App does and gets real engine diagnostics from a small worker of its own.
 */
import { lazy, StrictMode, Suspense, useEffect, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { Diagnostic } from '../../../engine/model/errors.ts'
import type { ManifestEditorApi } from '../../contracts.ts'
import { ProblemsList } from '../ProblemsList.tsx'
import { editorStrings } from '../strings.ts'
import '../../app.css'

const ManifestEditor = lazy(() => import('../ManifestEditor.tsx'))

const scenarios = import.meta.glob<string>('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true })
const names = Object.keys(scenarios).sort()
const first = names.find((n) => n.endsWith('kubia-nodeport.yaml')) ?? names[0]!

const engine = new Worker(new URL('./diagnostics.worker.ts', import.meta.url), { type: 'module' })
let seq = 0
const pending = new Map<number, (d: Diagnostic[]) => void>()
engine.onmessage = (e: MessageEvent<{ seq: number; diagnostics: Diagnostic[] }>) => {
  pending.get(e.data.seq)?.(e.data.diagnostics)
  pending.delete(e.data.seq)
}
function engineDiagnostics(text: string): Promise<Diagnostic[]> {
  const id = ++seq
  engine.postMessage({ seq: id, text })
  return new Promise((resolve) => pending.set(id, resolve))
}

function Harness() {
  const [loaded, setLoaded] = useState({ text: scenarios[first]!, revision: 0 })
  const [text, setText] = useState(loaded.text)
  const [edits, setEdits] = useState(0)
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>([])
  const [dark, setDark] = useState(false)
  const [largeText, setLargeText] = useState(false)
  const editorApi = useRef<ManifestEditorApi | null>(null)

  // The App debounces applying the text; so does the harness.
  useEffect(() => {
    let live = true
    const t = setTimeout(() => void engineDiagnostics(text).then((d) => live && setDiagnostics(d)), 200)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [text])

  return (
    <div style={{ display: 'grid', gridTemplateRows: 'auto minmax(0, 1fr) auto', height: '100vh', background: dark ? '#1e1e1e' : undefined, color: dark ? '#ddd' : undefined }}>
      <div style={{ display: 'flex', gap: 16, padding: '8px 12px', alignItems: 'center', flexWrap: 'wrap' }}>
        <label>
          Scenario{' '}
          <select
            defaultValue={first}
            onChange={(e) => {
              const t = scenarios[e.target.value]!
              setLoaded((l) => ({ text: t, revision: l.revision + 1 }))
              setText(t)
            }}
          >
            {names.map((n) => (
              <option key={n} value={n}>{n.split('/').pop()}</option>
            ))}
          </select>
        </label>
        <label><input type="checkbox" checked={dark} onChange={(e) => setDark(e.target.checked)} /> Dark</label>
        <label><input type="checkbox" checked={largeText} onChange={(e) => setLargeText(e.target.checked)} /> Large text</label>
        <output data-testid="harness-status">edits: {edits} · chars: {text.length} · revision: {loaded.revision}</output>
      </div>
      <div style={{ minHeight: 0, borderBlock: '1px solid #ccc' }}>
        <Suspense fallback={<p role="status">{editorStrings.en.loading}</p>}>
          <ManifestEditor
            text={text}
            revision={loaded.revision}
            diagnostics={diagnostics}
            dark={dark}
            largeText={largeText}
            onChange={(t) => {
              setText(t)
              setEdits((n) => n + 1)
            }}
            onReady={(api) => {
              editorApi.current = api
            }}
          />
        </Suspense>
      </div>
      <div style={{ padding: '8px 12px' }}>
        <ProblemsList
          diagnostics={diagnostics}
          onReveal={(l, c) => editorApi.current?.revealLine(l, c)}
          onFix={(d) => d.fix && editorApi.current?.applyFix(d.fix)}
        />
      </div>
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
)

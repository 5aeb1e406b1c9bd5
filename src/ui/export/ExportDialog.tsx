/**
 * The "Export for a real cluster" dialog (lazy-loaded): previews the bundle's files in tabs —
 * kind-config.yaml, manifests.yaml, README.md, run.sh — with Copy (the file shown) and Download
 * (one self-extracting script that writes the four files and runs run.sh). It exports the work in
 * the editor; while a lesson is open it can export the lesson instead, from the lesson's own
 * scenario (its steps edit that text, not the editor's current one).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { exportForKind } from '../../export/index.ts'
import type { KindBundle } from '../../export/index.ts'
import { lessonById } from '../../scenarios/lessons/index.ts'
import { appStore } from '../../store/appStore.ts'
import { useLang } from '../i18n/useLang.ts'
import { Tabs } from '../layout/Tabs.tsx'
import { scenarioText } from '../lesson/scenarioTexts.ts'
import { ownWork } from '../share/ownWork.ts'
import { exportStrings } from './strings.ts'
import './export.css'

/** Starts a download of `text` as `name`. */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** What the dialog exports, read when it opens (reopening it picks up later edits). */
function readSource() {
  const s = appStore.getState()
  const current = s.lessonProgress.current?.lesson
  const lesson = current === undefined ? undefined : lessonById(current)
  const lessonText = lesson ? scenarioText(lesson.scenario) : undefined
  return { own: ownWork(s), lesson: lesson && lessonText !== undefined ? { lesson, text: lessonText } : undefined }
}

/** The dialog; `onClose` unmounts it. */
export default function ExportDialog({ onClose }: { onClose(): void }) {
  const lang = useLang()
  const t = exportStrings[lang]
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const lessonId = useId()
  const [source] = useState(readSource)
  const [withLesson, setWithLesson] = useState(source.lesson !== undefined)
  const [tab, setTab] = useState('README.md')
  const [live, setLive] = useState('')

  const bundle: KindBundle = useMemo(() => {
    const l = withLesson ? source.lesson : undefined
    if (l) return exportForKind({ text: l.text, file: l.lesson.scenario, lesson: l.lesson, lang })
    return exportForKind({ text: source.own.text, file: source.own.file || 'scenario.yaml', lang })
  }, [withLesson, source, lang])
  const shown = bundle.files.find((f) => f.name === tab) ?? bundle.files[0]!

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    return () => d?.close()
  }, [])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.text)
      setLive(t.copied(shown.name))
    } catch {
      setLive(t.copyFailed)
    }
  }
  // Closed before the parent unmounts it, so the page is no longer inert when focus goes back to the button.
  const finish = () => {
    ref.current?.close()
    onClose()
  }
  const save = () => {
    download(bundle.script.name, bundle.script.text, 'text/x-shellscript')
    setLive(t.downloaded(bundle.script.name))
  }

  return (
    <dialog
      ref={ref}
      className="export-dialog"
      aria-labelledby={titleId}
      data-testid="export-dialog"
      onCancel={(e) => {
        e.preventDefault()
        finish()
      }}
    >
      <h2 id={titleId}>{t.title}</h2>
      <p>{t.intro}</p>
      {source.lesson && (
        <p className="export-lesson">
          <input id={lessonId} type="checkbox" checked={withLesson} onChange={(e) => setWithLesson(e.target.checked)} />
          <label htmlFor={lessonId}>{t.withLesson(source.lesson.lesson.title[lang])}</label>
        </p>
      )}
      <div className="export-files">
        <Tabs
          label={t.files}
          selected={shown.name}
          onSelect={setTab}
          tabs={bundle.files.map((f) => ({
            id: f.name,
            label: f.name,
            panel: (
              <pre className={f.name.endsWith('.md') ? 'export-file export-prose' : 'export-file'} tabIndex={0} aria-label={t.fileRegion(f.name)} data-testid={`export-file-${f.name}`}>
                <code>{f.text}</code>
              </pre>
            ),
          }))}
        />
      </div>
      {bundle.warnings.length > 0 && (
        <details className="export-warnings">
          <summary>
            {t.warnings} ({bundle.warnings.length})
          </summary>
          <ul>
            {bundle.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="export-how">{t.howToRun(bundle.script.name)}</p>
      <div className="export-buttons">
        <button type="button" onClick={() => void copy()} title={t.copyTitle(shown.name)}>
          {t.copy(shown.name)}
        </button>
        <button type="button" className="primary" autoFocus onClick={save} title={t.downloadTitle(bundle.script.name)}>
          {t.download(bundle.script.name)}
        </button>
        <button type="button" onClick={finish}>
          {t.close}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {live}
      </p>
    </dialog>
  )
}

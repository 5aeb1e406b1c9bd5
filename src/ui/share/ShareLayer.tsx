/**
 * What the share feature puts over the page: its notices (a bad link, a refused file, a failing
 * autosave — each dismissible), the question "Open the shared scenario / Keep my work", and the
 * drop target for scenario files dragged onto the page.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { importFile, refuseSeveral } from './fileActions.ts'
import { dismissNotice, useShareUi } from './shareUi.ts'
import type { LinkQuestion } from './shareUi.ts'
import { shareStrings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useLang } from '../i18n/useLang.ts'
import './share.css'

function LinkDialog({ q }: { q: LinkQuestion }) {
  const t = useStrings(shareStrings)
  const lang = useLang()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
    return () => d?.close()
  }, [])
  const s = q.shared
  return (
    <dialog
      ref={ref}
      className="share-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="link-dialog"
      onCancel={(e) => {
        // Escape keeps the user's work, the safe answer.
        e.preventDefault()
        q.answer(false)
      }}
    >
      <h2 id={titleId}>{t.askTitle}</h2>
      <p id={bodyId}>{t.askBody}</p>
      <ul>
        <li>
          {t.askShared(s.file, s.lines)}
          {s.actions > 0 && t.askHistory(s.actions)}
        </li>
        <li>{t.askOwn(q.own.file, q.own.savedAt === undefined ? '' : new Date(q.own.savedAt).toLocaleString(lang))}</li>
      </ul>
      <div className="share-dialog-buttons">
        <button type="button" className="primary" autoFocus onClick={() => q.answer(true)}>
          {t.askOpen}
        </button>
        <button type="button" onClick={() => q.answer(false)}>
          {t.askKeep}
        </button>
      </div>
    </dialog>
  )
}

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false

/** Files dragged over the page: an overlay, and the dropped file is imported (Monaco never sees it). */
function useFileDrop(): boolean {
  const [over, setOver] = useState(false)
  useEffect(() => {
    let depth = 0
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth++
      setOver(true)
    }
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
    }
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
      depth = 0
      setOver(false)
      const files = e.dataTransfer?.files
      if (!files || files.length === 0) return
      if (files.length > 1) refuseSeveral()
      else void importFile(files[0]!)
    }
    // Capture phase: the editor would otherwise take the drop as text.
    window.addEventListener('dragenter', enter, true)
    window.addEventListener('dragover', overFn, true)
    window.addEventListener('dragleave', leave, true)
    window.addEventListener('drop', drop, true)
    return () => {
      window.removeEventListener('dragenter', enter, true)
      window.removeEventListener('dragover', overFn, true)
      window.removeEventListener('dragleave', leave, true)
      window.removeEventListener('drop', drop, true)
    }
  }, [])
  return over
}

/** The share feature's notices, question and drop target. */
export function ShareLayer() {
  const t = useStrings(shareStrings)
  const lang = useLang()
  const notices = useShareUi((s) => s.notices)
  const question = useShareUi((s) => s.question)
  const dropping = useFileDrop()
  return (
    <>
      {notices.length > 0 && (
        <div className="share-notices" aria-label={t.notices} role="region">
          {notices.map((n) => (
            <div key={n.id} className={`banner share-notice share-notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="share-notice">
              <p>{n.text[lang]}</p>
              <button type="button" onClick={() => dismissNotice(n.id)}>
                {t.dismiss}
              </button>
            </div>
          ))}
        </div>
      )}
      {question && <LinkDialog q={question} />}
      {dropping && (
        <div className="share-drop" aria-hidden="true">
          <p>{t.dropHere}</p>
        </div>
      )}
    </>
  )
}

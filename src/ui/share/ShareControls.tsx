/**
 * The toolbar's share group: Copy link (with a panel that shows the link, so it can be copied by
 * hand where the clipboard is refused, and that warns before copying a link too long to travel),
 * Import (file picker; dropping a file works too, see ShareLayer), Export, and Earlier work.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { SavedVersion } from '../../persist/autosave.ts'
import { MAX_HASH_CHARS } from '../../share/limits.ts'
import { appStore } from '../../store/appStore.ts'
import { appController } from '../appController.ts'
import { useAppStore } from '../useAppStore.ts'
import { exportScenario, importFile, restoreVersion } from './fileActions.ts'
import type { MadeLink } from './makeLink.ts'
import { kib } from './problemText.ts'
import { useShareUi } from './shareUi.ts'
import { shareStrings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useLang } from '../i18n/useLang.ts'

/** What the panel under the button shows. */
type Panel =
  | { kind: 'link'; url: string; copied: boolean; withoutLog: boolean }
  | { kind: 'too-long'; link: MadeLink; shorter?: MadeLink }
  | { kind: 'failed'; why: string }

async function copy(url: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false
    await navigator.clipboard.writeText(url)
    return true
  } catch {
    return false
  }
}

function LinkPanel({ panel, onClose, onCopyShorter, onExport }: { panel: Panel; onClose(): void; onCopyShorter(l: MadeLink): void; onExport(): void }) {
  const t = useStrings(shareStrings)
  const field = useRef<HTMLInputElement>(null)
  const firstButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (panel.kind === 'link') {
      field.current?.focus()
      field.current?.select()
    } else firstButton.current?.focus()
  }, [panel])
  return (
    <section
      className="share-panel"
      aria-label={t.linkPanel}
      data-testid="share-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      {panel.kind === 'link' && (
        <>
          <p>{panel.copied ? (panel.withoutLog ? t.copiedWithoutHistory : t.copied) : t.copyManually}</p>
          <input ref={field} className="share-link-field" readOnly value={panel.url} aria-label={t.linkField} onFocus={(e) => e.currentTarget.select()} />
          <div className="share-panel-buttons">
            <button type="button" onClick={onClose}>
              {t.close}
            </button>
          </div>
        </>
      )}
      {panel.kind === 'too-long' && (
        <>
          <p role="alert">
            {t.tooLong(kib(panel.link.chars), kib(MAX_HASH_CHARS))}
            {panel.shorter && ` ${t.tooLongWithoutHistory(kib(panel.shorter.chars))}`}
          </p>
          <div className="share-panel-buttons">
            <button ref={firstButton} type="button" className="primary" onClick={onExport}>
              {t.exportInstead}
            </button>
            {panel.shorter && (
              <button type="button" onClick={() => onCopyShorter(panel.shorter!)}>
                {t.copyShorter}
              </button>
            )}
            <button type="button" onClick={onClose}>
              {t.cancel}
            </button>
          </div>
        </>
      )}
      {panel.kind === 'failed' && (
        <>
          <p role="alert">{t.linkFailed(panel.why)}</p>
          <div className="share-panel-buttons">
            <button ref={firstButton} type="button" onClick={onClose}>
              {t.close}
            </button>
          </div>
        </>
      )}
    </section>
  )
}

function EarlierWork({ versions, onRestored }: { versions: SavedVersion[]; onRestored(text: string): void }) {
  const t = useStrings(shareStrings)
  const lang = useLang()
  const id = useId()
  return (
    <div className="control">
      <label htmlFor={id}>{t.earlier}</label>
      <select
        id={id}
        value=""
        title={t.earlierTitle}
        onChange={(e) => {
          const v = versions[Number(e.target.value)]
          if (v) void restoreVersion(v).then(onRestored)
        }}
      >
        <option value="" disabled>
          {t.earlierPlaceholder}
        </option>
        {versions.map((v, i) => (
          <option key={v.id} value={i}>
            {t.earlierOption(v.file, new Date(v.savedAt).toLocaleString(lang))}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The share group of the toolbar. */
export function ShareControls() {
  const t = useStrings(shareStrings)
  const [panel, setPanel] = useState<Panel | null>(null)
  const [busy, setBusy] = useState(false)
  const [live, setLive] = useState('')
  const fileInput = useRef<HTMLInputElement>(null)
  const copyButton = useRef<HTMLButtonElement>(null)
  const earlier = useShareUi((s) => s.earlier)
  const ready = useAppStore((s) => s.simStatus === 'ready')

  const showLink = async (link: MadeLink, withoutLog = false) => {
    const copied = await copy(link.url)
    setPanel({ kind: 'link', url: link.url, copied, withoutLog })
    setLive(copied ? (withoutLog ? t.copiedWithoutHistory : t.copied) : t.copyManually)
  }

  const copyLink = async () => {
    setBusy(true)
    setLive(t.makingLink)
    try {
      const inputLog = () => appController.inputLog()
      // The codec loads with the first link made (it is not needed to show the page).
      const { makeLink } = await import('./makeLink.ts')
      const link = await makeLink(appStore.getState(), inputLog, window.location.href)
      if (!link.tooLong) return await showLink(link)
      // Warn before copying: offer the file, or a link without the history when that one fits.
      const shorter = link.withLog ? await makeLink(appStore.getState(), inputLog, window.location.href, true) : undefined
      setPanel({ kind: 'too-long', link, ...(shorter && !shorter.tooLong ? { shorter } : {}) })
      setLive(t.tooLong(kib(link.chars), kib(MAX_HASH_CHARS)))
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      setPanel({ kind: 'failed', why })
      setLive(t.linkFailed(why))
    } finally {
      setBusy(false)
    }
  }

  const close = () => {
    setPanel(null)
    copyButton.current?.focus()
  }

  return (
    <div className="control-group share-controls" role="group" aria-label={t.group}>
      <button ref={copyButton} type="button" title={t.copyLinkTitle} disabled={!ready || busy} onClick={() => void copyLink()}>
        {t.copyLink}
      </button>
      <button type="button" title={t.importTitle} onClick={() => fileInput.current?.click()}>
        {t.importButton}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml"
        className="visually-hidden"
        tabIndex={-1}
        aria-label={t.importInput}
        onChange={(e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (f) void importFile(f).then(setLive)
        }}
      />
      <button type="button" title={t.exportTitle} disabled={!ready} onClick={() => setLive(exportScenario())}>
        {t.exportButton}
      </button>
      {earlier.length > 0 && <EarlierWork versions={earlier} onRestored={setLive} />}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="share-live">
        {live}
      </p>
      {panel && (
        <LinkPanel
          panel={panel}
          onClose={close}
          onCopyShorter={(l) => void showLink(l, true)}
          onExport={() => {
            setLive(exportScenario())
            close()
          }}
        />
      )}
    </div>
  )
}

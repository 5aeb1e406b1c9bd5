/**
 * The toolbar's "Export for a real cluster" button. The dialog and the export logic (with the
 * YAML parser it uses) load on first use, so the initial bundle only carries this button.
 */
import { Suspense, lazy, useRef, useState } from 'react'
import { useLang } from '../i18n/useLang.ts'
import { exportStrings } from './strings.ts'

const ExportDialog = lazy(() => import('./ExportDialog.tsx'))

/** The button, and the dialog while it is open. */
export function ExportClusterButton() {
  const t = exportStrings[useLang()]
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const close = () => {
    setOpen(false)
    button.current?.focus()
  }
  return (
    <div className="control-group">
      <button ref={button} type="button" title={t.buttonTitle} aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="export-cluster">
        {t.button}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog onClose={close} />
        </Suspense>
      )}
    </div>
  )
}

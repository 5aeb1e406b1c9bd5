/**
 * Scenario files and earlier work: import (checked first: a refused file leaves the editor as it
 * was), export (a download of the manifests), restore a version the autosave kept. Whatever
 * replaces the editor's work, that work is saved as its own version first.
 */
import { appStore } from '../../store/appStore.ts'
import type { SavedVersion } from '../../persist/autosave.ts'
import { checkImport, exportFileName, MAX_IMPORT_BYTES } from '../../persist/scenarioFile.ts'
import { appController } from '../appController.ts'
import { flushAutosave } from './autosaveBinding.ts'
import { ownWork } from './ownWork.ts'
import { importProblemText } from './problemText.ts'
import { clearNotice, notify } from './shareUi.ts'
import { localize } from '../../i18n/lang.ts'
import type { Lang } from '../../i18n/lang.ts'
import { shareStrings } from './strings.ts'
import type { ShareStrings } from './strings.ts'

/** What to announce, in the language shown now (notices keep both languages). */
const now = (): ShareStrings => shareStrings[appStore.getState().lang]

/** Opens a scenario file the user picked or dropped; resolves with what to announce. */
export async function importFile(file: File): Promise<string> {
  const refuse = (why: (lang: Lang) => string) => {
    const text = { en: shareStrings.en.importRefused(file.name, why('en')), ko: shareStrings.ko.importRefused(file.name, why('ko')) }
    notify('error', text, 'import')
    return text[appStore.getState().lang]
  }
  // Checked before reading, so a huge file is never read into memory.
  if (file.size > MAX_IMPORT_BYTES) return refuse((lang) => importProblemText({ reason: 'too-big', bytes: file.size }, lang))
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    return refuse((lang) => shareStrings[lang].importWhy.unreadable(detail))
  }
  // js-yaml only for this check, loaded when a file is first imported (not in the initial bundle).
  const { loadAll } = await import('js-yaml')
  const r = checkImport(file.name, bytes, (text) => loadAll(text))
  if (!r.ok) return refuse((lang) => importProblemText(r, lang))
  clearNotice('import')
  flushAutosave()
  await appController.loadScenario(r.text, r.file)
  return now().imported(r.file)
}

/** Several files dropped at once: refused. */
export function refuseSeveral(): string {
  notify('error', localize(shareStrings, (s) => s.dropOne), 'import')
  return now().dropOne
}

/** Downloads the scenario (the manifests, also during a `kubectl edit`); resolves with what to announce. */
export function exportScenario(): string {
  const own = ownWork(appStore.getState())
  const name = exportFileName(own.file)
  const url = URL.createObjectURL(new Blob([own.text], { type: 'application/yaml' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return now().exported(name)
}

/** Restores a version the autosave kept; the work open now becomes a version of its own. */
export async function restoreVersion(v: SavedVersion): Promise<string> {
  flushAutosave()
  await appController.loadScenario(v.text, v.file)
  return now().restored(v.file)
}

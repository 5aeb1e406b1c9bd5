/**
 * How an embedded playground starts: the scenario comes from the share link in the URL's hash (a
 * course page embeds `/?embed=1#v1.…`), else the default scenario. An iframe has no work of its
 * own, so a link opens without the "shared or mine?" question, and the user's autosave is neither
 * read nor written: the iframe must never overwrite (or even look at) what the user saved in the
 * full playground on the same site. A bad link runs nothing, says why, and loads the default.
 */
import { planStartup } from '../../share/startup.ts'
import { appStore } from '../../store/appStore.ts'
import { appController } from '../appController.ts'
import { DEFAULT_PICK } from '../controls/scenarios.ts'
import { linkProblemText } from '../share/problemText.ts'
import { notify } from '../share/shareUi.ts'
import { openLink } from '../share/startPlayground.ts'
import { shareStrings } from '../share/strings.ts'
import type { ShareStrings } from '../share/strings.ts'

/** The codec loads only when there is a link to read. */
const readShareHash = async (hash: string): Promise<import('../../share/codec.ts').LinkRead> =>
  hash === '' || hash === '#' ? { status: 'none' } : (await import('../../share/codec.ts')).readShareHash(hash)

/** Opens what the hash holds (a link, nothing, or a bad link) as an embed does. */
async function openHash(hash: string, first: boolean): Promise<void> {
  // An iframe has no work of its own (`undefined`): a good link always opens, without a question.
  const plan = planStartup(await readShareHash(hash), undefined, () => true)
  if (plan.kind === 'open') return openLink(plan.payload)
  if (plan.kind === 'default' && plan.problem) {
    const p = plan.problem
    const after = (s: ShareStrings) => (first ? s.nothingRunDefault : s.nothingRunUnchanged)
    notify('error', { en: `${linkProblemText(p, 'en')} ${after(shareStrings.en)}`, ko: `${linkProblemText(p, 'ko')} ${after(shareStrings.ko)}` }, 'link')
  }
  // At start the default scenario stands in for a missing or bad link; later the open one stays.
  if (first) await appController.loadScenario(DEFAULT_PICK.text, DEFAULT_PICK.file)
}

let started = false

/** Starts the embedded playground (once: React StrictMode runs effects twice). */
export function startEmbedded(): void {
  if (started) return
  started = true
  appStore.setState({ embedded: true })
  void openHash(window.location.hash, true)
  // The host page may point the iframe at another link.
  window.addEventListener('hashchange', () => void openHash(window.location.hash, false))
}

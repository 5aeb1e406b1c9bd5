/**
 * What the app opens with: the URL's share link, the autosaved work, or the default scenario
 * (src/share/startup.ts decides; this carries it out). A link that differs from the user's own work
 * asks first; a bad link runs nothing and loads the user's own work with the reason shown. A link
 * pasted into an open page (hashchange) goes through the same rule against the editor's work.
 */
import { appStore } from '../../store/appStore.ts'
import { readAutosave, EMPTY_AUTOSAVE } from '../../persist/autosave.ts'
import type { LinkProblem, LinkRead } from '../../share/codec.ts'
import { DEFAULT_SEED } from '../../share/limits.ts'
import type { SharePayload } from '../../share/payload.ts'
import { planStartup } from '../../share/startup.ts'
import type { OwnWork, StartupPlan } from '../../share/startup.ts'
import { applyView, linkViewBase, viewOf } from '../../share/viewOptions.ts'
import { appController } from '../appController.ts'
import { DEFAULT_PICK } from '../controls/scenarios.ts'
import { browserStorage, flushAutosave, keepHistory, refreshEarlier, startAutosave } from './autosaveBinding.ts'
import { isPristine } from './pristine.ts'
import { ownWork } from './ownWork.ts'
import { linkProblemText } from './problemText.ts'
import { ask, notify, shareUi } from './shareUi.ts'
import { localize } from '../../i18n/lang.ts'
import { shareStrings as t } from './strings.ts'
import type { ShareStrings } from './strings.ts'

const st = () => appStore.getState()

/** Removes the link from the address bar once it has been opened (a reload then restores the autosave). */
function forgetLink(): void {
  history.replaceState(history.state, '', window.location.pathname + window.location.search)
}


/** The codec loads only when there is a link to read (most visits have none). */
const readShareHash = async (hash: string): Promise<LinkRead> => (hash === '' || hash === '#' ? { status: 'none' } : (await import('../../share/codec.ts')).readShareHash(hash))

/** Opens a checked link: its view options, its scenario, its history replayed; warns when something differs. */
export async function openLink(p: SharePayload): Promise<void> {
  flushAutosave()
  applyView(st(), p.view ?? {}, (speed) => void appController.setSpeed(speed), linkViewBase(viewOf(st())))
  const replayed = await appController.openShared(p.text, p.file ?? '', p.log ? { log: p.log, ...(p.trace === undefined ? {} : { trace: p.trace }) } : {})
  if (p.log && !replayed) notify('warning', localize(t, (s) => s.replayFailed), 'link')
  const seed = st().snapshot?.config.seed
  const linkSeed = p.seed ?? DEFAULT_SEED
  if (seed !== undefined && seed !== linkSeed) notify('warning', localize(t, (s) => s.seedMismatch(linkSeed, seed)), 'seed')
  shareUi.setState({ linkLesson: p.lesson ? { id: p.lesson, step: p.step ?? 0 } : null })
  forgetLink()
}

/** The requests, commands and edits a link's history replays. */
function actions(p: SharePayload): number {
  return (p.log ?? []).filter((e) => e.k === 'request' || e.k === 'kubectl' || e.k === 'shell' || e.k === 'editor').length
}

/** Asks "shared or mine?" and opens the link when the user says so. */
async function askThenOpen(p: SharePayload, own: OwnWork, savedAt: number | undefined, keep: () => Promise<void>): Promise<void> {
  const open = await ask({
    shared: { file: p.file ?? '', lines: p.text.split('\n').length, actions: actions(p) },
    own: { file: own.file, ...(savedAt === undefined ? {} : { savedAt }) },
  })
  if (open) {
    await openLink(p)
    notify('info', localize(t, (s) => s.openedShared), 'link')
  } else await keep()
}

/** A bad link's notice: why, then what was done instead (`after` picks that sentence). */
function problemNotice(problem: LinkProblem, after: (s: ShareStrings) => string): void {
  notify('error', { en: `${linkProblemText(problem, 'en')} ${after(t.en)}`, ko: `${linkProblemText(problem, 'ko')} ${after(t.ko)}` }, 'link')
}

/** Carries out the plan made at startup. */
async function runStartup(plan: StartupPlan, savedAt: number | undefined): Promise<void> {
  const loadOwn = (own: OwnWork) => appController.loadScenario(own.text, own.file)
  switch (plan.kind) {
    case 'open':
      return openLink(plan.payload)
    case 'ask':
      return askThenOpen(plan.payload, plan.own, savedAt, () => loadOwn(plan.own))
    case 'own':
      if (plan.problem) problemNotice(plan.problem, (s) => s.nothingRunOwn)
      return loadOwn(plan.own)
    case 'default':
      if (plan.problem) problemNotice(plan.problem, (s) => s.nothingRunDefault)
      return appController.loadScenario(DEFAULT_PICK.text, DEFAULT_PICK.file)
  }
}

/** A link pasted into the open page: the same rule, against the work in the editor. */
async function onHashChange(): Promise<void> {
  const link: LinkRead = await readShareHash(window.location.hash)
  if (link.status === 'none') return
  if (link.status === 'bad') return problemNotice(link.problem, (s) => s.nothingRunUnchanged)
  const plan = planStartup(link, ownWork(st()), isPristine)
  if (plan.kind === 'open') return openLink(plan.payload)
  if (plan.kind === 'ask') return askThenOpen(plan.payload, plan.own, undefined, async () => {})
}

let started = false

/** Opens the app's first scenario (once; React StrictMode runs effects twice) and starts the autosave. */
export function startPlayground(): void {
  if (started) return
  started = true
  void (async () => {
    const storage = browserStorage()
    const saved = storage ? readAutosave(storage) : { data: EMPTY_AUTOSAVE, problem: 'unavailable' as const }
    if (saved.problem === 'unreadable') notify('warning', localize(t, (s) => s.autosaveUnreadable), 'autosave-read')
    // The user's own view settings first (when anything was saved: else the system's theme stays); a link's go over them.
    if (saved.data.versions.length > 0) applyView(st(), saved.data.view, (speed) => void appController.setSpeed(speed))
    keepHistory(saved.data.history)
    refreshEarlier(storage)
    const top = saved.data.versions[0]
    const link = await readShareHash(window.location.hash)
    await runStartup(planStartup(link, top ? { text: top.text, file: top.file } : undefined, isPristine), top?.savedAt)
    startAutosave(appStore, storage, isPristine)
    window.addEventListener('hashchange', () => void onHashChange())
  })()
}

/**
 * Every registered lesson through the app's driver, on the real engine (in-memory worker): each
 * terminal line typed into its tab's real terminal session (the workstation's, or a pod shell tab
 * the driver opens), edits through the editor's text, and each step's check evaluated on the step
 * log the store captured — as the lesson panel does it.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { emptyStepLog, evaluate, performStep, viewOf } from '../../lessons/runner.ts'
import type { StepLog } from '../../lessons/runner.ts'
import { LESSONS } from '../../scenarios/lessons/index.ts'
import { createAppStore } from '../../store/appStore.ts'
import { SimClient } from '../../worker/client.ts'
import { loadHostedSim } from '../../worker/engine.ts'
import { inMemoryPort } from '../../worker/fakeSim.ts'
import { createSimController } from '../simController.ts'
import { tabBackend } from '../terminal/tabBackend.ts'
import { TerminalSession } from '../terminal/terminalSession.ts'
import { fakeTerminal } from '../terminal/testing/fakeTerminal.ts'
import { AppDriver } from './appDriver.ts'
import { capture, cursorAtEnd } from './stepCapture.ts'

/** The app's store and controller, with every terminal tab's session fed from the store as TerminalScreen feeds it. */
function app() {
  const store = createAppStore()
  const controller = createSimController(
    () => {
      const client = new SimClient(inMemoryPort(loadHostedSim))
      return { send: (b) => client.send(b), restart: () => {} }
    },
    store,
    { now: () => 0, later: () => () => {} },
  )
  const sessions = new Map<string, TerminalSession>()
  const sessionOf = (id: string) => {
    let s = sessions.get(id)
    const tab = store.getState().terminalTabs.find((t) => t.id === id)
    if (!s && tab) {
      s = new TerminalSession(fakeTerminal(200), tab.host, tabBackend(tab, controller, store))
      s.start()
      sessions.set(id, s)
    }
    return s
  }
  store.subscribe((s, prev) => {
    if (s.terminalInputs === prev.terminalInputs || s.terminalInputs.length === 0) return
    for (const id of new Set(s.terminalInputs.map((n) => n.session))) {
      const session = sessionOf(id)
      if (!session) continue
      const mine = store.getState().terminalInputs.filter((n) => n.session === id)
      if (mine.length === 0) continue
      store.getState().ackTerminalInputs(id, mine[mine.length - 1]!.seq)
      for (const n of mine) session.input(n.text)
    }
  })
  const deps = { store, controller, sleep: () => Promise.resolve() }
  return { store, driver: new AppDriver(deps, 'live'), quiet: new AppDriver(deps, 'quiet') }
}

describe('every lesson through the app driver', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: each step passes on what the store captured`, { timeout: 60_000 }, async () => {
      const { store, driver } = app()
      await driver.load(lesson.scenario, readFileSync(new URL(`../../scenarios/${lesson.scenario}`, import.meta.url), 'utf8'))
      const failed: string[] = []
      for (const step of lesson.steps) {
        let cursor = cursorAtEnd(store.getState())
        let log: StepLog = emptyStepLog()
        const err = await performStep(driver, step, emptyStepLog())
        ;({ log, cursor } = capture(log, cursor, store.getState()))
        const check = evaluate(step, viewOf(driver, log))
        if (err !== undefined || !check.pass) failed.push(`${step.id}: ${err ?? check.detail?.en ?? 'failed'}`)
      }
      expect(failed).toEqual([])
    })

    it(`${lesson.id}: the quiet rebuild ("Reset step") performs every step's actions`, { timeout: 60_000 }, async () => {
      const { quiet } = app()
      await quiet.load(lesson.scenario, readFileSync(new URL(`../../scenarios/${lesson.scenario}`, import.meta.url), 'utf8'))
      const errors: string[] = []
      for (const step of lesson.steps) {
        const err = await performStep(quiet, step, emptyStepLog())
        if (err !== undefined) errors.push(`${step.id}: ${err}`)
      }
      expect(errors).toEqual([])
    })
  }
})

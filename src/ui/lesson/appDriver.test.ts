/**
 * The app's lesson driver on the real engine (in-memory worker), with the workstation tab's real
 * terminal session wired to the store the way TerminalScreen wires it: "Do it" types each command
 * into that session; the step log is what the store captured (so typing by hand counts the same);
 * every step of the model lesson passes; a quiet rebuild reaches the state the headless run does.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ServiceObj } from '../../engine/model/k8s.ts'
import { HostDriver } from '../../lessons/hostDriver.ts'
import { emptyStepLog, evaluate, performStep, viewOf } from '../../lessons/runner.ts'
import type { StepLog } from '../../lessons/runner.ts'
import { clusteripLesson } from '../../scenarios/lessons/clusterip.ts'
import { createAppStore } from '../../store/appStore.ts'
import { WORKSTATION_TAB } from '../../store/terminalSlice.ts'
import { SimClient } from '../../worker/client.ts'
import { loadHostedSim } from '../../worker/engine.ts'
import { inMemoryPort } from '../../worker/fakeSim.ts'
import { createSimController } from '../simController.ts'
import { tabBackend } from '../terminal/tabBackend.ts'
import { TerminalSession } from '../terminal/terminalSession.ts'
import { fakeTerminal } from '../terminal/testing/fakeTerminal.ts'
import { AppDriver, QUIET_SESSION, freshLoadLog } from './appDriver.ts'
import { capture, cursorAtEnd } from './stepCapture.ts'

const file = clusteripLesson.scenario
const text = readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8')

/** A store, a controller on a fresh in-memory worker (no real-time loop), and the workstation tab's session fed from the store. */
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
  const screen = fakeTerminal(200)
  const tab = store.getState().terminalTabs[0]!
  const session = new TerminalSession(screen, tab.host, tabBackend(tab, controller, store))
  session.start()
  // What TerminalScreen does with queued keystrokes.
  store.subscribe((s, prev) => {
    if (s.terminalInputs === prev.terminalInputs) return
    const mine = s.terminalInputs.filter((n) => n.session === WORKSTATION_TAB)
    if (mine.length === 0) return
    s.ackTerminalInputs(WORKSTATION_TAB, mine[mine.length - 1]!.seq)
    for (const n of mine) session.input(n.text)
  })
  const driver = (mode: 'live' | 'quiet') => new AppDriver({ store, controller, sleep: () => new Promise((r) => setTimeout(r, 0)) }, mode)
  /** The step log as the lesson UI keeps it: captured from the store since `begin()`. */
  let cursor = cursorAtEnd(store.getState())
  let log: StepLog = emptyStepLog()
  const begin = () => {
    cursor = cursorAtEnd(store.getState())
    log = emptyStepLog()
  }
  const captured = () => {
    ;({ log, cursor } = capture(log, cursor, store.getState()))
    return log
  }
  return { store, controller, screen, session, driver, begin, captured }
}

describe('the app driver', () => {
  it('loads the scenario fresh even over the same text, into the editor', async () => {
    const a = app()
    await a.driver('live').load(file, text)
    await a.session.input('kubectl label pod --all app=foo --overwrite\r')
    await new Promise((r) => setTimeout(r, 20))
    expect(a.store.getState().terminalLog.map((r) => r.line)).toEqual(['kubectl label pod --all app=foo --overwrite'])
    await a.driver('live').load(file, text)
    const labels = (a.store.getState().snapshot?.objects ?? []).filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default').map((o) => o.metadata.labels?.app)
    expect(labels).toEqual(['kubia', 'kubia', 'kubia'])
    expect([a.store.getState().editorText, a.store.getState().scenarioFile]).toEqual([text, file])
    expect(freshLoadLog(text, file)[0]).toEqual({ k: 'load', text, file })
  })

  it('"Do it" types each command into the terminal; every step of the model lesson passes on what the store captured', async () => {
    const a = app()
    const d = a.driver('live')
    await d.load(file, text)
    for (const step of clusteripLesson.steps) {
      a.begin()
      expect(evaluate(step, viewOf(d, a.captured())).pass, `${step.id} before`).toBe(false)
      expect(await performStep(d, step, emptyStepLog()), step.id).toBeUndefined()
      const check = evaluate(step, viewOf(d, a.captured()))
      expect(check, step.id).toMatchObject({ pass: true })
    }
    // The lines were typed at the prompt, and their output printed below them.
    const screen = a.screen.screen().join('\n')
    expect(screen).toContain('$ kubectl get svc kubia')
    expect(screen).toMatch(/^kubia +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +80\/TCP/m)
    expect(screen).toContain("You've hit kubia-")
  })

  it('a step the user does by hand (typing the command) passes the same way', async () => {
    const a = app()
    const d = a.driver('live')
    await d.load(file, text)
    const [first] = clusteripLesson.steps
    a.begin()
    a.session.input('kubectl get pods\r')
    await new Promise((r) => setTimeout(r, 20))
    expect(evaluate(first!, viewOf(d, a.captured())).pass).toBe(false)
    a.session.input('kubectl get svc kubia\r')
    await new Promise((r) => setTimeout(r, 20))
    const log = a.captured()
    expect(log.terminal.map((r) => r.line)).toEqual(['kubectl get pods', 'kubectl get svc kubia'])
    expect(evaluate(first!, viewOf(d, log)).pass).toBe(true)
  })

  it('requests sent by hand are in the step log too', async () => {
    const a = app()
    await a.driver('live').load(file, text)
    a.begin()
    const pod = a.store.getState().snapshot!.objects.find((o) => o.kind === 'Pod' && o.metadata.labels?.app === 'kubia')!
    const svc = a.store.getState().snapshot!.objects.find((o) => o.kind === 'Service' && o.metadata.name === 'kubia') as ServiceObj | undefined
    const ip = svc?.spec.clusterIP
    await a.controller.request(`default/${pod.metadata.name}`, `http://${ip}/`, { times: 2 })
    expect(a.captured().results.map((r) => r.status)).toEqual([200, 200])
  })

  it('the quiet mode rebuilds a step’s starting state without typing: the state the headless run reaches', async () => {
    const a = app()
    const quiet = a.driver('quiet')
    await quiet.load(file, text)
    const head = new HostDriver()
    await head.load(file, text)
    for (const step of clusteripLesson.steps.slice(0, 3)) {
      expect(await performStep(quiet, step, emptyStepLog())).toBeUndefined()
      expect(await performStep(head, step, emptyStepLog())).toBeUndefined()
    }
    const pods = (objs: readonly { kind: string; metadata: { name: string; labels?: Record<string, string> } }[]) =>
      objs.filter((o) => o.kind === 'Pod').map((o) => `${o.metadata.name}:${o.metadata.labels?.app ?? ''}`).sort()
    expect(pods(quiet.state().objects)).toEqual(pods(head.state().objects))
    expect(a.screen.screen().join('\n')).not.toContain('kubectl')
    expect(a.store.getState().terminalLog.every((r) => r.session.startsWith(QUIET_SESSION))).toBe(true)
  })
})

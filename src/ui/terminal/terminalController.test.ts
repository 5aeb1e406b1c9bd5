/**
 * The controller's terminal actions over the fake engine and the real worker host: a line's
 * update and packets land in the store, `-f` gets the editor's files, and `kubectl edit` swaps the
 * editor's text for the live object and back, with no scenario apply in between.
 */
import { describe, expect, it } from 'vitest'
import type { KubectlResult } from '../../engine/facade.ts'
import type { ShellResult } from '../../engine/shell/types.ts'
import { createAppStore } from '../../store/appStore.ts'
import { WORKSTATION_TAB } from '../../store/terminalSlice.ts'
import { fakeSim, inMemoryPort, manualClock } from '../../worker/fakeSim.ts'
import type { TestPort } from '../../worker/fakeSim.ts'
import { SimSupervisor } from '../../worker/supervisor.ts'
import { APPLY_DEBOUNCE_MS, createSimController } from '../simController.ts'

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
const LIVE = '# Please edit the object below.\nkind: Service\nmetadata:\n  name: web\n'

/** The fake engine with a shell that curls (one DNS and one HTTP trace) and kubectl edit/apply. */
function engine(text: string) {
  const sim = fakeSim(text)
  const kubectl = (args: string[], files?: Readonly<Record<string, string>>): KubectlResult => {
    sim.calls.push(`kubectl ${args.join(' ')} ${Object.keys(files ?? {}).join(',')}`.trimEnd())
    if (args[0] === 'edit') return Object.assign({ stdout: '', stderr: '', exitCode: 0 }, { openInEditor: { kind: 'Service', namespace: 'default', name: 'web', yaml: LIVE } })
    if (args[0] === 'apply') return { stdout: 'service/web configured\n', stderr: '', exitCode: 0 }
    return { stdout: 'NAME\n', stderr: '', exitCode: 0 }
  }
  const hop = { at: { kind: 'client', name: 'laptop' }, kind: 'wire', before: { proto: 'TCP', src: '1.1.1.1', sport: 1, dst: '2.2.2.2', dport: 80 }, after: { proto: 'TCP', src: '1.1.1.1', sport: 1, dst: '2.2.2.2', dport: 80 } } as const
  const shell = () => ({
    run: (): ShellResult => ({
      stdout: "You've hit p1\n",
      stderr: '',
      exitCode: 0,
      traces: [
        { id: 41, at: 0, hops: [hop, hop], outcome: 'delivered', pod: 'kube-system/coredns-a' },
        { id: 42, at: 0, hops: [hop], outcome: 'delivered', pod: 'default/p1' },
      ],
    }),
  })
  return Object.assign(sim, { kubectl, shell })
}

function setup() {
  const store = createAppStore()
  const wall = manualClock()
  const ports: TestPort[] = []
  const sims: ReturnType<typeof engine>[] = []
  const ctl = createSimController(
    (callbacks) =>
      new SimSupervisor({
        ...callbacks,
        makePort: () => {
          const p = inMemoryPort((t) => {
            const s = engine(t)
            sims.push(s)
            return s
          }, manualClock())
          ports.push(p)
          return p
        },
        clock: wall,
      }),
    store,
    {
      now: wall.now,
      later: (ms, fn) => {
        let live = true
        const stop = wall.every(ms, () => {
          if (live) fn()
          live = false
          stop()
        })
        return () => {
          live = false
          stop()
        }
      },
    },
  )
  return { store, ctl, wall, ports, sims, st: () => store.getState() }
}

describe('terminal actions of the controller', () => {
  it('a shell line\'s packets become runs, one after the other, the last selected, and playback resumes', async () => {
    const t = setup()
    await t.ctl.loadScenario('good', 'a.yaml', false)
    const r = await t.ctl.runTerminal('shell-1', { kind: 'pod', namespace: 'default', name: 'p1' }, 'curl -s http://web')
    expect(r.stdout).toBe("You've hit p1\n")
    const runs = t.st().runs
    expect(runs.map((x) => x.trace.id)).toEqual([41, 42])
    expect(runs[1]!.startedAt - runs[0]!.startedAt).toBe(2 * t.st().animation.hopMs)
    expect([t.st().selection, t.st().hits, t.st().playback.playing]).toEqual([{ traceId: 42 }, { 'kube-system/coredns-a': 1, 'default/p1': 1 }, true])
  })

  it('workstation lines carry the editor\'s files; kubectl reads them only for -f', async () => {
    const t = setup()
    await t.ctl.loadScenario('kind: Service\nmetadata:\n  name: web\n', 'web.yaml', false)
    await t.ctl.runTerminal(WORKSTATION_TAB, { kind: 'workstation' }, 'kubectl get svc')
    await t.ctl.runTerminal(WORKSTATION_TAB, { kind: 'workstation' }, 'kubectl apply -f service-web.yaml')
    expect(t.sims[0]!.calls.filter((c) => c.startsWith('kubectl'))).toEqual(['kubectl get svc', 'kubectl apply -f service-web.yaml web.yaml,service-web.yaml'])
    const sent = t.ports[0]!.sent.filter((m) => m.type === 'terminal')
    expect(sent.map((m) => (m.type === 'terminal' ? Object.keys(m.files ?? {}).sort() : []))).toEqual([['service-web.yaml', 'web.yaml'], ['service-web.yaml', 'web.yaml']])
  })

  it('kubectl edit: the live object replaces the editor text without applying it; Apply saves it and the manifests come back', async () => {
    const t = setup()
    await t.ctl.loadScenario('the scenario', 'a.yaml', false)
    const r = await t.ctl.runTerminal(WORKSTATION_TAB, { kind: 'workstation' }, 'kubectl edit svc web')
    t.ctl.startLiveEdit(r.openInEditor!, WORKSTATION_TAB)
    expect([t.st().editorText, t.st().scenarioFile, t.st().liveEdit?.target.name]).toEqual([LIVE, 'a.yaml', 'web'])
    // Typing in the live object never applies it as a scenario.
    t.ctl.editText(`${LIVE}spec: {}\n`)
    t.wall.advance(APPLY_DEBOUNCE_MS * 3)
    await flush()
    expect(t.ports[0]!.sent.filter((m) => m.type === 'apply')).toHaveLength(1)
    await t.ctl.saveLiveEdit()
    expect(t.ports[0]!.sent.find((m) => m.type === 'editSave')).toMatchObject({ session: WORKSTATION_TAB, yaml: `${LIVE}spec: {}\n` })
    expect([t.st().liveEdit, t.st().editorText, t.st().scenarioFile]).toEqual([null, 'the scenario', 'a.yaml'])
    expect(t.st().terminalNotes.map((n) => [n.session, n.text])).toEqual([[WORKSTATION_TAB, 'service/web edited\n']])
  })

  it('cancelling an edit puts the manifests back and says so in the tab', async () => {
    const t = setup()
    await t.ctl.loadScenario('the scenario', 'a.yaml', false)
    t.ctl.startLiveEdit({ kind: 'Service', namespace: 'default', name: 'web', yaml: LIVE }, 'shell-3')
    t.ctl.cancelLiveEdit()
    expect([t.st().liveEdit, t.st().editorText]).toEqual([null, 'the scenario'])
    expect(t.st().terminalNotes.map((n) => [n.session, n.text])).toEqual([['shell-3', 'Edit cancelled, no changes made.\n']])
  })

  it('loading a scenario during an edit ends the edit', async () => {
    const t = setup()
    await t.ctl.loadScenario('one', 'a.yaml', false)
    t.ctl.startLiveEdit({ kind: 'Service', namespace: 'default', name: 'web', yaml: LIVE }, WORKSTATION_TAB)
    await t.ctl.loadScenario('two', 'b.yaml', false)
    expect([t.st().liveEdit, t.st().editorText]).toEqual([null, 'two'])
  })
})

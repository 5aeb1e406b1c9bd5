/**
 * The toolbar's link carries the lesson and step the learner has open (so a student can send
 * "where I am"), and nothing of a lesson when none is open; the rest of the state rides along as before.
 */
import { describe, expect, it } from 'vitest'
import { readShareHash } from '../../share/codec.ts'
import type { SharePayload } from '../../share/payload.ts'
import { createAppStore } from '../../store/appStore.ts'
import type { LogEntry } from '../../worker/protocol.ts'
import { makeLink } from './makeLink.ts'

const TEXT = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\n'

/** What a user did after the load: one request (so the log travels with the link). */
const LOG: LogEntry[] = [{ k: 'load', text: TEXT, file: 'kubia-nodeport.yaml' }, { k: 'settle' }, { k: 'mark' }, { k: 'request', from: 'laptop', url: 'http://172.18.0.2:30123/' }]

/** A store with the scenario in the editor, after `act`. */
function storeWith(act: (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) => void) {
  const store = createAppStore()
  store.getState().loadEditorText(TEXT, 'kubia-nodeport.yaml')
  act(store.getState())
  return store.getState()
}

async function payloadOf(s: Parameters<typeof makeLink>[0], withoutLog = false): Promise<SharePayload> {
  const link = await makeLink(s, async () => LOG, 'http://127.0.0.1:5173/', withoutLog)
  const read = await readShareHash(new URL(link.url).hash)
  if (read.status !== 'ok') throw new Error(JSON.stringify(read))
  return read.payload
}

describe('makeLink: the lesson and step open now', () => {
  const cases: [string, (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) => void, Pick<SharePayload, 'lesson' | 'step'>][] = [
    ['a lesson open at its third step', (s) => s.setLessonStep('nodeport', 2), { lesson: 'nodeport', step: 2 }],
    ['a lesson open at its first step (step 0 is the default, left out)', (s) => s.setLessonStep('ingress', 0), { lesson: 'ingress' }],
    ['another lesson opened since: the one open now', (s) => (s.setLessonStep('nodeport', 4), s.setLessonStep('clusterip', 1)), { lesson: 'clusterip', step: 1 }],
    ['no lesson ever opened', () => {}, {}],
    ['back at the lesson list', (s) => (s.setLessonStep('nodeport', 3), s.leaveLesson()), {}],
  ]
  it.each(cases)('%s', async (_name, act, want) => {
    const p = await payloadOf(storeWith(act))
    expect({ lesson: p.lesson, step: p.step }).toEqual({ lesson: want.lesson, step: want.step })
    // The rest of the link is unchanged by the lesson: the scenario, its file and the history.
    expect([p.text, p.file, p.log?.some((e) => e.k === 'request')]).toEqual([TEXT, 'kubia-nodeport.yaml', true])
  })

  it('the link without the history (too long otherwise) still names the lesson and step', async () => {
    const p = await payloadOf(storeWith((s) => s.setLessonStep('nodeport', 5)), true)
    expect([p.lesson, p.step, p.log]).toEqual(['nodeport', 5, undefined])
  })
})

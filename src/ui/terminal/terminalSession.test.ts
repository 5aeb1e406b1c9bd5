import { describe, expect, it } from 'vitest'
import type { TerminalHost } from '../../worker/protocol.ts'
import type { CommandOutcome } from './terminalSession.ts'
import { OUTPUT_CHUNK, TerminalSession, toCrlf } from './terminalSession.ts'
import { fakeTerminal } from './testing/fakeTerminal.ts'

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
const WS: TerminalHost = { kind: 'workstation' }

/** A session on a fake terminal whose backend answers from `answer` (or waits for `release`). */
function setup(host: TerminalHost = WS, cols = 60, answer: (line: string) => CommandOutcome = (l) => ({ stdout: `ran ${l}\n`, stderr: '' })) {
  const term = fakeTerminal(cols)
  const ran: string[] = []
  let exits = 0
  let hold: (() => void) | undefined
  let holding = false
  const session = new TerminalSession(term, host, {
    run: async (line) => {
      ran.push(line)
      if (holding) await new Promise<void>((r) => (hold = r))
      return answer(line)
    },
    completion: () => ({ objects: [{ kind: 'Service', namespace: 'default', name: 'kubia-nodeport' }], files: [] }),
    exited: () => exits++,
  })
  session.start()
  return {
    term,
    session,
    ran,
    exits: () => exits,
    holdNext: () => (holding = true),
    release: () => {
      holding = false
      hold?.()
    },
  }
}

describe('TerminalSession', () => {
  it('shows the prompt, echoes typing, runs the line on Enter and prompts again', async () => {
    const { term, session, ran } = setup()
    session.input('kubectl get svc')
    expect(term.screen()).toEqual(['$ kubectl get svc'])
    session.input('\r')
    await flush()
    expect(ran).toEqual(['kubectl get svc'])
    expect(term.screen()).toEqual(['$ kubectl get svc', 'ran kubectl get svc', '$'])
    expect(term.cursor()).toEqual({ x: 2, y: 2 })
  })

  it('edits in the middle of the line with the cursor keys, Home and End', async () => {
    const { term, session, ran } = setup()
    session.input('kubectl gt svc')
    session.input('\x1b[D'.repeat(5))
    session.input('e')
    session.input('\x1b[H')
    session.input('x')
    session.input('\x1b[3~') // Delete: the character under the cursor (the k)
    session.input('\x1b[F!')
    session.input('\x7f\r')
    await flush()
    expect(ran).toEqual(['xubectl get svc'])
    expect(term.screen()[0]).toBe('$ xubectl get svc')
  })

  it('Up and Down recall earlier lines', async () => {
    const { term, session, ran } = setup()
    session.input('kubectl get svc\r')
    await flush()
    session.input('kubectl get pods\r')
    await flush()
    session.input('draft')
    session.input('\x1b[A\x1b[A')
    expect(term.screen().at(-1)).toBe('$ kubectl get svc')
    session.input('\x1b[B\x1b[B')
    expect(term.screen().at(-1)).toBe('$ draft')
    session.input('\x1b[A\x1b[A\r')
    await flush()
    expect(ran.at(-1)).toBe('kubectl get svc')
  })

  it('Ctrl+C drops the line being typed and prints ^C', () => {
    const { term, session, ran } = setup()
    session.input('kubectl get')
    session.input('\x03')
    expect(term.screen()).toEqual(['$ kubectl get^C', '$'])
    expect(ran).toEqual([])
  })

  it('Ctrl+C while a command runs abandons it: its output never appears, and typed-ahead keys are dropped', async () => {
    const t = setup()
    t.holdNext()
    t.session.input('kubectl get pods\r')
    await flush()
    expect(t.session.isBusy).toBe(true)
    t.session.input('ls\r')
    t.session.input('\x03')
    t.release()
    await flush()
    expect(t.term.screen()).toEqual(['$ kubectl get pods', '^C', '$'])
    expect(t.ran).toEqual(['kubectl get pods'])
  })

  it('keys typed while a command runs are handled after it', async () => {
    const t = setup()
    t.holdNext()
    t.session.input('first\r')
    t.session.input('second\r')
    t.release()
    await flush()
    await flush()
    expect(t.ran).toEqual(['first', 'second'])
    expect(t.term.screen()).toEqual(['$ first', 'ran first', '$ second', 'ran second', '$'])
  })

  it('a bracketed paste runs each complete line and leaves the last one at the prompt; a pasted ^C is text', async () => {
    const { term, session, ran } = setup()
    session.input('\x1b[200~kubectl get svc\nkubectl get pods\nkubectl des\x03cribe\x1b[201~')
    await flush()
    await flush()
    expect(ran).toEqual(['kubectl get svc', 'kubectl get pods'])
    expect(term.screen().at(-1)).toBe('$ kubectl describe')
  })

  it('Tab completes a single candidate and lists several below the prompt', () => {
    const { term, session } = setup()
    session.input('kubectl get svc kub\t')
    expect(term.screen()).toEqual(['$ kubectl get svc kubia-nodeport'])
    session.input('\x15kubectl e\t')
    expect(term.screen()).toEqual(['$ kubectl e', 'edit    exec    expose', '$ kubectl e'])
  })

  it('clear empties the screen; history lists the lines as bash does', async () => {
    const { term, session, ran } = setup()
    session.input('kubectl get svc\r')
    await flush()
    session.input('clear\r')
    await flush()
    expect(term.screen()).toEqual(['$'])
    session.input('history\r')
    await flush()
    expect(term.screen()).toEqual(['$ history', '    1  kubectl get svc', '    2  clear', '    3  history', '$'])
    expect(ran).toEqual(['kubectl get svc'])
  })

  it('Ctrl+L clears the screen and keeps the line being typed', async () => {
    const { term, session } = setup()
    session.input('one\r')
    await flush()
    session.input('two')
    session.input('\x0c')
    expect(term.screen()).toEqual(['$ two'])
  })

  it('output without a final newline still leaves the prompt on its own line', async () => {
    const { term, session } = setup(WS, 60, () => ({ stdout: 'no newline', stderr: '' }))
    session.input('x\r')
    await flush()
    expect(term.screen()).toEqual(['$ x', 'no newline', '$'])
  })

  it('stdout then stderr; errors from the simulation are printed', async () => {
    const t1 = setup(WS, 60, () => ({ stdout: 'out\n', stderr: 'Error from server (NotFound): services "foo" not found\n' }))
    t1.session.input('kubectl get svc foo\r')
    await flush()
    expect(t1.term.screen().slice(1)).toEqual(['out', 'Error from server (NotFound): services "foo" not found', '$'])
    const t2 = setup(WS, 80, () => {
      throw new Error('The simulation did not answer within 5 s')
    })
    t2.session.input('kubectl get svc\r')
    await flush()
    expect(t2.term.screen()[1]).toBe('error: the simulation did not answer: The simulation did not answer within 5 s')
  })

  it('long output is written in pieces, each cut after a line end', async () => {
    const line = `${'x'.repeat(99)}\n`
    const { term, session } = setup(WS, 120, () => ({ stdout: line.repeat(1000), stderr: '' }))
    session.input('big\r')
    await flush()
    await flush()
    const pieces = term.written.filter((w) => w.startsWith('x'))
    expect(pieces.length).toBeGreaterThan(5)
    expect(pieces.every((p) => p.length <= OUTPUT_CHUNK && p.endsWith('\r\n'))).toBe(true)
    expect(pieces.join('')).toBe(toCrlf(line.repeat(1000)))
  })

  it('exit in a shell tab prints what the shell said and closes the tab; on the workstation it does not', async () => {
    const pod = setup({ kind: 'pod', namespace: 'default', name: 'kubia-x' }, 60, (l) => (l === 'exit' ? { stdout: '', stderr: 'exit\n', exited: true } : { stdout: '', stderr: '' }))
    expect(pod.term.screen()).toEqual(['root@kubia-x:/#'])
    pod.session.input('exit\r')
    await flush()
    expect([pod.exits(), pod.term.screen()]).toEqual([1, ['root@kubia-x:/# exit', 'exit']])
    const ws = setup()
    ws.session.input('exit\r')
    await flush()
    expect([ws.exits(), ws.ran]).toEqual([0, []])
  })

  it('takes the prompt the shell reports (it changes with cd)', async () => {
    const node = setup({ kind: 'node', name: 'kind-worker' }, 60, (l) => ({ stdout: '', stderr: '', prompt: l === 'cd /var' ? 'root@kind-worker:/var#' : 'root@kind-worker:/#' }))
    node.session.input('cd /var\r')
    await flush()
    expect(node.term.screen().at(-1)).toBe('root@kind-worker:/var#')
    expect(node.term.cursor()).toEqual({ x: 'root@kind-worker:/var# '.length, y: 1 })
  })

  it('Ctrl+D on an empty line exits a shell', async () => {
    const node = setup({ kind: 'node', name: 'kind-worker' }, 60, () => ({ stdout: '', stderr: 'exit\n', exited: true }))
    node.session.input('\x04')
    await flush()
    expect([node.ran, node.exits()]).toEqual([['exit'], 1])
  })

  it('prints notes from outside above the prompt, keeping the line being typed', () => {
    const { term, session } = setup()
    session.input('kubectl get')
    session.print('service/kubia edited\n')
    expect(term.screen()).toEqual(['service/kubia edited', '$ kubectl get'])
    expect(term.cursor()).toEqual({ x: 13, y: 1 })
  })

  it('redraws correctly when the line wraps', () => {
    const { term, session } = setup(WS, 12)
    session.input('kubectl get services')
    session.input('\x01')
    session.input('# ')
    expect(term.screen()).toEqual(['$ # kubectl', 'get services'])
    expect(term.cursor()).toEqual({ x: 4, y: 0 })
    session.input('\x05x')
    expect(term.screen()).toEqual(['$ # kubectl', 'get services', 'x'])
    session.input('\x7f\x7f\x7f\x7f')
    expect(term.screen()).toEqual(['$ # kubectl', 'get servi'])
    expect(term.cursor()).toEqual({ x: 9, y: 1 })
  })
})

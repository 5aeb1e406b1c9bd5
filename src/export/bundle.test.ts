/**
 * The download really works in bash: the self-extracting script writes each file byte for byte
 * (run.sh executable) and stops with --extract-only; run.sh then runs to the end against stand-ins
 * for kind, kubectl, docker and curl that log how they were called, so the order and the exact
 * arguments of the commands are checked — without a cluster.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { lessonById } from '../scenarios/lessons/index.ts'
import { exportForKind } from './index.ts'

const scenario = (file: string) => readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8')
const dirs: string[] = []
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'kind-export-'))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Stand-ins: each appends its argv to calls.log; kubectl answers what run.sh's loops and look-ups need. */
const STUB = `#!/usr/bin/env bash
printf '%s %s\\n' "$(basename "$0")" "$*" >> "$CALLS"
case "$(basename "$0") $*" in
  "kind get clusters") exit 0 ;;
  *"--no-headers"*) printf 'a\\nb\\nc\\nd\\ne\\n' ;;
  *"-o name"*) echo pod/x ;;
  *"jsonpath={.items[0].metadata.name}"*) printf kubia-abc ;;
  *"jsonpath={.spec.clusterIP}"*) printf 10.96.7.7 ;;
  *"jsonpath={.status.loadBalancer.ingress[0].ip}"*) printf 172.18.0.200 ;;
  *"InternalIP"*) printf 172.18.0.4 ;;
  curl*172.18.0.200*) exit 7 ;;
  curl*) echo "You've hit kubia-abc" ;;
esac
exit 0
`

describe('the self-extracting script', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`writes the four files byte for byte and stops with --extract-only (${lang})`, () => {
      const lesson = lessonById('nodeport')!
      const b = exportForKind({ text: scenario(lesson.scenario), file: lesson.scenario, lesson, lang })
      const d = tmp()
      writeFileSync(join(d, b.script.name), b.script.text)
      const out = execFileSync('bash', [b.script.name, '--extract-only'], { cwd: d, encoding: 'utf8' })
      expect(out).toContain('kubia-nodeport-kind/')
      for (const f of b.files) {
        const path = join(d, 'kubia-nodeport-kind', f.name)
        expect(readFileSync(path, 'utf8'), f.name).toBe(f.text)
        expect((statSync(path).mode & 0o100) !== 0, `${f.name} executable`).toBe(f.executable)
      }
    })
  }
})

describe('run.sh against stand-ins', () => {
  function runWithStubs(file: string, lessonId?: string): string[] {
    const lesson = lessonId ? lessonById(lessonId) : undefined
    const b = exportForKind({ text: scenario(lesson?.scenario ?? file), file: lesson?.scenario ?? file, lang: 'en', ...(lesson ? { lesson } : {}) })
    const d = tmp()
    const bin = join(d, 'bin')
    execFileSync('mkdir', ['-p', bin, join(d, 'b')])
    for (const tool of ['kind', 'kubectl', 'docker', 'curl']) {
      writeFileSync(join(bin, tool), STUB)
      chmodSync(join(bin, tool), 0o755)
    }
    for (const f of b.files) writeFileSync(join(d, 'b', f.name), f.text)
    const calls = join(d, 'calls.log')
    writeFileSync(calls, '')
    execFileSync('bash', [join(d, 'b', 'run.sh')], {
      env: { PATH: `${bin}:/usr/bin:/bin`, CALLS: calls, NO_PAUSE: '1', HOME: d },
      input: '',
      encoding: 'utf8',
    })
    return readFileSync(calls, 'utf8').trim().split('\n')
  }

  it('kubia-nodeport without a lesson: create, apply, wait, then requests through the mapped port and from a node', () => {
    const calls = runWithStubs('kubia-nodeport.yaml')
    const at = (c: string) => {
      const i = calls.indexOf(c)
      expect(i, c).toBeGreaterThanOrEqual(0)
      return i
    }
    const order = [
      at('kind get clusters'),
      at('kind create cluster --name kubia-nodeport --config kind-config.yaml'),
      at('kubectl config use-context kind-kubia-nodeport'),
      at('kubectl apply -f manifests.yaml'),
      at('kubectl wait --for=jsonpath={.status.phase}=Running pods --all --timeout=180s'),
      at('curl -sS http://localhost:30123/'),
      at('docker exec kubia-nodeport-worker curl -sS http://10.96.7.7/'),
    ]
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('the nodeport lesson runs to the end: look-ups expand, a failing step does not stop it', () => {
    const calls = runWithStubs('kubia-nodeport.yaml', 'nodeport')
    expect(calls).toContain('kubectl get svc kubia-nodeport')
    expect(calls.filter((c) => c === 'curl -sS http://localhost:30123').length).toBeGreaterThanOrEqual(3)
    // The load-balancer requests fail (curl exits 7 here), and the steps after them still run.
    const lb = calls.indexOf('curl -sS http://172.18.0.200 http://172.18.0.200 http://172.18.0.200 http://172.18.0.200 http://172.18.0.200')
    expect(lb).toBeGreaterThan(0)
    expect(calls.lastIndexOf('curl -sS http://localhost:30123')).toBeGreaterThan(lb)
    expect(calls).toContain('kubectl apply -f -')
  })
})

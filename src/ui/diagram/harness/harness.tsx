/**
 * Dev-only page for the cluster diagram (not part of the production build, whose only input is
 * /index.html): `npm start`, then open /src/ui/diagram/harness/index.html?… It runs the real engine
 * on this thread (a harness may; the App never does) and feeds the diagram real traces.
 *
 * Query: scenario=<file> · addon=ingress · ingress=1|tls · k=1 · connect=<ip> · send=<from>|<url>[#Host],… (requests sent at load) · stream=<n> (keep n packets
 * in flight, for the fps figure) · replies=0|1 · reduced=1 · paused=1 · speed=<x> · hop=<ms> ·
 * theme=dark · large=1 · select=<trace index>:<hop> · w=<px> h=<px>.
 * window.__harness exposes fps measurement and the number of packets in flight.
 */
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { loadSimulation } from '../../../engine/index.ts'
import type { Trace } from '../../../engine/model/net.ts'
import type { AnimationSettings, PacketRun, Selection } from '../../contracts.ts'
import ClusterDiagram from '../ClusterDiagram.tsx'
import type { PacketAnimator } from '../packetAnimator.ts'
import { LINGER_UNITS } from '../packetAnimator.ts'
import { STEP_UNITS } from '../packetPath.ts'

const scenarios = import.meta.glob<string>('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true })
const q = new URLSearchParams(location.search)
const file = q.get('scenario') ?? 'kubia-nodeport.yaml'
const text = Object.entries(scenarios).find(([k]) => k.endsWith(`/${file}`))?.[1]
if (!text) throw new Error(`no scenario ${file}`)

if (q.get('theme') === 'dark') document.documentElement.setAttribute('data-theme', 'dark')
if (q.get('large') === '1') document.documentElement.setAttribute('data-large-text', '')

const sim = loadSimulation(text)
sim.runUntilSettled()
// addon=ingress: `minikube addons enable ingress` (the ingress-nginx controller pod, its NodePort Service, IngressClass nginx).
if (q.get('addon') === 'ingress') {
  sim.workstation('minikube addons enable ingress')
  sim.runUntilSettled()
}
// ingress=1: add an Ingress; ingress=tls: two hosts, two paths and a tls entry (the Secret need not exist).
const ingressYaml: Record<string, string> = {
  '1': [
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: kubia}', 'spec:', '  ingressClassName: nginx', '  rules:',
    '  - host: kubia.example.com', '    http:', '      paths:', '      - {path: /, pathType: Prefix, backend: {service: {name: kubia-nodeport, port: {number: 80}}}}',
  ].join('\n'),
  tls: [
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: kubia}', 'spec:', '  ingressClassName: nginx',
    '  tls:', '  - {hosts: [kubia.example.com], secretName: tls-secret}', '  rules:',
    '  - host: kubia.example.com', '    http:', '      paths:',
    '      - {path: /kubia, pathType: Prefix, backend: {service: {name: kubia-nodeport, port: {number: 80}}}}',
    '      - {path: /api, pathType: Exact, backend: {service: {name: kubia-nodeport, port: {number: 80}}}}',
    '  - host: foo.example.com', '    http:', '      paths:',
    '      - {path: /, pathType: Prefix, backend: {service: {name: kubia-nodeport, port: {number: 80}}}}',
  ].join('\n'),
}
const ingress = ingressYaml[q.get('ingress') ?? '']
if (ingress) {
  sim.applyManifests(ingress)
  sim.runUntilSettled()
}

/**
 * Sends one request. `url` may end in `#Host` to send that Host header (Ingress routing); `k=1` is
 * curl -k (accept the controller's certificate); `connect=<ip>` connects there instead of resolving
 * the URL's host (curl --resolve), so `https://secure.example.com:<nodePort>/` reaches a node.
 */
function send(from: string, url: string): Trace {
  const [u, host] = url.split('#')
  const connect = q.get('connect')
  return sim.request(from, u!, {
    ...(host ? { headers: { Host: host } } : {}),
    ...(q.get('k') === '1' ? { insecure: true } : {}),
    ...(connect ? { connectTo: connect } : {}),
  })[0]!.trace
}

const initialSends = (q.get('send') ?? '').split(',').filter((s) => s.includes('|')).map((s) => s.split('|') as [string, string])

// A varied pool of traces for the stream: every client to every node's NodePorts, and LB IPs.
function streamPool(): { trace: Trace; from: string }[] {
  const pool: { trace: Trace; from: string }[] = []
  const objs = sim.objects()
  const ports: number[] = []
  const lbs: string[] = []
  for (const o of objs) {
    if (o.kind !== 'Service') continue
    const spec = (o as { spec?: { ports?: { nodePort?: number; port: number }[] } }).spec
    for (const p of spec?.ports ?? []) if (p.nodePort) ports.push(p.nodePort)
    const st = (o as { status?: { loadBalancer?: { ingress?: { ip?: string }[] } } }).status
    for (const i of st?.loadBalancer?.ingress ?? []) if (i.ip) lbs.push(i.ip)
  }
  for (let k = 0; k < 8; k++) {
    for (const c of sim.config.clients) {
      for (const n of sim.config.nodes) for (const p of ports) pool.push({ trace: send(c.name, `http://${n.internalIP}:${p}/`), from: c.name })
      for (const ip of lbs) pool.push({ trace: send(c.name, `http://${ip}/`), from: c.name })
    }
  }
  return pool
}

function Harness() {
  const [runs, setRuns] = useState<PacketRun[]>(() => {
    const now = performance.now()
    return initialSends.map(([from, url], i) => ({ trace: send(from, url), from, startedAt: now + i * 400 }))
  })
  const [selection, setSelection] = useState<Selection>(() => {
    const sel = q.get('select')
    if (!sel) return {}
    const [ti, hop] = sel.split(':').map(Number)
    return { traceId: runs[ti ?? 0]?.trace.id, hop: hop ?? 0 }
  })
  const animation = useMemo<AnimationSettings>(() => ({
    hopMs: Number(q.get('hop') ?? 700),
    speed: Number(q.get('speed') ?? 1),
    showReplies: q.get('replies') !== '0',
    reducedMotion: q.get('reduced') === '1',
    paused: q.get('paused') === '1',
  }), [])
  const hits = useMemo(() => {
    const h: Record<string, number> = {}
    for (const r of runs) if (r.trace.pod) h[r.trace.pod] = (h[r.trace.pod] ?? 0) + 1
    return h
  }, [runs])
  const objects = useMemo(() => sim.objects(), [])
  const anim = useRef<PacketAnimator | null>(null)
  const onAnimator = useCallback((a: PacketAnimator | null) => { anim.current = a }, [])

  // Stream: keep `stream` packets in flight, replacing finished ones every 100 ms.
  const stream = Number(q.get('stream') ?? 0)
  useEffect(() => {
    if (!stream) return
    const pool = streamPool()
    // A run's life as the animator counts it (hop units → ms), so exactly `stream` runs are in flight.
    const life = (t: Trace) => {
      let units = 0
      for (const h of t.hops) {
        if (h.reply && !animation.showReplies) continue
        units += h.kind === 'wire' ? STEP_UNITS.move : h.kind === 'deliver' ? STEP_UNITS.deliver
          : h.kind === 'drop' || h.kind === 'reject' ? STEP_UNITS.verdict + LINGER_UNITS : STEP_UNITS.nat
      }
      return (units * animation.hopMs) / animation.speed
    }
    let i = 0
    const tick = () => {
      const now = performance.now()
      setRuns((prev) => {
        const alive = prev.filter((r) => r.startedAt + life(r.trace) > now)
        const add: PacketRun[] = []
        // Stagger new runs over one hop so they do not move in lockstep.
        while (alive.length + add.length < stream) {
          const p = pool[i++ % pool.length]!
          add.push({ trace: p.trace, from: p.from, startedAt: now - Math.random() * life(p.trace) * 0.9 })
        }
        return add.length === 0 && alive.length === prev.length ? prev : [...alive, ...add]
      })
    }
    tick()
    const t = setInterval(tick, 100)
    return () => clearInterval(t)
  }, [stream, animation])

  useEffect(() => {
    (window as unknown as { __harness: unknown }).__harness = {
      active: () => anim.current?.activeCount() ?? 0,
      fps: (ms: number) => new Promise<number>((resolve) => {
        let frames = 0
        const start = performance.now()
        const f = (t: number) => {
          frames++
          if (t - start < ms) requestAnimationFrame(f)
          else resolve((frames * 1000) / (t - start))
        }
        requestAnimationFrame(f)
      }),
      send: (from: string, url: string) => setRuns((r) => [...r, { trace: send(from, url), from, startedAt: performance.now() }]),
    }
  }, [])

  const w = q.get('w')
  const h = q.get('h')
  return (
    <div style={{ width: w ? `${w}px` : '100vw', height: h ? `${h}px` : '100vh' }}>
      <ClusterDiagram
        config={sim.config}
        objects={objects}
        runs={runs}
        animation={animation}
        hits={hits}
        selection={selection}
        onSelect={(s) => {
          setSelection(s)
          console.log('select', JSON.stringify(s))
        }}
        onSendTo={(t) => setRuns((r) => [...r, { trace: send(t.from ?? 'laptop', t.url), from: t.from ?? 'laptop', startedAt: performance.now() }])}
        onAnimator={onAnimator}
      />
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
)

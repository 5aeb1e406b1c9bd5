/**
 * One kubelet per node. It starts the pods bound to its node after a container start delay,
 * gives them IPs from the node's podCIDR (host-local IPAM: sequential from .2), builds the
 * service environment variables at container creation (pkg/kubelet/envvars — services created
 * later are not added), runs readiness probes on their periods against the modelled container,
 * reports status, and finishes pod deletion once the containers have stopped.
 */
import { clone } from '../util/clone.ts'
import type { Change } from '../api/store.ts'
import type { Controller, ControllerContext } from '../controllers/context.ts'
import type { NodeSpecConfig } from '../model/cluster.ts'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import type { TimerAction } from '../sim/timers.ts'
import { nthAddress, parseCidr } from '../util/ip.ts'
import { nextInt } from '../util/prng.ts'
import { formatTimestamp } from '../util/time.ts'
import { appFor } from './images.ts'
import { runProbe } from './probes.ts'
import type { ContainerRuntime, PodRuntime } from './runtime.ts'
import { BASE_FILES } from './runtime.ts'

/** Image pull + container create + start, in simulated ms (plus up to 1 s of seeded jitter). */
const CONTAINER_START_MS = 1500
/** Time the book's apps take to exit after SIGTERM (the Node.js server exits at once). */
const CONTAINER_STOP_MS = 1000

export class Kubelet implements Controller {
  readonly name: string
  private queue = new Set<string>()
  private readonly pods = new Map<string, PodRuntime>()
  private readonly usedIPs = new Set<string>()
  private nextIP = 2

  constructor(readonly node: NodeSpecConfig) {
    this.name = `kubelet/${node.name}`
  }

  /** Runtime of a pod on this node (by `namespace/name`). */
  runtime(key: string): PodRuntime | undefined {
    return this.pods.get(key)
  }

  observe(ch: Change): void {
    if (ch.kind !== 'Pod') return
    const p = (ch.obj ?? ch.old) as PodObj
    if (p.spec?.nodeName === this.node.name) this.queue.add(ch.key)
  }

  sync(ctx: ControllerContext): void {
    const keys = [...this.queue].sort()
    this.queue.clear()
    for (const key of keys) {
      const [ns, name] = key.split('/') as [string, string]
      const pod = ctx.store.get<PodObj>('Pod', ns, name)
      const rt = this.pods.get(key)
      if (!pod || pod.spec.nodeName !== this.node.name) {
        if (rt) this.release(key)
        continue
      }
      if (rt && rt.uid !== pod.metadata.uid) this.release(key)
      if (!this.pods.has(key)) this.admit(ctx, pod)
      const cur = this.pods.get(key)!
      if (pod.metadata.deletionTimestamp && !cur.stopping) {
        cur.stopping = true
        for (const c of cur.containers) ctx.events.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, { component: 'kubelet', host: this.node.name })
        ctx.timers.add(ctx.now() + CONTAINER_STOP_MS, { type: 'pod-stopped', pod: key, uid: cur.uid })
      }
    }
  }

  private admit(ctx: ControllerContext, pod: PodObj): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`
    const containers: ContainerRuntime[] = pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image ?? '',
      app: appFor(c),
      running: false,
      restartCount: 0,
      files: new Set(BASE_FILES),
      logs: [],
      readiness: { ok: false, successes: 0, failures: 0 },
      liveness: { ok: true, successes: 0, failures: 0 },
    }))
    this.pods.set(key, { key, uid: pod.metadata.uid!, node: this.node.name, containers, stopping: false })
    const next = clone(pod)
    next.status = {
      ...next.status,
      phase: 'Pending',
      hostIP: this.node.internalIP,
      hostIPs: [{ ip: this.node.internalIP }],
      startTime: formatTimestamp(ctx.now()),
      conditions: conditions(ctx.now(), false, false, [], pod.spec.containers.map((c) => c.name)),
      containerStatuses: pod.spec.containers.map((c) => ({
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
      })),
      qosClass: 'BestEffort',
    }
    ctx.api.write(next)
    for (const c of pod.spec.containers) {
      ctx.events.record(pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, { component: 'kubelet', host: this.node.name })
    }
    ctx.timers.add(ctx.now() + CONTAINER_START_MS + nextInt(ctx.rng, 1000), { type: 'container-start', pod: key, uid: pod.metadata.uid! })
  }

  private allocateIP(): string {
    const cidr = parseCidr(this.node.podCIDR)!
    for (let tries = 0; tries < cidr.size; tries++) {
      if (this.nextIP >= cidr.size - 1) this.nextIP = 2
      const ip = nthAddress(cidr, this.nextIP++)
      if (!this.usedIPs.has(ip)) {
        this.usedIPs.add(ip)
        return ip
      }
    }
    throw new Error(`pod CIDR ${this.node.podCIDR} of ${this.node.name} is full`)
  }

  private release(key: string): void {
    const rt = this.pods.get(key)
    if (rt?.ip) this.usedIPs.delete(rt.ip)
    this.pods.delete(key)
  }

  /** Handles a due timer addressed to this kubelet. Returns false if the timer is not ours. */
  fire(ctx: ControllerContext, action: TimerAction): boolean {
    const rt = this.pods.get(action.pod)
    if (!rt || rt.uid !== action.uid) return rt === undefined ? false : true
    const [ns, name] = action.pod.split('/') as [string, string]
    const pod = ctx.store.get<PodObj>('Pod', ns, name)
    if (!pod) return true
    switch (action.type) {
      case 'container-start':
        this.start(ctx, rt, pod)
        return true
      case 'probe':
        this.probe(ctx, rt, pod, action.container)
        return true
      case 'pod-stopped':
        for (const c of rt.containers) c.running = false
        this.release(action.pod)
        ctx.api.remove('Pod', ns, name)
        return true
    }
  }

  private start(ctx: ControllerContext, rt: PodRuntime, pod: PodObj): void {
    if (rt.stopping) return
    rt.ip = this.allocateIP()
    const services = ctx.store.list<ServiceObj>('Service')
    const now = ctx.now()
    pod.spec.containers.forEach((spec, i) => {
      const c = rt.containers[i]!
      const own = (spec.env ?? []).map((e: { name: string; value?: string }) => ({ name: e.name, value: e.value ?? '' }))
      c.envSource = { own, services, pod }
      c.running = true
      c.startedAt = now
      c.logs.push(...c.app.startupLogs)
      // No readiness probe: the container counts as ready as soon as it runs.
      c.readiness = { ok: !spec.readinessProbe, successes: 0, failures: 0 }
      ctx.events.record(pod, 'Normal', 'Created', `Created container ${c.name}`, { component: 'kubelet', host: this.node.name })
      ctx.events.record(pod, 'Normal', 'Started', `Started container ${c.name}`, { component: 'kubelet', host: this.node.name })
      if (spec.readinessProbe) {
        const delay = (spec.readinessProbe.initialDelaySeconds ?? 0) * 1000
        ctx.timers.add(now + delay, { type: 'probe', pod: rt.key, uid: rt.uid, container: i, kind: 'readiness' })
      }
    })
    this.writeStatus(ctx, rt, pod)
  }

  private probe(ctx: ControllerContext, rt: PodRuntime, pod: PodObj, index: number): void {
    const spec = pod.spec.containers[index]
    const c = rt.containers[index]
    const probe = spec?.readinessProbe
    if (!spec || !c || !probe || !c.running || rt.stopping) return
    const out = runProbe(probe, c, pod, rt.ip ?? '')
    const st = c.readiness
    const before = st.ok
    if (out.ok) {
      st.successes++
      st.failures = 0
      if (st.successes >= (probe.successThreshold ?? 1)) st.ok = true
    } else {
      st.failures++
      st.successes = 0
      st.lastMessage = out.message
      if (st.failures >= (probe.failureThreshold ?? 3)) st.ok = false
      ctx.events.record(pod, 'Warning', 'Unhealthy', `Readiness probe failed: ${out.message ?? ''}`, { component: 'kubelet', host: this.node.name })
    }
    if (st.ok !== before) this.writeStatus(ctx, rt, pod)
    ctx.timers.add(ctx.now() + (probe.periodSeconds ?? 10) * 1000, { type: 'probe', pod: rt.key, uid: rt.uid, container: index, kind: 'readiness' })
  }

  /** Writes the pod's status from the runtime (phase, IPs, container states, Ready condition). */
  writeStatus(ctx: ControllerContext, rt: PodRuntime, pod: PodObj): void {
    const next = clone(pod)
    const allReady = rt.containers.every((c) => c.running && c.readiness.ok)
    const prev = (pod.status?.conditions ?? []) as Condition[]
    next.status = {
      ...next.status,
      phase: 'Running',
      podIP: rt.ip,
      podIPs: rt.ip ? [{ ip: rt.ip }] : [],
      conditions: conditions(ctx.now(), true, allReady, prev, rt.containers.filter((c) => !(c.running && c.readiness.ok)).map((c) => c.name)),
      containerStatuses: rt.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: `${c.image.includes('/') ? '' : 'docker.io/library/'}${c.image.split(':')[0]}@sha256:${'0'.repeat(64)}`,
        containerID: `containerd://${rt.uid.replace(/-/g, '')}${c.name.length.toString(16)}`.slice(0, 77),
        ready: c.running && c.readiness.ok,
        restartCount: c.restartCount,
        started: c.running,
        state: c.running ? { running: { startedAt: formatTimestamp(c.startedAt ?? ctx.now()) } } : { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
      })),
    }
    ctx.api.write(next)
  }
}

type Condition = { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }

/** Pod conditions as the kubelet reports them, keeping transition times of unchanged ones. */
function conditions(now: number, started: boolean, ready: boolean, prev: readonly Condition[], unready: string[]): Condition[] {
  const t = formatTimestamp(now)
  const make = (type: string, ok: boolean, reason?: string): Condition => {
    const old = prev.find((c) => c.type === type)
    const status = ok ? 'True' : 'False'
    const c: Condition = { type, status, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : t }
    if (!ok && reason) {
      c.reason = reason
      c.message = `containers with unready status: [${unready.join(' ')}]`
    }
    return c
  }
  return [
    make('PodReadyToStartContainers', started),
    make('Initialized', true),
    make('Ready', ready, 'ContainersNotReady'),
    make('ContainersReady', ready, 'ContainersNotReady'),
    make('PodScheduled', true),
  ]
}

/**
 * A simulated cluster: the API server and its controllers, a kubelet and a kube-proxy per node,
 * the network between them, all driven by integer simulated time and one seeded PRNG.
 * Same scenario text + same seed ⇒ the same objects, traces and kubectl output.
 */
import type { ApiReader } from './api/reader.ts'
import { ApiServer } from './api/server.ts'
import { ObjectStore } from './api/store.ts'
import type { Controller, ControllerContext } from './controllers/context.ts'
import { DeploymentController } from './controllers/deployment.ts'
import { EndpointsController } from './controllers/endpoints.ts'
import { EndpointSliceController } from './controllers/endpointslices.ts'
import { EventRecorder } from './controllers/events.ts'
import { GarbageCollector } from './controllers/gc.ts'
import { IngressStatusController } from './controllers/ingressStatus.ts'
import { LoadBalancerController } from './controllers/loadbalancer.ts'
import { ReplicationController } from './controllers/replication.ts'
import { Scheduler } from './controllers/scheduler.ts'
import type { HttpResult, KubectlResult, RequestOptions, RuleQuery, SimEvent, SimulationApi } from './facade.ts'
import { Kubelet } from './kubelet/kubelet.ts'
import { runKubectl } from './kubectl/index.ts'
import type { KubectlContext } from './kubectl/types.ts'
import type { ClusterConfig, NodeSpecConfig } from './model/cluster.ts'
import type { Diagnostic } from './model/errors.ts'
import type { EndpointSliceObj, KObject, Kind, PodObj, ServiceObj } from './model/k8s.ts'
import type { RuleTraceResult } from './model/net.ts'
import { ConntrackTable } from './net/conntrack.ts'
import type { DataPlane, Sender } from './net/forward.ts'
import { HttpClientSide } from './net/http.ts'
import { World } from './net/world.ts'
import { buildRuleset, explorePacket, healthCheckResponse, HostPortRulesets } from './proxy/index.ts'
import type { AffinityTable, Ruleset } from './proxy/types.ts'
import { parseScenario } from './scenario/index.ts'
import { Shells } from './shell/index.ts'
import type { ShellHost, ShellResult, ShellRunOptions } from './shell/index.ts'
import { runMinikube, runWorkstation } from './workstation/index.ts'
import { applyDocument, notApplied } from './sim/applyDocument.ts'
import { bootstrap } from './sim/bootstrap.ts'
import { TimerQueue } from './sim/timers.ts'
import type { PrngState } from './util/prng.ts'
import { seedPrng } from './util/prng.ts'
import { parseYamlDocuments } from './yaml/documents.ts'

/** Default bound on `runUntilSettled` (simulated ms). */
const SETTLE_LIMIT_MS = 300_000

export class Simulation implements SimulationApi {
  readonly config: ClusterConfig
  readonly diagnostics: Diagnostic[] = []
  readonly store: ObjectStore
  readonly server: ApiServer
  readonly rng: PrngState
  private time = 0
  private readonly timers = new TimerQueue()
  private readonly events: EventRecorder
  private readonly kubelets = new Map<string, Kubelet>()
  /** Controllers that run before the kubelets in each round (owners, then scheduling)… */
  private readonly upstream: Controller[]
  /** …and after them (what reacts to pod status). */
  private readonly downstream: Controller[]
  private readonly ctx: ControllerContext
  private readonly world: World
  private readonly http: HttpClientSide
  /** Shells on pods, nodes and clients (curl, nslookup, dig, ping, env, iptables-save …). */
  readonly shells: Shells
  private readonly rulesets = new Map<string, { key: string; rs: Ruleset }>()
  private readonly hostPorts = new HostPortRulesets()
  private readonly conntracks = new Map<string, ConntrackTable>()
  private readonly affinities = new Map<string, AffinityTable>()
  private readonly lbFlows = new Map<string, string>()
  private emitted: SimEvent[] = []

  constructor(text: string, file = 'scenario.yaml') {
    const parsed = parseScenario(text, file)
    this.config = parsed.config
    this.diagnostics.push(...parsed.diagnostics)
    this.rng = seedPrng(this.config.seed)
    this.store = new ObjectStore(() => this.time)
    this.server = new ApiServer(this.store, this.config, this.rng)
    this.events = new EventRecorder(this.server)
    for (const n of this.config.nodes) this.kubelets.set(n.name, new Kubelet(n))
    this.upstream = [
      new GarbageCollector(),
      new DeploymentController(),
      new ReplicationController('ReplicaSet'),
      new ReplicationController('ReplicationController'),
      new Scheduler(),
    ]
    this.downstream = [new EndpointsController(), new EndpointSliceController(), new LoadBalancerController(), new IngressStatusController()]
    this.ctx = {
      api: this.server,
      store: this.store,
      config: this.config,
      rng: this.rng,
      timers: this.timers,
      events: this.events,
      now: () => this.time,
    }
    const nodeDocs = new Map(parsed.objects.filter((o) => o.obj.kind === 'Node').map((o) => [o.obj.metadata.name, o.obj]))
    bootstrap(this.server, this.config, nodeDocs)
    for (const { obj, doc } of parsed.objects) {
      if (obj.kind === 'Node') continue
      if (doc.afterError) {
        this.diagnostics.push(notApplied(doc))
        continue
      }
      this.diagnostics.push(...applyDocument(this.server, obj, doc, file, true, text))
    }
    this.reconcile()
    this.world = new World(this.store, this.config, this.kubelets)
    const dp: DataPlane = {
      world: this.world,
      rng: this.rng,
      now: () => this.time,
      ruleset: (n) => this.ruleset(n),
      conntrack: (n) => this.table(this.conntracks, n.name, () => new ConntrackTable()),
      affinity: (n) => this.table(this.affinities, n.name, () => ({})),
      lbFlows: this.lbFlows,
      healthyNodes: (svc) => this.healthyNodes(svc),
    }
    this.http = new HttpClientSide(dp, this.store)
    this.shells = new Shells({
      dp,
      store: this.store,
      http: this.http,
      podRuntime: (ns, name) => this.podRuntime(ns, name),
      nextTraceId: () => this.http.nextTraceId(),
    })
  }

  /** A shell on a host: each command line it runs sends its packets as trace events. */
  shell(host: ShellHost): { run(line: string, opts?: ShellRunOptions): ShellResult; prompt(): string } {
    return {
      run: (line, opts) => {
        const r = this.shells.run(host, line, opts)
        for (const trace of r.traces) this.emitted.push({ at: this.time, type: 'trace', trace })
        // The command blocks for as long as it takes (curl's connect timeout, ping's interval,
        // sleep); the cluster keeps going meanwhile: probes fire, controllers react.
        this.advance(r.elapsedMs ?? 0)
        return r
      },
      prompt: () => this.shells.prompt(host),
    }
  }

  /**
   * Lets `ms` of simulated time pass in the middle of a command, keeping the events for the next
   * `step()` caller (step hands them out and forgets them).
   */
  private advance(ms: number): void {
    if (ms <= 0) return
    this.emitted = this.step(ms).concat(this.emitted)
  }

  /** Steps simulated time until `done()` holds or `timeoutMs` has passed; false on timeout. */
  private waitUntil(done: () => boolean, timeoutMs: number): boolean {
    const until = this.time + timeoutMs
    while (!done()) {
      if (this.time >= until) return false
      this.advance(Math.min(1000, until - this.time))
    }
    return true
  }

  /** `minikube …` on the workstation (ip, service --url, addons enable ingress); simulated time moves while it waits. */
  minikube(args: string[]): ShellResult {
    const t0 = this.time
    const r = runMinikube(args, {
      api: this.store,
      config: this.config,
      apply: (obj) => {
        this.server.apply(obj, { internal: true })
        this.reconcile()
      },
      waitFor: (done, timeoutMs) => this.waitUntil(done, timeoutMs),
    })
    return this.time > t0 ? { ...r, elapsedMs: this.time - t0 } : r
  }

  /**
   * A command line typed in the workstation terminal: `kubectl …` (`files` are what `-f` may
   * name, over the files the client's shell wrote), `minikube …`, or anything else on the first external client's shell
   * (`bash: <cmd>: command not found` without one). Simulated time moves on by the time the
   * command takes.
   */
  workstation(line: string, files: Readonly<Record<string, string>> = {}): ShellResult {
    const client = this.config.clients[0]
    return runWorkstation(line, {
      kubectl: (args) => {
        const r = this.kubectl(args, files)
        return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, traces: [], output: r.stdout + r.stderr }
      },
      minikube: (args) => this.minikube(args),
      ...(client ? { client: (l: string) => this.shell({ kind: 'client', name: client.name }).run(l) } : {}),
    })
  }

  get api(): ApiReader {
    return this.store
  }

  now(): number {
    return this.time
  }

  objects(): KObject[] {
    return this.store.all()
  }

  private table<T>(m: Map<string, T>, key: string, make: () => T): T {
    let v = m.get(key)
    if (v === undefined) m.set(key, (v = make()))
    return v
  }

  applyManifests(text: string, file = 'manifest.yaml'): Diagnostic[] {
    const { docs, errors } = parseYamlDocuments(text)
    const out: Diagnostic[] = [...errors]
    for (const doc of docs) {
      if (doc.afterError) {
        out.push(notApplied(doc))
        continue
      }
      const v = doc.value as KObject
      if (!v || typeof v !== 'object' || !v.kind || !v.apiVersion || !v.metadata?.name) {
        out.push({ ...doc.pos([]), severity: 'error', message: 'error validating data: apiVersion, kind and metadata.name must be set', doc: doc.index })
        continue
      }
      out.push(...applyDocument(this.server, v, doc, file, false, text))
    }
    this.reconcile()
    return out
  }

  /** Runs controllers until no change is left unobserved. */
  private reconcile(): void {
    for (let round = 0; round < 1000; round++) {
      const changes = this.store.pending
      if (changes.length === 0) return
      this.store.pending = []
      for (const ch of changes) {
        if (ch.kind === 'Event') continue
        for (const c of this.upstream) c.observe(ch)
        for (const c of this.downstream) c.observe(ch)
        // A kubelet watches only the pods bound to its node.
        if (ch.kind === 'Pod') {
          const a = (ch.old?.spec as { nodeName?: string } | undefined)?.nodeName
          const b = (ch.obj?.spec as { nodeName?: string } | undefined)?.nodeName
          if (a) this.kubelets.get(a)?.observe(ch)
          if (b && b !== a) this.kubelets.get(b)?.observe(ch)
        }
        this.emitted.push({ at: this.time, type: ch.type === 'delete' ? 'object-deleted' : 'object-changed', ref: `${ch.kind}/${ch.key}` })
      }
      for (const c of this.upstream) c.sync(this.ctx)
      for (const k of this.kubelets.values()) k.sync(this.ctx)
      for (const c of this.downstream) c.sync(this.ctx)
    }
  }

  step(ms: number): SimEvent[] {
    const target = this.time + Math.max(0, Math.floor(ms))
    this.reconcile()
    for (;;) {
      const t = this.timers.peekTime()
      if (t === undefined || t > target) break
      this.time = Math.max(this.time, t)
      for (let timer = this.timers.popDue(this.time); timer; timer = this.timers.popDue(this.time)) {
        const node = this.store.get<KObject & { spec: { nodeName?: string } }>('Pod', ...(timer.action.pod.split('/') as [string, string]))?.spec.nodeName
        const kubelet = node ? this.kubelets.get(node) : undefined
        if (kubelet) kubelet.fire(this.ctx, timer.action)
        else for (const k of this.kubelets.values()) if (k.fire(this.ctx, timer.action)) break
        this.reconcile()
      }
    }
    this.time = target
    const out = this.emitted
    this.emitted = []
    return out
  }

  /** A signature of every object except Events: it moves when anything observable changes. */
  private signature(): string {
    return (['Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ReplicaSet', 'Deployment', 'ReplicationController', 'Node'] as Kind[])
      .map((k) => this.store.kindVersion(k))
      .join('.')
  }

  runUntilSettled(maxMs = SETTLE_LIMIT_MS): SimEvent[] {
    const out: SimEvent[] = []
    const start = this.time
    // Quiet long enough for every readiness probe to reach its thresholds once more.
    let quietNeeded = 1000
    for (const p of this.store.list<KObject & { spec: { containers?: { readinessProbe?: { initialDelaySeconds?: number; periodSeconds?: number; successThreshold?: number; failureThreshold?: number } }[] } }>('Pod')) {
      for (const c of p.spec.containers ?? []) {
        const r = c.readinessProbe
        if (r) quietNeeded = Math.max(quietNeeded, ((r.initialDelaySeconds ?? 0) + (r.periodSeconds ?? 10) * (Math.max(r.successThreshold ?? 1, r.failureThreshold ?? 3) + 1)) * 1000)
      }
    }
    let lastSig = this.signature()
    let quietSince = this.time
    while (this.time - start < maxMs) {
      out.push(...this.step(1000))
      const sig = this.signature()
      const busy = this.timers.entries().some((t) => t.action.type !== 'probe')
      if (sig !== lastSig || busy) {
        lastSig = sig
        quietSince = this.time
      } else if (this.time - quietSince >= Math.min(quietNeeded, maxMs)) break
    }
    return out
  }

  /** The node's netfilter rules: kube-proxy's, plus the CNI portmap chains of its hostPort pods. */
  private ruleset(n: NodeSpecConfig): Ruleset {
    return this.hostPorts.apply(n, this.proxyRuleset(n), this.store.kindVersion('Pod'), () => this.store.list<PodObj>('Pod'))
  }

  private proxyRuleset(n: NodeSpecConfig): Ruleset {
    const key = `${this.store.kindVersion('Service')}/${this.store.kindVersion('EndpointSlice')}`
    const cached = this.rulesets.get(n.name)
    if (cached && cached.key === key) return cached.rs
    const rs = buildRuleset({
      node: { name: n.name, ips: [n.internalIP, ...(n.externalIP ? [n.externalIP] : [])], podCIDR: n.podCIDR },
      services: this.store.list<ServiceObj>('Service'),
      slices: this.store.list<EndpointSliceObj>('EndpointSlice'),
      config: this.config.proxy,
      // kube-proxy learns the service ranges from ServiceCIDR objects; here, the apiserver flag.
      serviceCIDRs: [this.config.serviceSubnet],
    })
    this.rulesets.set(n.name, { key, rs })
    return rs
  }

  /** The node's generated ruleset as `iptables-save` / `nft list ruleset` would print it. */
  rulesetOf(nodeName: string): Ruleset | undefined {
    const n = this.config.nodes.find((x) => x.name === nodeName)
    return n ? this.ruleset(n) : undefined
  }

  private healthyNodes(svc: ServiceObj): NodeSpecConfig[] {
    const ready = this.config.nodes.filter((n) => n.ready && n.role !== 'control-plane')
    const pool = ready.length ? ready : this.config.nodes.filter((n) => n.ready)
    if (svc.spec.externalTrafficPolicy !== 'Local') return pool
    const slices = this.store.slicesOfService(svc.metadata.namespace, svc.metadata.name) as EndpointSliceObj[]
    return pool.filter((n) => healthCheckResponse(svc, slices, n.name).status === 200)
  }

  /** Resolves `--from`: a client name, a node name, or a pod (`ns/name` or `name`). */
  sender(from: string): Sender | undefined {
    const client = this.world.clientsByName.get(from)
    if (client) return { kind: 'client', client }
    const node = this.world.nodesByName.get(from)
    if (node) return { kind: 'node', node }
    const pod = this.world.podByName(from)
    if (pod) return { kind: 'pod', at: pod }
    return undefined
  }

  request(from: string, url: string, opts?: RequestOptions): HttpResult[] {
    const s = this.sender(from)
    if (!s) throw new Error(`unknown sender "${from}": not a client, node or running pod`)
    const results = this.http.request(s, url, opts)
    for (const r of results) this.emitted.push({ at: this.time, type: 'trace', trace: r.trace })
    return results
  }

  traceRules(q: RuleQuery): RuleTraceResult {
    const n = this.config.nodes.find((x) => x.name === q.node)
    if (!n) throw new Error(`unknown node "${q.node}"`)
    return explorePacket(this.ruleset(n), { proto: q.proto ?? 'TCP', src: q.src, sport: 40000, dst: q.dst, dport: q.port }, {
      hook: this.world.nodesByIP.get(q.src) === n ? 'OUTPUT' : 'PREROUTING',
      isLocalAddress: (ip) => this.world.isLocal(n, ip),
      affinity: {},
      nowSeconds: Math.floor(this.time / 1000),
    })
  }

  /**
   * Runs a kubectl command line against this cluster. `files` are what `-f` may name (the
   * editor's documents); writes go through the API server and the controllers react at once.
   */
  kubectl(args: string[], files: Readonly<Record<string, string>> = {}): KubectlResult {
    // kubectl runs on the workstation, which is the laptop (the first client): it opens the files
    // that client's shell wrote (`openssl … -out tls.key`), by path relative to the shell's directory
    // or absolute; the given files (the editor's documents) win on a clash.
    const client = this.config.clients[0]
    const laptopFiles = client ? this.shells.writtenFiles({ kind: 'client', name: client.name }) : {}
    return runKubectl(args, this.kubectlContext({ ...laptopFiles, ...files }))
  }

  /** What kubectl sees and may do on this cluster (also what kubectl's own tests run against). */
  kubectlContext(files: Readonly<Record<string, string>> = {}): KubectlContext {
    return {
      api: this.store,
      cluster: {
        server: this.server,
        files,
        exec: (ns, pod, container, argv) => {
          const r = this.shells.exec({ kind: 'pod', namespace: ns, name: pod, ...(container ? { container } : {}) }, argv)
          for (const trace of r.traces) this.emitted.push({ at: this.time, type: 'trace', trace })
          return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, traces: r.traces }
        },
        logs: (ns, pod, container) => {
          const rt = this.podRuntime(ns, pod)
          const c = container ? rt?.containers.find((x) => x.name === container) : rt?.containers[0]
          return c?.logs
        },
        afterWrite: () => this.reconcile(),
        // kubectl's --wait (delete) and `run -it` (pod Running): simulated time moves on until done.
        waitFor: (done, timeoutMs) => this.waitUntil(done, timeoutMs),
      },
    }
  }

  /** Runs a command in a pod, as `kubectl exec <pod> -- argv` does (through the same shells). */
  exec(ns: string, name: string, argv: string[]): { code: number; stdout: string; stderr: string } {
    const r = this.kubectlContext().cluster!.exec(ns, name, undefined, argv)
    return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr }
  }

  /** The modelled runtime of a pod (for logs, exec and the UI). */
  podRuntime(ns: string, name: string) {
    const pod = this.store.get<KObject & { spec: { nodeName?: string } }>('Pod', ns, name)
    return pod?.spec.nodeName ? this.kubelets.get(pod.spec.nodeName)?.runtime(`${ns}/${name}`) : undefined
  }
}

/** Loads a scenario and returns the running simulation (not yet settled). */
export function loadSimulation(text: string, file?: string): Simulation {
  return new Simulation(text, file)
}

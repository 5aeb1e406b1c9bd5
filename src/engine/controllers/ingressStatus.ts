/**
 * ingress-nginx's status sync (internal/ingress/status/status.go): the running controller writes the
 * address it is reachable at into `status.loadBalancer.ingress` of every Ingress it serves, which
 * `kubectl get ingress` shows as ADDRESS. The address comes from the controller's flags:
 * `--publish-status-address` as given; else `--publish-service` (that Service's LB ingress, or its
 * externalIPs / ClusterIP by type); else the nodes running a Running and Ready controller pod —
 * their InternalIP with `--report-node-internal-ip-address` (minikube), otherwise their ExternalIP
 * falling back to the InternalIP (k8s.GetNodeIPOrName). So no address shows before a controller pod
 * is Ready. When the last controller pod is gone the addresses are removed (UpdateStatusOnShutdown),
 * and an Ingress the controller stops serving loses the address it got.
 */
import { clone } from '../util/clone.ts'
import type { Change } from '../api/store.ts'
import type { IngressObj, NodeObj, PodObj, ServiceObj } from '../model/k8s.ts'
import { appFor } from '../kubelet/images.ts'
import { servedIngresses } from '../net/ingressProxy.ts'
import type { Controller, ControllerContext } from './context.ts'
import { isPodReady } from './podports.ts'

/** One entry of `status.loadBalancer.ingress`. */
interface LbIngress {
  ip?: string
  hostname?: string
}

/** The status-related flags of the controller (cmd/nginx/flags.go). */
interface StatusFlags {
  publishService?: string
  publishStatusAddress?: string
  useNodeInternalIP: boolean
  updateStatus: boolean
}

const WATCHED = new Set(['Pod', 'Ingress', 'IngressClass', 'Node', 'Service'])

/** True for a pod that runs the ingress-nginx controller image. */
function isControllerPod(p: PodObj): boolean {
  return (p.spec.containers ?? []).some((c) => appFor(c).kind === 'ingress-nginx')
}

/** pflag parsing of the controller container's args (`--name=value`, `--name value`, bare booleans), `$(POD_…)` expanded. */
function statusFlags(pod: PodObj): StatusFlags {
  const c = (pod.spec.containers ?? []).find((x) => appFor(x).kind === 'ingress-nginx')
  const expand = (v: string) => v.replaceAll('$(POD_NAMESPACE)', pod.metadata.namespace ?? 'default').replaceAll('$(POD_NAME)', pod.metadata.name)
  const args = [...(c?.command ?? []), ...(c?.args ?? [])].map(expand)
  const flags: StatusFlags = { useNodeInternalIP: false, updateStatus: true }
  const asBool = (v: string | undefined) => v === undefined || ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)
  for (let i = 0; i < args.length; i++) {
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(args[i]!)
    if (!m) continue
    const [, name, inline] = m
    const value = (): string | undefined => inline ?? (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-') ? args[++i] : undefined)
    if (name === 'publish-service') flags.publishService = value()
    else if (name === 'publish-status-address') flags.publishStatusAddress = value()
    else if (name === 'report-node-internal-ip-address') flags.useNodeInternalIP = asBool(inline)
    else if (name === 'update-status') flags.updateStatus = asBool(inline)
  }
  return flags
}

/** net.ParseIP stand-in: an address goes to `ip`, anything else to `hostname` (nameOrIPToLoadBalancerIngress). */
function nameOrIP(s: string): LbIngress {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(':') ? { ip: s } : { hostname: s }
}

/** k8s.GetNodeIPOrName. */
function nodeAddress(node: NodeObj | undefined, useInternalIP: boolean): string {
  const addrs = node?.status?.addresses ?? []
  const internal = addrs.find((a) => a.type === 'InternalIP' && a.address)?.address ?? ''
  if (useInternalIP) return internal
  return addrs.find((a) => a.type === 'ExternalIP' && a.address)?.address ?? internal
}

/** statusAddressFromService; undefined when the Service does not exist (the sync fails and writes nothing). */
function fromService(ctx: ControllerContext, ref: string): LbIngress[] | undefined {
  const [ns, name] = ref.split('/')
  if (!ns || !name) return undefined
  const svc = ctx.store.get<ServiceObj>('Service', ns, name)
  if (!svc) return undefined
  const ext = svc.spec.externalIPs ?? []
  switch (svc.spec.type ?? 'ClusterIP') {
    case 'ExternalName':
      return [{ hostname: svc.spec.externalName ?? '' }]
    case 'ClusterIP':
      return [{ ip: svc.spec.clusterIP ?? '' }]
    case 'NodePort':
      return ext.length ? ext.map((ip) => ({ ip })) : [{ ip: svc.spec.clusterIP ?? '' }]
    case 'LoadBalancer': {
      const out: LbIngress[] = (svc.status?.loadBalancer?.ingress ?? []).map((i) => ({ ...(i.hostname ? { hostname: i.hostname } : {}), ...(i.ip ? { ip: i.ip } : {}) }))
      for (const ip of ext) if (!out.some((a) => a.ip === ip || a.hostname === ip)) out.push({ ip })
      return out
    }
    default:
      return undefined
  }
}

/** runningAddresses, then sorted as updateStatus compares them (hostname, then IP, as strings). */
function runningAddresses(ctx: ControllerContext, leader: PodObj, flags: StatusFlags): LbIngress[] | undefined {
  let out: LbIngress[]
  if (flags.publishStatusAddress) out = flags.publishStatusAddress.split(/,\s*/).map(nameOrIP)
  else if (flags.publishService) {
    const s = fromService(ctx, flags.publishService)
    if (!s) return undefined
    out = s
  } else {
    // Pods with the leader's labels (k8s.IngressPodDetails.Labels) in its namespace.
    const labels = leader.metadata.labels ?? {}
    out = []
    for (const p of ctx.store.list<PodObj>('Pod', leader.metadata.namespace)) {
      if (!Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v)) continue
      if (p.status?.phase !== 'Running' || !isPodReady(p)) continue
      const name = nodeAddress(ctx.store.get<NodeObj>('Node', undefined, p.spec.nodeName ?? ''), flags.useNodeInternalIP)
      if (name && !out.some((a) => a.ip === name || a.hostname === name)) out.push(nameOrIP(name))
    }
  }
  return out.sort(lessLoadBalancerIngress)
}

/** status.go lessLoadBalancerIngress: by hostname, then IP, as byte strings. */
function lessLoadBalancerIngress(a: LbIngress, b: LbIngress): number {
  const [ha, ia, hb, ib] = [a.hostname ?? '', a.ip ?? '', b.hostname ?? '', b.ip ?? '']
  return ha < hb ? -1 : ha > hb ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0
}

const sameAddresses = (cur: LbIngress[], want: LbIngress[]): boolean =>
  cur.length === want.length && cur.every((c, i) => (c.ip ?? '') === (want[i]!.ip ?? '') && (c.hostname ?? '') === (want[i]!.hostname ?? ''))

export class IngressStatusController implements Controller {
  readonly name = 'ingress-nginx-status'
  private dirty = false
  /** Ingresses (`ns/name`) this controller gave an address. */
  private readonly published = new Set<string>()

  observe(ch: Change): void {
    if (WATCHED.has(ch.kind)) this.dirty = true
  }

  sync(ctx: ControllerContext): void {
    if (!this.dirty) return
    this.dirty = false
    // The leader: the first Running controller pod that is not being deleted.
    const leader = ctx.store.list<PodObj>('Pod').find((p) => isControllerPod(p) && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)
    const flags = leader ? statusFlags(leader) : undefined
    if (flags && !flags.updateStatus) return
    const want = leader && flags ? runningAddresses(ctx, leader, flags) : []
    if (want === undefined) return
    const served = leader ? servedIngresses(ctx.store) : []
    const keep = new Set<string>()
    for (const ing of served) {
      const key = `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`
      keep.add(key)
      this.write(ctx, ing, want)
      if (want.length) this.published.add(key)
    }
    for (const key of [...this.published].sort()) {
      if (keep.has(key)) continue
      this.published.delete(key)
      const [ns, name] = key.split('/') as [string, string]
      const ing = ctx.store.get<IngressObj>('Ingress', ns, name)
      if (ing) this.write(ctx, ing, [])
    }
  }

  private write(ctx: ControllerContext, ing: IngressObj, want: LbIngress[]): void {
    const cur = [...((ing.status?.loadBalancer?.ingress ?? []) as LbIngress[])].sort(lessLoadBalancerIngress)
    if (sameAddresses(cur, want)) return
    const next = clone(ing)
    next.status = { loadBalancer: want.length ? { ingress: want.map((a) => ({ ...a })) } : {} }
    ctx.api.write(next)
  }
}

/**
 * `localhost-bind` (chapter5.md §12, "app bound to localhost only"): the app has the port, but
 * does its socket accept connections to the address they arrive at? A Service endpoint, a
 * hostPort and a request to the pod IP all arrive at the pod IP; only a request the pod sends to
 * itself arrives at 127.0.0.1. A socket bound to 127.0.0.1 (`python -m http.server --bind
 * 127.0.0.1`) takes connections to 127.0.0.1 only: the kernel answers the rest with a TCP RST.
 *
 * Params — ok: pod, port, address (the bound address), ip (the address connected to);
 * problem: the same plus container. `at` is the container field holding the bind option
 * (`spec.containers[0].command` or `.args`), where it was written (a pod or its template).
 */
import { findPort } from '../controllers/podports.ts'
import { acceptsTo, appFor } from '../kubelet/images.ts'
import type { PodObj, ServiceObj } from '../model/k8s.ts'
import type { Finding } from './types.ts'
import type { ClusterView } from './view.ts'
import { podField, podReady, refOf } from './view.ts'

/** What one pod does with a connection to `ip`:`port`: accepted, refused by a socket bound elsewhere, or not ours to say. */
type Verdict = { kind: 'accepts'; address: string } | { kind: 'bound-elsewhere'; container: number; address: string } | { kind: 'no-listener' }

function verdict(pod: PodObj, port: number, proto: string, ip: string): Verdict {
  let elsewhere: Verdict | undefined
  const cs = pod.spec.containers ?? []
  for (let i = 0; i < cs.length; i++) {
    for (const l of appFor(cs[i]!).listeners) {
      if (l.port !== port || l.protocol !== proto) continue
      if (acceptsTo(l, ip)) return { kind: 'accepts', address: l.address }
      elsewhere ??= { kind: 'bound-elsewhere', container: i, address: l.address }
    }
  }
  return elsewhere ?? { kind: 'no-listener' }
}

/** The finding for one pod's verdict (undefined when no socket has the port: `target-port`/`listening` tell). */
function findingFor(view: ClusterView, pod: PodObj, port: number, ip: string, v: Verdict): Finding | undefined {
  if (v.kind === 'no-listener') return undefined
  const params = { pod: refOf(pod), port, address: v.address, ip }
  if (v.kind === 'accepts') return { check: 'localhost-bind', status: 'ok', params }
  const c = pod.spec.containers[v.container]!
  const field = appFor(c).python?.bindField ?? ((c.args ?? []).length > 0 ? 'args' : 'command')
  return {
    check: 'localhost-bind',
    status: 'problem',
    params: { ...params, container: c.name },
    at: podField(view, pod, `spec.containers[${v.container}].${field}`),
  }
}

/**
 * `localhost-bind` for a request to one pod at `ip` (its pod IP, 127.0.0.1 from the pod itself,
 * or the pod IP a hostPort is DNATed to) on `port`.
 */
export function checkPodBind(view: ClusterView, pod: PodObj, port: number, proto: string, ip: string): Finding | undefined {
  return findingFor(view, pod, port, ip, verdict(pod, port, proto, ip))
}

/**
 * `localhost-bind` for a Service port: kube-proxy DNATs to `podIP:targetPort` of a ready pod, so
 * each selected pod's app must accept its pod IP. The pod the trace was refused by (`refusedBy`,
 * `ns/name`) is looked at first; otherwise the first pod bound elsewhere is the problem.
 */
export function checkServiceBind(view: ClusterView, svc: ServiceObj, portIndex: number, pods: readonly PodObj[], refusedBy: string | undefined): Finding | undefined {
  const sp = (svc.spec.ports ?? [])[portIndex]
  if (!sp) return undefined
  const proto = sp.protocol ?? 'TCP'
  const ready = pods.filter(podReady)
  const candidates = [...(ready.length ? ready : pods)].sort((a, b) => Number(refOf(b) === refusedBy) - Number(refOf(a) === refusedBy))
  let ok: Finding | undefined
  for (const pod of candidates) {
    const port = findPort(pod, sp)
    const ip = pod.status?.podIP
    if (port === undefined || !ip) continue
    const f = findingFor(view, pod, port, ip, verdict(pod, port, proto, ip))
    if (f?.status === 'problem') return f
    ok ??= f
  }
  return ok
}

/**
 * The `dns` check: did the URL's name resolve, and if not, why. Who resolves decides what can work
 * (net/dns.ts): an external client reads only its hosts file (the Scenario's `hostAliases`), a node
 * knows the nodes' names, a pod asks cluster DNS with its search list (`<ns>.svc.<zone>
 * svc.<zone> <zone>`, ndots:5; kubernetes-facts.md §2.3), so a Service is found as `<svc>` (own
 * namespace), `<svc>.<ns>`, `<svc>.<ns>.svc` or `<svc>.<ns>.svc.<zone>` (§2.1).
 *
 * params — ok: name, ip. problem: name, reason, and by reason:
 *   outside (a cluster name asked by an external client): service, client;
 *   hosts-file (any other name from an external client): client;
 *   node-resolver: node;
 *   other-namespace (short name, the Service is elsewhere): service, namespace, suggestion;
 *   namespace (`<svc>.<ns>` names a namespace without that Service): namespace, service, suggestion;
 *   suffix (right Service and namespace, wrong tail, e.g. a misspelled zone): service, zone, suggestion;
 *   headless-empty (a headless Service without ready endpoints is NXDOMAIN, §2.1): service;
 *   external-name (the CNAME target is resolved upstream, which the playground has not): service, target;
 *   misspelled (no such Service, one with a close name exists): service, suggestion;
 *   pod-dns-policy (the pod does not use cluster DNS): pod, policy;
 *   unresolved (the Service exists under this name, yet the name failed): service;
 *   no-service: nothing close.
 */
import type { ServiceObj } from '../model/k8s.ts'
import type { Subject } from './subject.ts'
import { isIPv4 } from './subject.ts'
import type { Finding } from './types.ts'
import type { ClusterView } from './view.ts'
import { fieldOf, podField as podSpecField, refOf } from './view.ts'

/** Levenshtein distance, for "did you mean" (kubectl suggests within 2 as well). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length]!
}

/** The Service whose name is closest to `name` (within 2 edits), preferring namespace `ns`. */
function closestService(view: ClusterView, name: string, ns: string): ServiceObj | undefined {
  let best: { svc: ServiceObj; score: number } | undefined
  for (const x of view.services()) {
    const d = distance(name, x.metadata.name)
    if (d > 2 || d >= name.length) continue
    const score = d * 2 + ((x.metadata.namespace ?? 'default') === ns ? 0 : 1)
    if (!best || score < best.score) best = { svc: x, score }
  }
  return best?.svc
}

/** The name forms a pod in `from` can use for a Service (§2.1 with the §2.3 search list). */
function validForms(svc: ServiceObj, fromNs: string, zone: string): string[] {
  const n = svc.metadata.name
  const ns = svc.metadata.namespace ?? 'default'
  const forms = [`${n}.${ns}`, `${n}.${ns}.svc`, `${n}.${ns}.svc.${zone}`]
  if (ns === fromNs) forms.push(n)
  return forms
}

/** The `dns` finding, or undefined when the URL names an IP (or is unknown). */
export function checkDns(view: ClusterView, s: Subject): Finding | undefined {
  const name = s.urlHost
  if (name === undefined || isIPv4(name)) return undefined
  const lower = name.toLowerCase().replace(/\.$/, '')
  if (!s.unresolved) return { check: 'dns', status: 'ok', params: { name, ip: s.dst?.ip ?? '' } }
  if (lower === 'localhost') return { check: 'dns', status: 'ok', params: { name, ip: '127.0.0.1' } }
  const zone = view.config.clusterDomain
  const labels = lower.split('.')
  const svcName = labels[0]!
  const named = view.services().filter((x) => x.metadata.name === svcName)
  const sender = s.sender
  if (sender.kind === 'client') {
    const client = sender.name
    const at = { kind: 'Scenario', name: view.config.name, fieldPath: `spec.clients[${sender.index}].hostAliases` }
    const wanted = labels.length > 1 ? named.find((x) => x.metadata.namespace === labels[1]) : named[0]
    if (wanted) return { check: 'dns', status: 'problem', params: { name, reason: 'outside', service: refOf(wanted), client }, at }
    return { check: 'dns', status: 'problem', params: { name, reason: 'hosts-file', client }, at }
  }
  if (sender.kind === 'node') return { check: 'dns', status: 'problem', params: { name, reason: 'node-resolver', node: sender.name } }
  if (sender.kind === 'pod') {
    // dnsPolicy Default (and hostNetwork with ClusterFirst) use the node's resolver, not cluster DNS (§2.3).
    const policy = sender.pod.spec.dnsPolicy ?? 'ClusterFirst'
    if (policy === 'Default' || (sender.pod.spec.hostNetwork === true && policy === 'ClusterFirst')) {
      return { check: 'dns', status: 'problem', params: { name, reason: 'pod-dns-policy', pod: refOf(sender.pod), policy }, at: podSpecField(view, sender.pod, 'spec.dnsPolicy') }
    }
  }
  const fromNs = sender.kind === 'pod' ? (sender.pod.metadata.namespace ?? 'default') : 'default'
  const askedNs = labels.length > 1 ? labels[1]! : fromNs
  const exact = named.find((x) => (x.metadata.namespace ?? 'default') === askedNs)
  if (exact) {
    const forms = validForms(exact, fromNs, zone)
    const service = refOf(exact)
    if (!forms.includes(lower)) {
      return { check: 'dns', status: 'problem', params: { name, reason: 'suffix', service, zone, suggestion: `${svcName}.${askedNs}.svc.${zone}` } }
    }
    if (exact.spec.type === 'ExternalName') {
      return { check: 'dns', status: 'problem', params: { name, reason: 'external-name', service, target: exact.spec.externalName ?? '' }, at: fieldOf(exact, 'spec.externalName') }
    }
    if (exact.spec.clusterIP === 'None') {
      return { check: 'dns', status: 'problem', params: { name, reason: 'headless-empty', service }, at: fieldOf(exact, 'spec.clusterIP') }
    }
    return { check: 'dns', status: 'problem', params: { name, reason: 'unresolved', service } }
  }
  const elsewhere = named.find((x) => (x.metadata.namespace ?? 'default') !== askedNs)
  if (elsewhere) {
    const namespace = elsewhere.metadata.namespace ?? 'default'
    const params = { name, reason: labels.length > 1 ? 'namespace' : 'other-namespace', service: refOf(elsewhere), namespace: labels.length > 1 ? askedNs : namespace, suggestion: `${svcName}.${namespace}` }
    return { check: 'dns', status: 'problem', params, at: fieldOf(elsewhere, 'metadata.namespace') }
  }
  const close = closestService(view, svcName, askedNs)
  if (close) {
    const suggestion = [close.metadata.name, ...labels.slice(1)].join('.')
    return { check: 'dns', status: 'problem', params: { name, reason: 'misspelled', service: refOf(close), suggestion }, at: fieldOf(close, 'metadata.name') }
  }
  return { check: 'dns', status: 'problem', params: { name, reason: 'no-service' } }
}

/**
 * The cluster's nodes: kind's node list (or the playground default), with Node objects pinning
 * names, addresses (status.addresses InternalIP / ExternalIP), spec.podCIDR and readiness.
 *
 * Without a kind Cluster document, the Node objects (when there are any) are the node list, in
 * document order; with one, they must name its nodes and only pin their details.
 */
import type { NodeSpecConfig } from '../model/cluster.ts'
import type { KObject } from '../model/k8s.ts'
import { cidrContains, parseCidr, parseIPv4 } from '../util/ip.ts'
import type { YamlDoc } from '../yaml/documents.ts'
import { NODE_CIDR_MASK, defaultNodeIP, nthNodeCidr } from './defaults.ts'
import type { Reporter } from './report.ts'
import { isMapping, listAt, mapAt, strAt } from './values.ts'

/** A Node document of the scenario. */
export interface NodeDoc {
  obj: KObject
  doc: YamlDoc
}

interface Pins {
  internalIP?: string
  externalIP?: string
  podCIDR?: string
  ready?: boolean
}

/** kubeadm labels control-plane nodes with this key (the older `master` one is honoured too). */
function isControlPlane(obj: KObject): boolean {
  const labels = obj.metadata.labels ?? {}
  return Object.hasOwn(labels, 'node-role.kubernetes.io/control-plane') || Object.hasOwn(labels, 'node-role.kubernetes.io/master')
}

/** Reads what a Node object pins, reporting malformed addresses and ranges. */
function readPins(nd: NodeDoc, podSubnet: string, rep: Reporter): Pins {
  const pins: Pins = {}
  const { obj, doc } = nd
  const status = isMapping(obj.status) ? obj.status : undefined
  const spec = isMapping(obj.spec) ? obj.spec : undefined
  ;(listAt(status, 'addresses') ?? []).forEach((a, i) => {
    if (!isMapping(a)) return
    const type = strAt(a, 'type')
    if (type !== 'InternalIP' && type !== 'ExternalIP') return
    const address = strAt(a, 'address')
    const path = ['status', 'addresses', i, 'address']
    if (address === undefined || parseIPv4(address) === undefined) {
      rep.field(doc, path, { type: 'Invalid', value: address ?? '', detail: 'must be a valid IPv4 address' })
      return
    }
    if (type === 'InternalIP') pins.internalIP ??= address
    else pins.externalIP ??= address
  })
  const podCIDRs = listAt(spec, 'podCIDRs')
  const rawCidr = strAt(spec, 'podCIDR') ?? (typeof podCIDRs?.[0] === 'string' ? podCIDRs[0] : undefined)
  if (rawCidr !== undefined) {
    const path = strAt(spec, 'podCIDR') !== undefined ? ['spec', 'podCIDR'] : ['spec', 'podCIDRs', 0]
    const c = parseCidr(rawCidr)
    if (c === undefined) rep.field(doc, path, { type: 'Invalid', value: rawCidr, detail: 'must be a valid CIDR' })
    else {
      pins.podCIDR = c.text
      const subnet = parseCidr(podSubnet)!
      if (!cidrContains(subnet, c.text.split('/')[0]!)) {
        rep.at(doc, path, `${c.text} is outside the cluster's pod subnet ${podSubnet}`, { severity: 'warning' })
      }
    }
  }
  const ready = (listAt(status, 'conditions') ?? []).find((c) => isMapping(c) && c.type === 'Ready')
  if (isMapping(ready) && typeof ready.status === 'string') pins.ready = ready.status === 'True'
  return pins
}

/**
 * Builds the node list. `kindNodes` are the kind config's nodes (names and roles) or undefined;
 * `defaults` are used when neither a kind config nor Node objects give one.
 */
export function buildNodes(
  kindNodes: { name: string; role: NodeSpecConfig['role'] }[] | undefined,
  defaults: { name: string; role: NodeSpecConfig['role'] }[],
  nodeDocs: readonly NodeDoc[],
  podSubnet: string,
  rep: Reporter,
): NodeSpecConfig[] {
  const byName = new Map<string, NodeDoc>()
  for (const nd of nodeDocs) {
    const name = nd.obj.metadata.name
    if (byName.has(name)) {
      rep.field(nd.doc, ['metadata', 'name'], { type: 'Duplicate', value: name })
      continue
    }
    byName.set(name, nd)
  }

  let shape: { name: string; role: NodeSpecConfig['role']; nd?: NodeDoc }[]
  if (kindNodes !== undefined) {
    shape = kindNodes.map((n) => ({ ...n, nd: byName.get(n.name) }))
    const names = new Set(kindNodes.map((n) => n.name))
    for (const [name, nd] of byName) {
      if (!names.has(name)) {
        rep.at(nd.doc, ['metadata', 'name'], `Node "${name}" is not a node of the kind cluster (${[...names].join(', ')})`)
      }
    }
  } else if (byName.size > 0) {
    shape = [...byName.values()].map((nd) => ({
      name: nd.obj.metadata.name,
      role: isControlPlane(nd.obj) ? 'control-plane' : 'worker',
      nd,
    }))
  } else {
    shape = defaults
  }

  const pins = shape.map((s) => (s.nd ? readPins(s.nd, podSubnet, rep) : {}))
  // Pinned addresses and ranges are taken first; the others are handed out in node order, skipping them.
  const usedIPs = new Map<string, number>()
  const usedCidrs = new Set<string>()
  pins.forEach((p, i) => {
    const nd = shape[i]!.nd
    if (p.internalIP !== undefined) {
      if (usedIPs.has(p.internalIP) && nd) {
        rep.at(nd.doc, ['status', 'addresses'], `InternalIP ${p.internalIP} is already used by node ${shape[usedIPs.get(p.internalIP)!]!.name}`)
        delete p.internalIP
      } else usedIPs.set(p.internalIP, i)
    }
    if (p.podCIDR !== undefined) {
      if (usedCidrs.has(p.podCIDR) && nd) {
        rep.at(nd.doc, ['spec', 'podCIDR'], `podCIDR ${p.podCIDR} is already used by another node`)
        delete p.podCIDR
      } else usedCidrs.add(p.podCIDR)
    }
  })
  const capacity = 2 ** (NODE_CIDR_MASK - parseCidr(podSubnet)!.bits)
  let nextIP = 0
  let nextCidr = 0
  return shape.map((s, i) => {
    const p = pins[i]!
    let internalIP = p.internalIP
    while (internalIP === undefined) {
      const ip = defaultNodeIP(nextIP++)
      if (!usedIPs.has(ip)) internalIP = ip
    }
    let podCIDR = p.podCIDR
    while (podCIDR === undefined) {
      if (nextCidr >= capacity) {
        // Out of /24s (the caller sizes the subnet, so only pinned ranges can cause this): the node
        // IPAM controller would leave the node without a range (CIDRNotAvailable).
        podCIDR = ''
        if (s.nd) rep.at(s.nd.doc, ['metadata', 'name'], `no /${NODE_CIDR_MASK} left in the pod subnet ${podSubnet} for node ${s.name}`)
        break
      }
      const c = nthNodeCidr(podSubnet, nextCidr++)
      if (!usedCidrs.has(c)) podCIDR = c
    }
    const node: NodeSpecConfig = { name: s.name, role: s.role, internalIP, podCIDR, ready: p.ready ?? true }
    if (p.externalIP !== undefined) node.externalIP = p.externalIP
    return node
  })
}

/** The metadata.name of a Node document when it is a usable string. */
export function nodeName(obj: KObject): string | undefined {
  const md = mapAt(obj as unknown as Record<string, unknown>, 'metadata')
  const name = strAt(md, 'name')
  return name === undefined || name === '' ? undefined : name
}

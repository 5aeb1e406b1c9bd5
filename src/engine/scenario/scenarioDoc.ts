/**
 * The playground's own `playground/v1alpha1` Scenario document: title, seed, NodePort range,
 * cloud load balancer and external clients (architecture.md "Scenario files").
 */
import type { AddonName, ClientConfig } from '../model/cluster.ts'
import { parseCidr, parseIPv4 } from '../util/ip.ts'
import type { YamlDoc } from '../yaml/documents.ts'
import { pathToFieldPath } from '../yaml/fieldPath.ts'
import { DEFAULT_CLIENT } from './defaults.ts'
import { parsePortRange } from './portRange.ts'
import type { Reporter } from './report.ts'
import { boolAt, has, intAt, isMapping, listAt, mapAt, strAt } from './values.ts'
import type { Mapping } from './values.ts'

/** What a Scenario document decides; unset fields keep the defaults. */
export interface ScenarioSettings {
  name?: string
  title?: { en: string; ko: string }
  seed?: number
  serviceNodePortRange?: { base: number; size: number }
  clusterDomain?: string
  cloud: { loadBalancer?: boolean; ipPool?: string }
  /** undefined: the default client; [] when the document lists none. */
  clients?: ClientConfig[]
  /** Addons to apply at bootstrap (valid names only, each once). */
  addons?: AddonName[]
}

const CLIENT_KINDS = ['curl', 'browser'] as const
/** The addons a scenario can enable (what `minikube addons enable` knows here). */
export const ADDON_NAMES: readonly AddonName[] = ['ingress']
/** A DNS-1123 subdomain (what kubelet accepts for --cluster-domain). */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

function localized(v: unknown): { en: string; ko: string } | undefined {
  if (typeof v === 'string') return { en: v, ko: v }
  if (isMapping(v) && typeof v.en === 'string') return { en: v.en, ko: typeof v.ko === 'string' ? v.ko : v.en }
  return undefined
}

function readClients(doc: YamlDoc, list: unknown[], rep: Reporter): ClientConfig[] {
  const out: ClientConfig[] = []
  const names = new Set<string>()
  list.forEach((c, i) => {
    if (!isMapping(c)) return
    const at = ['spec', 'clients', i]
    const name = strAt(c, 'name')
    const ip = strAt(c, 'ip')
    let ok = true
    if (name === undefined || name === '') {
      rep.at(doc, has(c, 'name') ? [...at, 'name'] : at, `${pathToFieldPath([...at, 'name'])}: Required value`)
      ok = false
    } else if (names.has(name)) {
      rep.field(doc, [...at, 'name'], { type: 'Duplicate', value: name })
      ok = false
    }
    if (ip === undefined || ip === '') {
      rep.at(doc, has(c, 'ip') ? [...at, 'ip'] : at, `${pathToFieldPath([...at, 'ip'])}: Required value`)
      ok = false
    } else if (parseIPv4(ip) === undefined) {
      rep.field(doc, [...at, 'ip'], { type: 'Invalid', value: ip, detail: 'must be a valid IPv4 address' })
      ok = false
    }
    let kind: ClientConfig['kind'] = DEFAULT_CLIENT.kind
    const k = strAt(c, 'kind')
    if (k === 'curl' || k === 'browser') kind = k
    else if (k !== undefined) rep.field(doc, [...at, 'kind'], { type: 'NotSupported', value: k, supported: [...CLIENT_KINDS] })
    const hostAliases: ClientConfig['hostAliases'] = []
    ;(listAt(c, 'hostAliases') ?? []).forEach((h, j) => {
      if (!isMapping(h)) return
      const hip = strAt(h, 'ip')
      // Same shape and rule as a Pod's hostAliases (ValidateHostAliases): ip must be an IP address.
      if (hip === undefined || parseIPv4(hip) === undefined) {
        rep.field(doc, [...at, 'hostAliases', j, 'ip'], { type: 'Invalid', value: hip ?? '', detail: 'must be a valid IP address' })
        return
      }
      const hostnames = (listAt(h, 'hostnames') ?? []).filter((x): x is string => typeof x === 'string')
      hostAliases.push({ ip: hip, hostnames })
    })
    if (ok && name !== undefined && ip !== undefined) {
      names.add(name)
      out.push({ name, ip, kind, hostAliases })
    }
  })
  return out
}

/** `spec.addons`: known names, each once; anything else is reported where it stands. */
function readAddons(doc: YamlDoc, list: unknown[], rep: Reporter): AddonName[] {
  const out: AddonName[] = []
  list.forEach((a, i) => {
    // A non-string entry was already reported by the strict decoder.
    if (typeof a !== 'string') return
    const at = ['spec', 'addons', i]
    if (!(ADDON_NAMES as readonly string[]).includes(a)) rep.field(doc, at, { type: 'NotSupported', value: a, supported: [...ADDON_NAMES] })
    else if (out.includes(a as AddonName)) rep.field(doc, at, { type: 'Duplicate', value: a })
    else out.push(a as AddonName)
  })
  return out
}

/** Reads a Scenario document; bad values are reported and leave the default in place. */
export function readScenario(doc: YamlDoc, value: Mapping, rep: Reporter): ScenarioSettings {
  const out: ScenarioSettings = { cloud: {} }
  if (value.apiVersion !== 'playground/v1alpha1') {
    rep.at(doc, ['apiVersion'], `unknown apiVersion: ${String(value.apiVersion)} (the Scenario document is playground/v1alpha1)`)
  }
  const name = strAt(mapAt(value, 'metadata'), 'name')
  if (name !== undefined && name !== '') out.name = name
  const spec = mapAt(value, 'spec')

  const title = localized(spec?.title)
  if (title !== undefined) out.title = title
  else if (name !== undefined && name !== '') out.title = { en: name, ko: name }

  const seed = intAt(spec, 'seed')
  if (seed !== undefined) out.seed = seed

  const range = strAt(spec, 'serviceNodePortRange')
  if (range !== undefined && range.trim() !== '') {
    const r = parsePortRange(range)
    if ('error' in r) rep.at(doc, ['spec', 'serviceNodePortRange'], r.error)
    else out.serviceNodePortRange = r
  }

  const domain = strAt(spec, 'clusterDomain')
  if (domain !== undefined) {
    const d = domain.replace(/\.$/, '')
    if (d.length <= 253 && DNS1123_SUBDOMAIN.test(d)) out.clusterDomain = d
    else rep.field(doc, ['spec', 'clusterDomain'], { type: 'Invalid', value: domain, detail: 'must be a valid DNS subdomain' })
  }

  const cloud = mapAt(spec, 'cloud')
  const lb = boolAt(cloud, 'loadBalancer')
  if (lb !== undefined) out.cloud.loadBalancer = lb
  const pool = strAt(cloud, 'ipPool')
  if (pool !== undefined) {
    const c = parseCidr(pool)
    if (c === undefined) rep.field(doc, ['spec', 'cloud', 'ipPool'], { type: 'Invalid', value: pool, detail: 'must be a valid IPv4 CIDR, e.g. 198.51.100.0/24' })
    else out.cloud.ipPool = c.text
  }

  if (has(spec, 'clients')) out.clients = readClients(doc, listAt(spec, 'clients') ?? [], rep)
  const addons = listAt(spec, 'addons')
  if (addons !== undefined) out.addons = readAddons(doc, addons, rep)
  return out
}

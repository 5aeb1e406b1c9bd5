/**
 * Tab completion, as bash with kubectl's completion script does it: the first word completes to a
 * command, kubectl's words to subcommands, resource types (`svc`, `pods` …), object names from the
 * latest snapshot (pod names after `exec`/`logs`), flag values (`-n` namespaces, `-f` editor files,
 * `-o` formats), and the shells' commands and their usual arguments. Pure: the caller applies the
 * result to the line.
 */
import type { TerminalHost } from '../../worker/protocol.ts'

/** An object as completion sees it. */
export interface NamedObject {
  kind: string
  namespace?: string
  name: string
}

/** What completion may offer besides fixed words. */
export interface CompletionData {
  objects: readonly NamedObject[]
  /** Names `kubectl -f` can read. */
  files: readonly string[]
}

/** Replace line characters [from, to) with `text`; when ambiguous, `list` holds the candidates to show. */
export interface Completion {
  from: number
  to: number
  text: string
  list: string[]
}

/** The subcommands kubectl has here. */
export const KUBECTL_VERBS = ['apply', 'create', 'delete', 'describe', 'edit', 'exec', 'expose', 'get', 'label', 'logs', 'run', 'scale'] as const

/** Resource types: the kind and the names kubectl accepts for it (plural first). */
const RESOURCES: readonly { kind: string; names: readonly string[]; clusterScoped?: true }[] = [
  { kind: 'Pod', names: ['pods', 'pod', 'po'] },
  { kind: 'Service', names: ['services', 'service', 'svc'] },
  { kind: 'Endpoints', names: ['endpoints', 'ep'] },
  { kind: 'EndpointSlice', names: ['endpointslices', 'endpointslice'] },
  { kind: 'Ingress', names: ['ingresses', 'ingress', 'ing'] },
  { kind: 'IngressClass', names: ['ingressclasses', 'ingressclass'], clusterScoped: true },
  { kind: 'ReplicationController', names: ['replicationcontrollers', 'replicationcontroller', 'rc'] },
  { kind: 'ReplicaSet', names: ['replicasets', 'replicaset', 'rs'] },
  { kind: 'Deployment', names: ['deployments', 'deployment', 'deploy'] },
  { kind: 'Node', names: ['nodes', 'node', 'no'], clusterScoped: true },
  { kind: 'Secret', names: ['secrets', 'secret'] },
  { kind: 'Namespace', names: ['namespaces', 'namespace', 'ns'], clusterScoped: true },
  { kind: 'Event', names: ['events', 'event', 'ev'] },
]

/** Which resource types a verb takes (undefined: any). */
const VERB_KINDS: Readonly<Record<string, readonly string[]>> = {
  scale: ['ReplicationController', 'ReplicaSet', 'Deployment'],
  expose: ['ReplicationController', 'ReplicaSet', 'Deployment', 'Pod', 'Service'],
}
const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'scale', 'expose'])

/** Flags that take a value (long name → shorthand), kubectl 1.30. */
const VALUE_FLAGS: Readonly<Record<string, string>> = {
  namespace: 'n', filename: 'f', output: 'o', selector: 'l', container: 'c', image: '', port: '', 'target-port': '',
  type: '', name: '', replicas: '', cert: '', key: '', restart: '', protocol: '', labels: '', 'field-selector': '',
}
const SHORT_VALUE = new Map(Object.entries(VALUE_FLAGS).filter(([, s]) => s).map(([l, s]) => [s, l]))

/** Flags offered after `-` per verb (with `=` when they take a value). */
const VERB_FLAGS: Readonly<Record<string, readonly string[]>> = {
  get: ['--all-namespaces', '--namespace=', '--output=', '--selector=', '--show-labels', '--watch'],
  describe: ['--all-namespaces', '--namespace=', '--selector='],
  delete: ['--all', '--filename=', '--namespace=', '--selector='],
  create: ['--filename=', '--namespace=', '--save-config'],
  apply: ['--filename=', '--namespace='],
  expose: ['--name=', '--port=', '--protocol=', '--target-port=', '--type='],
  exec: ['--container=', '--namespace=', '--stdin', '--tty'],
  logs: ['--container=', '--namespace=', '--previous'],
  run: ['--command', '--image=', '--labels=', '--port=', '--restart='],
  label: ['--overwrite', '--namespace=', '--selector='],
  scale: ['--replicas=', '--namespace='],
  edit: ['--namespace=', '--output='],
}

/** Fixed values of some flags. */
const FLAG_VALUES: Readonly<Record<string, readonly string[]>> = {
  output: ['json', 'jsonpath=', 'name', 'wide', 'yaml'],
  type: ['ClusterIP', 'LoadBalancer', 'NodePort'],
  restart: ['Always', 'Never', 'OnFailure'],
  protocol: ['SCTP', 'TCP', 'UDP'],
}

/** Commands of each kind of shell (what the simulated hosts have). */
const POD_COMMANDS = ['cat', 'clear', 'curl', 'dig', 'env', 'exit', 'history', 'hostname', 'ls', 'nslookup', 'ping', 'rm', 'touch', 'wget']
const COMMANDS: Readonly<Record<TerminalHost['kind'], readonly string[]>> = {
  workstation: ['cat', 'clear', 'curl', 'dig', 'history', 'hostname', 'kubectl', 'minikube', 'nslookup', 'ping', 'wget'],
  pod: POD_COMMANDS,
  node: [...POD_COMMANDS, 'conntrack', 'iptables-save', 'nft'].sort(),
  client: ['cat', 'clear', 'curl', 'dig', 'exit', 'history', 'hostname', 'nslookup', 'ping', 'wget'],
}

/** Usual arguments of shell commands, by the words before. */
const COMMAND_ARGS: Readonly<Record<string, readonly string[]>> = {
  cat: ['/etc/hosts', '/etc/resolv.conf'],
  ls: ['/etc', '/var'],
  touch: ['/var/ready'],
  rm: ['/var/ready'],
  'iptables-save': ['-t'],
  'iptables-save -t': ['filter', 'nat'],
  nft: ['list'],
  'nft list': ['ruleset'],
  conntrack: ['-L'],
  minikube: ['addons', 'service'],
  'minikube addons': ['enable', 'list'],
  'minikube addons enable': ['ingress'],
  'kubectl create': ['secret'],
  'kubectl create secret': ['tls'],
}
const NETWORK_COMMANDS = new Set(['curl', 'wget', 'nslookup', 'dig', 'ping'])

/** A word of the line: its unquoted value and where it starts. */
interface Word {
  value: string
  start: number
  /** It has quotes or escapes: completion leaves it alone. */
  quoted: boolean
}

/** The words before the cursor; the last is the one being completed ('' after a blank). */
function wordsBefore(chars: readonly string[], cursor: number): Word[] {
  const words: Word[] = []
  let cur: Word | undefined
  let quote: string | undefined
  for (let i = 0; i < cursor; i++) {
    const c = chars[i]!
    if (quote) {
      if (c === quote) quote = undefined
      else cur!.value += c
      continue
    }
    if (c === ' ' || c === '\t') {
      if (cur) words.push(cur)
      cur = undefined
      continue
    }
    cur ??= { value: '', start: i, quoted: false }
    if (c === "'" || c === '"') {
      quote = c
      cur.quoted = true
    } else if (c === '\\') {
      cur.quoted = true
      if (i + 1 < cursor) cur.value += chars[++i]
    } else cur.value += c
  }
  words.push(cur ?? { value: '', start: cursor, quoted: false })
  return words
}

const uniqueSorted = (xs: Iterable<string>) => [...new Set(xs)].sort()

function resource(word: string): (typeof RESOURCES)[number] | undefined {
  const w = word.toLowerCase()
  return RESOURCES.find((r) => r.names.includes(w))
}

/** Resource type words matching `prefix`: an exact name as typed, else per kind its plural (or the alias that matches). */
function kindWords(prefix: string, kinds?: readonly string[], withAll = false): string[] {
  const out: string[] = []
  for (const r of RESOURCES) {
    if (kinds && !kinds.includes(r.kind)) continue
    if (r.names.includes(prefix)) out.push(prefix)
    else {
      const m = r.names.find((n) => n.startsWith(prefix))
      if (m) out.push(m)
    }
  }
  if (withAll && 'all'.startsWith(prefix)) out.push('all')
  return out
}

function namesOf(data: CompletionData, kind: string, namespace: string): string[] {
  const scoped = !RESOURCES.find((r) => r.kind === kind)?.clusterScoped
  return uniqueSorted(data.objects.filter((o) => o.kind === kind && (!scoped || (o.namespace ?? 'default') === namespace)).map((o) => o.name))
}

/** kubectl's arguments parsed as far as completion needs. */
interface KubectlLine {
  positional: string[]
  /** `--` was given. */
  dashed: boolean
  /** Words after `--`. */
  command: string[]
  namespace: string
  /** The flag whose value is being typed (long name), when the previous word is such a flag. */
  valueFor?: string
}

function parseKubectl(args: readonly string[]): KubectlLine {
  const out: KubectlLine = { positional: [], dashed: false, command: [], namespace: 'default' }
  let dash = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (dash) out.command.push(a)
    else if (a === '--') dash = out.dashed = true
    else if (a.startsWith('--')) {
      const [name = '', value] = a.slice(2).split('=', 2) as [string, string | undefined]
      if (!(name in VALUE_FLAGS) || value !== undefined) {
        if (name === 'namespace' && value) out.namespace = value
        continue
      }
      if (i + 1 >= args.length) out.valueFor = name
      else if (name === 'namespace') out.namespace = args[++i]!
      else i++
    } else if (a.startsWith('-') && a.length > 1) {
      // A shorthand group: the first letter that takes a value takes the rest, or the next word.
      for (let j = 1; j < a.length; j++) {
        const long = SHORT_VALUE.get(a[j]!)
        if (!long) continue
        const rest = a.slice(j + 1)
        if (rest) {
          if (long === 'namespace') out.namespace = rest
        } else if (i + 1 >= args.length) out.valueFor = long
        else if (long === 'namespace') out.namespace = args[++i]!
        else i++
        break
      }
    } else out.positional.push(a)
  }
  return out
}

/** Values of flag `name` that start with `prefix`. */
function flagValues(name: string, data: CompletionData): readonly string[] {
  if (name === 'namespace') return namesOf(data, 'Namespace', '')
  if (name === 'filename') return [...data.files].sort()
  return FLAG_VALUES[name] ?? []
}

/** Candidates for the current kubectl word. */
function kubectlCandidates(args: readonly string[], cur: string, data: CompletionData): readonly string[] {
  const k = parseKubectl(args)
  if (k.valueFor) return flagValues(k.valueFor, data)
  const verb = k.positional[0]
  if (verb === 'exec' && k.dashed) return k.command.length === 0 ? COMMANDS.pod : shellCandidates(k.command, cur, data)
  if (cur.startsWith('--') && cur.includes('=')) {
    const name = cur.slice(2, cur.indexOf('='))
    return flagValues(name, data).map((v) => `--${name}=${v}`)
  }
  if (cur.startsWith('-')) return verb ? (VERB_FLAGS[verb] ?? []) : ['--namespace=']
  if (!verb) return KUBECTL_VERBS
  const n = k.positional.length
  if ((verb === 'exec' || verb === 'logs') && n === 1) {
    const pods = namesOf(data, 'Pod', k.namespace)
    return cur.includes('/') ? pods.map((p) => `${cur.slice(0, cur.indexOf('/') + 1)}${p}`) : pods
  }
  if (TYPED_VERBS.has(verb)) {
    const kinds = VERB_KINDS[verb]
    const slash = cur.indexOf('/')
    if (slash >= 0) {
      const r = resource(cur.slice(0, slash))
      return r ? namesOf(data, r.kind, k.namespace).map((name) => `${cur.slice(0, slash + 1)}${name}`) : []
    }
    if (n === 1) {
      const comma = cur.lastIndexOf(',')
      if (comma >= 0 && verb === 'get') return kindWords(cur.slice(comma + 1)).map((w) => `${cur.slice(0, comma + 1)}${w}`)
      return kindWords(cur, kinds, verb === 'get' || verb === 'delete')
    }
    const typed = k.positional[1]!
    if (typed.includes('/') || typed.includes(',')) return []
    const r = resource(typed)
    return r && (verb !== 'label' || n === 2) ? namesOf(data, r.kind, k.namespace) : []
  }
  return COMMAND_ARGS[`kubectl ${k.positional.join(' ')}`] ?? []
}

/** Candidates for an argument of a shell command. */
function shellCandidates(words: readonly string[], cur: string, data: CompletionData): readonly string[] {
  const cmd = words[0]!
  if (cmd === 'minikube' && words.length === 2 && words[1] === 'service') return namesOf(data, 'Service', 'default')
  const fixed = COMMAND_ARGS[words.join(' ')]
  if (fixed) return fixed
  if (!NETWORK_COMMANDS.has(cmd) || cur.startsWith('-')) return []
  const services = namesOf(data, 'Service', 'default')
  if (cmd !== 'curl' && cmd !== 'wget') return services
  const scheme = cur.startsWith('https://') ? 'https://' : 'http://'
  return [...services, ...services.map((s) => `${scheme}${s}`)]
}

function commonPrefix(xs: readonly string[]): string {
  let p = xs[0] ?? ''
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1)
  return p
}

/** Completes the word before the cursor; undefined when there is nothing to offer. */
export function complete(chars: readonly string[], cursor: number, host: TerminalHost, data: CompletionData): Completion | undefined {
  const words = wordsBefore(chars, cursor)
  const current = words[words.length - 1]!
  if (current.quoted) return undefined
  const before = words.slice(0, -1).map((w) => w.value)
  const cur = current.value
  let pool: readonly string[]
  if (before.length === 0) pool = COMMANDS[host.kind]
  else if (before[0] === 'kubectl' && host.kind === 'workstation') pool = kubectlCandidates(before.slice(1), cur, data)
  else pool = shellCandidates(before, cur, data)
  const matches = uniqueSorted(pool.filter((c) => c.startsWith(cur)))
  if (matches.length === 0) return undefined
  const from = current.start
  if (matches.length === 1) {
    const only = matches[0]!
    return { from, to: cursor, text: /[=/]$/.test(only) ? only : `${only} `, list: [] }
  }
  const prefix = commonPrefix(matches)
  return prefix.length > cur.length ? { from, to: cursor, text: prefix, list: [] } : { from, to: cursor, text: cur, list: matches }
}

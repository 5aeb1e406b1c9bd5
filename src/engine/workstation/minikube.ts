/**
 * `minikube` on the workstation, as the book uses it: `minikube service <svc> [-n ns] [--url]`,
 * `minikube service list`, `minikube ip` and `minikube addons enable ingress`. Output follows
 * kubernetes/minikube (cmd/minikube/cmd/service.go, pkg/minikube/service, cmd/minikube/cmd/config/enable.go);
 * the "minikube IP" is the control-plane node's InternalIP.
 */
import type { ApiReader } from '../api/reader.ts'
import type { ClusterConfig } from '../model/cluster.ts'
import type { KObject, PodObj, ServiceObj } from '../model/k8s.ts'
import type { ShellResult } from '../shell/types.ts'
import { INGRESS_CERTGEN_IMAGE, INGRESS_CONTROLLER_IMAGE, INGRESS_NAMESPACE, ingressAddonObjects } from './ingressAddon.ts'
import { renderBoxTable } from './table.ts'

/** What minikube needs from the simulation. */
export interface MinikubeEnv {
  api: ApiReader
  config: ClusterConfig
  /** `kubectl apply` of one addon object through the API server (controllers react at once). */
  apply(obj: KObject): void
  /** Lets simulated time pass until `done()` or the timeout; false on timeout. */
  waitFor(done: () => boolean, timeoutMs: number): boolean
}

/** How long `Verifying ingress addon...` waits for the controller pod (minikube's kapi wait, 6 min). */
const ADDON_VERIFY_TIMEOUT_MS = 6 * 60_000

// minikube's exit codes (pkg/minikube/reason/exitcodes.go).
const EX_PROGRAM_ERROR = 10
const EX_PROGRAM_USAGE = 14
const EX_SVC_NOT_FOUND = 115

const SVC_HEADERS = ['Namespace', 'Name', 'Target Port', 'URL']

const result = (stdout: string, stderr: string, exitCode: number): ShellResult => ({ stdout, stderr, exitCode, traces: [], output: stdout + stderr })

/** minikube's fatal error block: `❌  Exiting due to <ID>: <message>` between blank lines. */
const exiting = (id: string, message: string, code: number): ShellResult => result('', `\n❌  Exiting due to ${id}: ${message}\n\n`, code)

/** cobra's unknown-command error, as minikube's root command prints it. */
const unknownCommand = (cmd: string, parent: string): ShellResult => result('', `Error: unknown command "${cmd}" for "${parent}"\nRun '${parent} --help' for usage.\n`, 1)

/** The address minikube reports as the cluster's IP: the control-plane node's InternalIP. */
export function minikubeIP(config: ClusterConfig): string {
  return (config.nodes.find((n) => n.role === 'control-plane') ?? config.nodes[0])?.internalIP ?? ''
}

/**
 * The URLs and port names of a Service (pkg/minikube/service GetServiceURLsForService): one per
 * port with a nodePort; the port name is `name/port` for a named port, else the port number.
 */
function serviceURLs(svc: ServiceObj, ip: string, https: boolean): { urls: string[]; portNames: string[] } {
  const urls: string[] = []
  const portNames: string[] = []
  if (svc.spec.type === 'ExternalName') return { urls, portNames }
  for (const p of svc.spec.ports ?? []) {
    if (!p.nodePort) continue
    urls.push(`${https ? 'https' : 'http'}://${ip}:${p.nodePort}`)
    portNames.push(p.name ? `${p.name}/${p.port}` : String(p.port))
  }
  return { urls, portNames }
}

interface ServiceFlags {
  namespace: string
  url: boolean
  https: boolean
  all: boolean
  names: string[]
}

function parseServiceFlags(args: string[]): ServiceFlags | ShellResult {
  const f: ServiceFlags = { namespace: 'default', url: false, https: false, all: false, names: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const eq = a.indexOf('=')
    const [flag, inline] = a.startsWith('-') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined]
    if (flag === '-n' || flag === '--namespace') {
      const v = inline ?? args[++i]
      if (v === undefined) return result('', `Error: flag needs an argument: ${flag === '-n' ? "'n' in -n" : '--namespace'}\nSee 'minikube service --help' for usage.\n`, 1)
      f.namespace = v
    } else if (a.startsWith('-n') && !a.startsWith('--') && a.length > 2) f.namespace = a.slice(2)
    else if (flag === '--url') f.url = inline !== 'false'
    else if (flag === '--https') f.https = inline !== 'false'
    else if (flag === '--all') f.all = inline !== 'false'
    else if (a.startsWith('-')) return result('', `Error: unknown flag: ${flag}\nSee 'minikube service --help' for usage.\n`, 1)
    else f.names.push(a)
  }
  return f
}

/** `minikube service list [-n ns]`: every Service with its URLs, or `No node port`. */
function serviceList(env: MinikubeEnv, namespace: string | undefined): ShellResult {
  const ip = minikubeIP(env.config)
  const svcs = env.api
    .list<ServiceObj>('Service', namespace)
    .slice()
    .sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name.localeCompare(b.metadata.name))
  const rows = svcs.map((s) => {
    const { urls, portNames } = serviceURLs(s, ip, false)
    // service list puts "No node port" in the TARGET PORT column (cmd/minikube/cmd/service_list.go).
    return urls.length ? [s.metadata.namespace ?? '', s.metadata.name, portNames.join('\n'), urls.join('\n')] : [s.metadata.namespace ?? '', s.metadata.name, 'No node port']
  })
  return result(renderBoxTable(SVC_HEADERS, rows), '', 0)
}

/** `minikube service …`. */
function service(args: string[], env: MinikubeEnv): ShellResult {
  if (args[0] === 'list') {
    const f = parseServiceFlags(args.slice(1))
    if ('exitCode' in f) return f
    const explicit = args.slice(1).some((a) => a === '-n' || a.startsWith('-n') || a.startsWith('--namespace'))
    return serviceList(env, explicit ? f.namespace : undefined)
  }
  const f = parseServiceFlags(args)
  if ('exitCode' in f) return f
  if (f.names.length === 0 && !f.all) return exiting('MK_USAGE', 'You must specify service name(s) or --all', EX_PROGRAM_USAGE)
  const ip = minikubeIP(env.config)
  const names = f.all ? env.api.list<ServiceObj>('Service', f.namespace).map((s) => s.metadata.name) : f.names
  let stdout = ''
  const opened: string[] = []
  for (const name of names) {
    const svc = env.api.get<ServiceObj>('Service', f.namespace, name)
    if (!svc) {
      const r = exiting('SVC_NOT_FOUND', `Service '${name}' was not found in '${f.namespace}' namespace.\nYou may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'`, EX_SVC_NOT_FOUND)
      return { ...r, stdout, output: stdout + r.stderr }
    }
    const { urls, portNames } = serviceURLs(svc, ip, f.https)
    if (!f.url) stdout += renderBoxTable(SVC_HEADERS, [urls.length ? [f.namespace, name, portNames.join('\n'), urls.join('\n')] : [f.namespace, name, '', 'No node port']])
    if (urls.length === 0) {
      stdout += `😿  service ${f.namespace}/${name} has no node port\n`
      continue
    }
    if (f.url) stdout += urls.map((u) => `${u}\n`).join('')
    else opened.push(...urls.map(() => `🎉  Opening service ${f.namespace}/${name} in default browser...\n`))
  }
  return result(stdout + opened.join(''), '', 0)
}

/** `minikube addons enable ingress`: applies the addon's objects and waits for the controller pod. */
function enableIngress(env: MinikubeEnv): ShellResult {
  let stdout =
    '💡  ingress is an addon maintained by Kubernetes. For any concerns contact minikube on GitHub.\n' +
    'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS\n' +
    `    ▪ Using image ${INGRESS_CONTROLLER_IMAGE}\n` +
    `    ▪ Using image ${INGRESS_CERTGEN_IMAGE}\n` +
    `    ▪ Using image ${INGRESS_CERTGEN_IMAGE}\n`
  for (const obj of ingressAddonObjects()) env.apply(obj)
  stdout += '🔎  Verifying ingress addon...\n'
  // minikube waits for the pods labelled app.kubernetes.io/name=ingress-nginx to be Running.
  const running = () => {
    const pods = env.api.list<PodObj>('Pod', INGRESS_NAMESPACE).filter((p) => p.metadata.labels?.['app.kubernetes.io/component'] === 'controller' && !p.metadata.deletionTimestamp)
    return pods.length > 0 && pods.every((p) => p.status?.phase === 'Running')
  }
  if (!env.waitFor(running, ADDON_VERIFY_TIMEOUT_MS)) {
    const r = exiting('MK_ADDON_ENABLE', 'enable failed: run callbacks: running callbacks: [waiting for app.kubernetes.io/name=ingress-nginx pods: context deadline exceeded]', EX_PROGRAM_ERROR)
    return { ...r, stdout, output: stdout + r.stderr }
  }
  stdout += "🌟  The 'ingress' addon is enabled\n"
  return result(stdout, '', 0)
}

/** `minikube addons …`. */
function addons(args: string[], env: MinikubeEnv): ShellResult {
  const [sub, name, ...rest] = args
  if (sub === undefined) return result('addons modifies minikube addons files using subcommands like "minikube addons enable dashboard"\n', '', 0)
  if (sub !== 'enable') return unknownCommand(sub, 'minikube addons')
  if (name === undefined || rest.length) return exiting('MK_USAGE', 'usage: minikube addons enable ADDON_NAME', EX_PROGRAM_USAGE)
  if (name !== 'ingress') return exiting('MK_ADDON_ENABLE', `enable failed: run callbacks: ${name} is not a valid addon`, EX_PROGRAM_ERROR)
  return enableIngress(env)
}

/** Runs a `minikube` command line (the arguments after `minikube`). */
export function runMinikube(args: string[], env: MinikubeEnv): ShellResult {
  const [cmd, ...rest] = args
  switch (cmd) {
    case 'service':
      return service(rest, env)
    case 'ip':
      return result(`${minikubeIP(env.config)}\n`, '', 0)
    case 'addons':
      return addons(rest, env)
    case undefined:
      return result('minikube provisions and manages local Kubernetes clusters optimized for development workflows.\n', '', 0)
    default:
      return unknownCommand(cmd, 'minikube')
  }
}

/**
 * `kubectl run NAME --image=IMAGE [--restart=Never] [--port=P] [--labels=k=v] [--env=K=V]
 * [--command] -- ARGS…` (kubectl pkg/cmd/run/run.go): creates one Pod (labels default to
 * `run=NAME`, the container is named NAME) and prints `pod/NAME created`; `--expose` also
 * creates a ClusterIP Service. The book's `--generator=run-pod/v1` flag was removed in
 * kubectl 1.21: pflag rejects it, and the playground adds a `hint:` line saying what to type.
 */
import type { KObject } from '../../model/k8s.ts'
import { finish, fromApiError, plainError, type CmdError } from '../errors.ts'
import { fail } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { VERB_HELP } from './help.ts'

const RUN_FLAGS: readonly FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'labels', shorthand: 'l', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'annotations', type: 'stringArray' },
  { name: 'command', type: 'bool' },
  { name: 'stdin', shorthand: 'i', type: 'bool' },
  { name: 'tty', shorthand: 't', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'expose', type: 'bool' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'quiet', shorthand: 'q', type: 'bool' },
  { name: 'privileged', type: 'bool' },
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

/** docker/distribution reference.ReferenceRegexp (name, optional tag and digest). */
const REFERENCE_RE =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/

const ENV_NAME_RE = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

/** How long `run -it` waits for the pod to run (--pod-running-timeout default, 1m). */
const ATTACH_TIMEOUT_MS = 60_000

const str = (inv: Invocation, name: string): string => (typeof inv.flags[name] === 'string' ? (inv.flags[name] as string) : '')
const list = (inv: Invocation, name: string): string[] => (Array.isArray(inv.flags[name]) ? [...(inv.flags[name] as string[])] : [])

/** run.go parseLabels. */
function parseLabels(spec: string): Record<string, string> | string | undefined {
  if (spec === '') return undefined
  const out: Record<string, string> = {}
  for (const part of spec.split(',')) {
    const kv = part.split('=')
    if (kv.length !== 2) return `unexpected label spec: ${part}`
    if ((kv[0] as string).length === 0) return 'unexpected empty label key'
    out[kv[0] as string] = kv[1] as string
  }
  return out
}

/** Shell-quotes one word for a hint (single quotes when needed). */
const quote = (w: string): string => (/^[-\w.,/:=@%+]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)

/** The hint for the removed `--generator` flag: the same command without it. */
export function generatorHint(error: string, argv: readonly string[]): string | undefined {
  if (!error.startsWith('unknown flag: --generator')) return undefined
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--') {
      words.push(...argv.slice(i))
      break
    }
    if (a.startsWith('--generator')) {
      if (a === '--generator') i++
      continue
    }
    words.push(a)
  }
  const cmd = ['kubectl', ...words.filter((w, i) => !(i === 0 && w === 'kubectl'))].map(quote).join(' ')
  return `--generator was removed in kubectl 1.21; kubectl run always creates a Pod now. Run it without the flag: ${cmd}`
}

/** Runs `kubectl run`. */
export function runRun(inv: Invocation, ctx: KubectlContext): KubectlResult {
  if (inv.flags.image === undefined) return fail('required flag(s) "image" not set')
  const annotations: Record<string, string> = {}
  for (const a of list(inv, 'annotations')) {
    const i = a.indexOf('=')
    if (i <= 0) return fail(`invalid annotations format: ${a}`)
    annotations[a.slice(0, i)] = a.slice(i + 1)
  }
  const labels = parseLabels(str(inv, 'labels'))
  if (typeof labels === 'string') return fail(labels)
  const env: { name: string; value: string }[] = []
  for (const e of list(inv, 'env')) {
    const i = e.indexOf('=')
    const name = i < 0 ? '' : e.slice(0, i)
    if (i < 0 || name === '' || !ENV_NAME_RE.test(name)) return fail(`invalid env: ${e}`)
    env.push({ name, value: e.slice(i + 1) })
  }
  const interactive = inv.flags.stdin === true
  const restartFlag = inv.flags.restart === undefined ? 'Always' : str(inv, 'restart')
  const restartPolicy = restartFlag === '' ? (interactive ? 'OnFailure' : 'Always') : restartFlag
  if (!['Always', 'OnFailure', 'Never'].includes(restartPolicy)) {
    return fail(`invalid restart policy: ${restartFlag}, valid values are: Always, OnFailure, Never`)
  }
  const pull = str(inv, 'image-pull-policy')
  if (pull !== '' && !['Always', 'IfNotPresent', 'Never'].includes(pull)) return fail(`invalid image pull policy: ${pull}`)
  const attach = inv.flags.attach === undefined ? interactive : inv.flags.attach === true
  // Let kubectl run follow rules for `--` (ArgsLenAtDash 0 means no NAME before `--`).
  if (inv.args.length === 0 || inv.argsLenAtDash === 0) return fail('NAME is required for run')
  const image = str(inv, 'image')
  if (image === '') return fail('--image is required')
  if (!REFERENCE_RE.test(image)) return fail(`invalid image name "${image}": invalid reference format`)
  if (inv.flags.tty === true && !interactive) return fail('-i/--stdin is required for containers with -t/--tty=true')
  const port = str(inv, 'port')
  if (inv.flags.expose === true && port === '') return fail('--port must be set when exposing a service')
  if (port !== '' && !/^[+-]?\d+$/.test(port)) return fail('--port must be a number')
  if (!attach && inv.flags.rm === true) return fail('--rm should only be used for attached containers')
  const dry = inv.flags['dry-run']
  if (attach && dry !== undefined && dry !== 'none') {
    return fail("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
  }
  const name = inv.args[0] as string
  const args = inv.args.slice(1)
  const podLabels = labels ?? { run: name }
  const container: Record<string, unknown> = { name, image }
  if (env.length > 0) container.env = env
  if (interactive) {
    container.stdin = true
    container.stdinOnce = true
  }
  if (inv.flags.tty === true) container.tty = true
  if (pull !== '') container.imagePullPolicy = pull
  if (port !== '') container.ports = [{ containerPort: Number(port) }]
  if (args.length > 0) container[inv.flags.command === true ? 'command' : 'args'] = args
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: inv.namespace, labels: podLabels, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy },
  }
  const objects: { obj: KObject; prefix: string }[] = [{ obj: pod, prefix: 'pod' }]
  if (inv.flags.expose === true) {
    objects.push({
      prefix: 'service',
      obj: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace: inv.namespace, ...(labels ? { labels } : {}) },
        spec: { selector: podLabels, ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }] },
      },
    })
  }
  if (dry === 'client') return { stdout: objects.map((o) => `${o.prefix}/${name} created (dry run)\n`).join(''), stderr: '', exitCode: 0 }
  const server = ctx.cluster?.server
  if (!server) return fail('this playground cluster is read-only')
  const errors: CmdError[] = []
  let stdout = ''
  for (const [i, { obj, prefix }] of objects.entries()) {
    try {
      server.create(obj)
      stdout += `${prefix}/${name} created\n`
    } catch (e) {
      const err = fromApiError(e, { kind: obj.kind, apiVersion: obj.apiVersion, name })
      // The pod's error ends the command; a failed --expose Service is reported after the pod line.
      if (i === 0) return finish('', [err])
      errors.push(err)
    }
  }
  ctx.cluster?.afterWrite()
  if (!attach) return finish(stdout, errors)
  const running = () => ctx.api.get<KObject & { status?: { phase?: string } }>('Pod', inv.namespace, name)?.status?.phase === 'Running'
  if (!running() && !(ctx.cluster?.waitFor?.(running, ATTACH_TIMEOUT_MS) ?? false)) {
    return finish('', [...errors, plainError('timed out waiting for the condition')])
  }
  return {
    stdout: '',
    stderr: inv.flags.quiet === true ? '' : "If you don't see a command prompt, try pressing enter.\n",
    exitCode: 0,
    openShell: { namespace: inv.namespace, pod: name, container: name },
  }
}

/** The `run` verb. */
export const runVerb: VerbSpec = {
  name: 'run',
  flags: RUN_FLAGS,
  run: runRun,
  flagErrorHint: generatorHint,
  help: VERB_HELP.run,
}

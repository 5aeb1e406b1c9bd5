/**
 * A lesson's steps as commands for a kind cluster. Terminal lines run as they are (placeholders
 * become kubectl look-ups, pod-terminal lines go through `kubectl exec`, minikube commands become
 * their kind counterparts); requests become curl (src/export/requests.ts); edits of the scenario
 * text become `kubectl apply` of each object they change and `kubectl delete` of each they remove,
 * found by applying the edit to the text the way the lesson runner does (src/lessons/textEdits.ts).
 */
import type { Lang } from '../i18n/lang.ts'
import type { Lesson, LessonAction, LessonTerminal } from '../lessons/types.ts'
import { appendDocuments, removeDocument, replaceSnippet } from '../lessons/textEdits.ts'
import { expectedPods } from './objects.ts'
import type { Cmd, PlanSection, PlanStep } from './plan.ts'
import { addDiffer } from './plan.ts'
import { hostRequest, kindLine, lookups, podRef, translateSend } from './requests.ts'
import type { RequestEnv, Translated } from './requests.ts'
import type { ScenarioDoc, Mapping } from './scenarioDocs.ts'
import { bareDocument, objectTexts, scenarioDocs } from './scenarioDocs.ts'
import { expandPlaceholders, heredocDelimiter, needsShell, nodeIpLookup, nsFlag, renameNodes, sq, splitRef, words } from './shell.ts'

/** ingress-nginx's manifest for kind, pinned to a release (kind's ingress guide; kubernetes/ingress-nginx deploy/static/provider/kind). */
export const INGRESS_NGINX_KIND_MANIFEST = 'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.9.4/deploy/static/provider/kind/deploy.yaml'

/** Installs ingress-nginx the kind way and waits for its controller (the pod exists a moment after apply, hence the loop). */
export function ingressInstallCmds(): Cmd[] {
  return [
    { line: `kubectl apply -f ${INGRESS_NGINX_KIND_MANIFEST}`, must: true },
    {
      line: "for i in $(seq 120); do kubectl get pods -n ingress-nginx -l app.kubernetes.io/component=controller -o name | grep -q . && break; sleep 1; done",
      must: true,
    },
    { line: 'kubectl wait --namespace ingress-nginx --for=condition=ready pod --selector=app.kubernetes.io/component=controller --timeout=180s', must: true },
  ]
}

/** What translating the lesson keeps track of as it goes. */
export interface LessonState {
  /** The scenario text as the steps so far left it. */
  text: string
  /** Whether the ingress controller is installed by now. */
  ingressInstalled: boolean
  /** The request environment for a scenario text (Services and load-balancer addresses change with edits). */
  env(text: string): RequestEnv
  lang: Lang
}

/** `kubectl apply -f -` of one document, as a heredoc. */
function applyDoc(chunk: string): string {
  const body = bareDocument(chunk)
  const end = heredocDelimiter('EOF', body)
  return `kubectl apply -f - <<'${end}'\n${body}\n${end}`
}

const kindResource = (key: string): { kind: string; ns: string; name: string } => {
  const [kind, ns, ...rest] = key.split('/')
  return { kind: kind!, ns: ns!, name: rest.join('/') }
}

const configDoc = (docs: readonly ScenarioDoc[], role: ScenarioDoc['role']): Mapping | undefined => docs.find((d) => d.role === role)?.value

const spec = (m: Mapping | undefined): Mapping | undefined => (m && typeof m.spec === 'object' && m.spec !== null ? (m.spec as Mapping) : undefined)
const cloudLb = (m: Mapping | undefined): unknown => {
  const c = spec(m)?.cloud
  return typeof c === 'object' && c !== null ? (c as Mapping).loadBalancer : undefined
}

/** The commands and differences of an edit of the scenario text. */
function translateEdit(a: Extract<LessonAction, { kind: 'edit' | 'append' | 'removeDoc' }>, st: LessonState): Translated {
  const t = st.env(st.text).t
  const r = a.kind === 'edit' ? replaceSnippet(st.text, a.find, a.replace) : a.kind === 'append' ? appendDocuments(st.text, a.yaml) : removeDocument(st.text, a.docKind, a.name)
  if ('error' in r) {
    const what = a.kind === 'edit' ? a.find : a.kind === 'removeDoc' ? `${a.docKind} ${a.name}` : a.yaml
    const text = t.editMissing(what.split('\n')[0]!)
    st.env(st.text).warn(text)
    return { cmds: [], differs: [text] }
  }
  const beforeDocs = scenarioDocs(st.text)
  const afterDocs = scenarioDocs(r.text)
  const before = objectTexts(beforeDocs)
  const after = objectTexts(afterDocs)
  const out: Translated = { cmds: [], differs: [] }
  for (const [key, doc] of after) {
    const old = before.get(key)
    if (old === undefined || bareDocument(old.text) !== bareDocument(doc.text)) out.cmds.push({ line: applyDoc(doc.text) })
  }
  for (const key of before.keys()) {
    if (after.has(key)) continue
    const { kind, ns, name } = kindResource(key)
    out.cmds.push({ line: `kubectl delete ${kind.toLowerCase()} ${sq(name)}${nsFlag(ns)}` })
  }
  const scenBefore = configDoc(beforeDocs, 'scenario')
  const scenAfter = configDoc(afterDocs, 'scenario')
  if (JSON.stringify(scenBefore) !== JSON.stringify(scenAfter)) {
    const lbBefore = cloudLb(scenBefore)
    const lbAfter = cloudLb(scenAfter)
    if (lbBefore !== lbAfter) out.differs.push(lbAfter === false ? t.lbOff : t.lbOn)
    const changed = [...new Set([...Object.keys(spec(scenBefore) ?? {}), ...Object.keys(spec(scenAfter) ?? {})])]
      .filter((k) => k !== 'cloud' || lbBefore === lbAfter)
      .filter((k) => JSON.stringify(spec(scenBefore)?.[k]) !== JSON.stringify(spec(scenAfter)?.[k]))
    for (const k of changed) out.differs.push(t.scenarioEdit(k === 'clients' ? t.clientsEdit : `spec.${k}`))
  }
  for (const role of ['cluster', 'kubeProxy'] as const) {
    if (JSON.stringify(configDoc(beforeDocs, role)) === JSON.stringify(configDoc(afterDocs, role))) continue
    const text = t.clusterEdit(role === 'cluster' ? 'kind Cluster' : 'KubeProxyConfiguration')
    out.differs.push(text)
    st.env(st.text).warn(text)
  }
  st.text = r.text
  return out
}

/** `minikube …` on kind. */
function translateMinikube(line: string, st: LessonState): Translated {
  const env = st.env(st.text)
  const { t, cluster } = env
  const w = words(line)
  const cp = (cluster.nodes.find((n) => n.role === 'control-plane') ?? cluster.nodes[0]!).name
  const ingressNode = cluster.ingressNode ?? cp
  if (w[1] === 'addons' && w[2] === 'enable' && w[3] === 'ingress') {
    if (st.ingressInstalled) return { cmds: [], differs: [t.addonAlready] }
    st.ingressInstalled = true
    return { cmds: ingressInstallCmds().map((c) => ({ line: c.line })), differs: [t.addonIngress(ingressNode)] }
  }
  if (w[1] === 'ip') return { cmds: [{ line: nodeIpLookup(cp).slice(2, -1) }], differs: [t.minikubeIp(cp)] }
  if (w[1] === 'service' && w[2] !== undefined && w[2] !== 'list') {
    let ns = 'default'
    const names: string[] = []
    for (let i = 2; i < w.length; i++) {
      const a = w[i]!
      if (a === '-n' || a === '--namespace') ns = w[++i] ?? ns
      else if (a.startsWith('--namespace=')) ns = a.slice(12)
      else if (!a.startsWith('-')) names.push(a)
    }
    const svcName = names[0] ?? ''
    const svc = env.services.find((s) => s.name === svcName && s.namespace === ns)
    const cmds: Cmd[] = []
    for (const p of svc?.ports ?? []) {
      if (p.nodePort !== undefined && cluster.mapped.has(p.nodePort)) cmds.push({ line: `echo http://localhost:${p.nodePort}` })
    }
    if (cmds.length === 0) cmds.push({ line: `echo "http://${nodeIpLookup(cp)}:$(kubectl get svc ${sq(svcName)}${nsFlag(ns)} -o jsonpath='{.spec.ports[0].nodePort}')"` })
    return { cmds, differs: [t.minikubeService(svcName)] }
  }
  if (w[1] === 'ssh') {
    const dash = w.indexOf('--')
    const rest = dash >= 0 ? w.slice(dash + 1) : w.slice(2)
    if (rest.length === 0) return { cmds: [], differs: [t.minikubeSsh(cp), t.minikubeOther(line.trim())] }
    return { cmds: [{ line: `docker exec ${sq(cp)} ${kindLine(rest.join(' ').replace(/^sudo\s+/, ''), env)}` }], differs: [t.minikubeSsh(cp)] }
  }
  const text = t.minikubeOther(line.trim())
  env.warn(text)
  return { cmds: [], differs: [text] }
}

/** A `curl` typed on the workstation: its URLs as the simulator's first client (the laptop) would reach them. */
function translateHostCurl(line: string, st: LessonState): Translated {
  const env = st.env(st.text)
  const client = env.config.clients[0]
  const differs: string[] = []
  const extra: string[] = []
  const parts = renameNodes(line, env.nodeNames).split(/(\s+)/).map((tok) => {
    const bare = tok.replace(/^(['"])(.*)\1$/, '$2')
    if (!/^https?:\/\//.test(bare)) return tok
    const r = hostRequest(bare, client, env)
    differs.push(...r.differs)
    if (r.resolve !== undefined) extra.push(`--resolve ${r.resolve.includes('$(') ? `"${r.resolve}"` : sq(r.resolve)}`)
    if (r.maxTime) extra.push('--max-time 5')
    return r.url.includes('$(') ? `"${r.url}"` : sq(r.url)
  })
  let out = parts.join('')
  if (extra.length > 0) out = out.replace(/^(\s*curl)\b/, `$1 ${extra.join(' ')}`)
  return { cmds: [{ line: expandPlaceholders(out, lookups) }], differs }
}

/** A terminal line (the workstation's, or a pod's shell through `kubectl exec`). */
function translateCommand(line: string, where: LessonTerminal | undefined, st: LessonState): Translated {
  const env = st.env(st.text)
  if (where?.kind === 'pod') {
    const inner = renameNodes(line, env.nodeNames)
    const wrapped = needsShell(inner) ? `sh -c ${sq(inner)}` : inner
    const pod = where.name.startsWith('$POD(') ? podRef(where.name) : { ns: where.namespace ?? splitRef(where.name).ns, word: sq(splitRef(where.name).name) }
    const ns = where.namespace ?? pod.ns
    return { cmds: [{ line: `kubectl exec${nsFlag(ns)} ${pod.word} -- ${expandPlaceholders(wrapped, lookups)}` }], differs: [] }
  }
  if (where?.kind === 'node') {
    // A kind node is a container: its shell is `docker exec` (iptables-save, conntrack, ip route are in kind's node image).
    const inner = renameNodes(line, env.nodeNames)
    const node = env.nodeNames.get(where.name) ?? where.name
    const wrapped = needsShell(inner) ? `sh -c ${sq(inner)}` : inner
    return { cmds: [{ line: `docker exec ${sq(node)} ${expandPlaceholders(wrapped, lookups)}` }], differs: [] }
  }
  if (/^\s*minikube(\s|$)/.test(line)) return translateMinikube(line, st)
  if (/^\s*curl\s/.test(line)) return translateHostCurl(line, st)
  return { cmds: [{ line: kindLine(line, env) }, ...settle(line, st)], differs: [] }
}

/**
 * The simulator lets a command's consequences settle before the next line; a real cluster needs
 * a moment: after `kubectl run` the new pod must be ready before `kubectl exec` can use it, and
 * after pods are deleted their controllers' replacements must run.
 */
function settle(line: string, st: LessonState): Cmd[] {
  const w = words(line)
  if (w[0] !== 'kubectl' || needsShell(line)) return []
  const verb = w.findIndex((x, i) => i > 0 && !x.startsWith('-'))
  if (w[verb] === 'run') {
    const name = w.slice(verb + 1).find((x) => !x.startsWith('-'))
    return name ? [{ line: `kubectl wait --for=condition=Ready pod/${sq(name)} --timeout=120s` }] : []
  }
  if (w[verb] === 'delete' && /^(po|pod|pods)$/.test(w[verb + 1] ?? '')) return podsWaitCmds(objectValues(st.text)).map((c) => ({ line: c.line }))
  return []
}

const objectValues = (text: string): Mapping[] => scenarioDocs(text).filter((d) => d.role === 'object' && d.value).map((d) => d.value!)

/** Waits until the workloads' pods exist (their number, by namespace) and every pod runs (Running, not Ready: some lessons keep pods unready on purpose). */
export function podsWaitCmds(values: readonly Mapping[]): Cmd[] {
  const pods = [...expectedPods(values)].sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return pods.flatMap(([ns, n]) => [
    { line: `for i in $(seq 120); do [ "$(kubectl get pods${nsFlag(ns)} --no-headers 2>/dev/null | wc -l)" -ge ${n} ] && break; sleep 1; done`, must: true },
    { line: `kubectl wait${nsFlag(ns)} --for=jsonpath='{.status.phase}'=Running pods --all --timeout=180s`, must: true },
  ])
}

/** One action of a step. */
function translateAction(a: LessonAction, st: LessonState): Translated {
  switch (a.kind) {
    case 'edit':
    case 'append':
    case 'removeDoc':
      return translateEdit(a, st)
    case 'command':
      return translateCommand(a.line, a.terminal, st)
    case 'send':
      return translateSend(a, st.env(st.text))
    case 'wait':
      return { cmds: [{ line: `sleep ${a.seconds}` }], differs: [] }
  }
}

/** The lesson as a section of steps; `st.text` starts as the lesson's scenario text. */
export function lessonSection(lesson: Lesson, st: LessonState): PlanSection {
  const t = st.env(st.text).t
  const lang = st.lang
  const steps = lesson.steps.map((s, i): PlanStep => {
    const step: PlanStep = { title: t.lessonStepTitle(i + 1, lesson.steps.length, s.title[lang]), prose: [s.narration[lang]], observe: s.observe[lang], cmds: [], differs: [] }
    let edited = false
    for (const a of s.actions) {
      const r = translateAction(a, st)
      step.cmds.push(...r.cmds)
      for (const d of r.differs) addDiffer(step, d)
      if (a.kind === 'edit' || a.kind === 'append' || a.kind === 'removeDoc') edited = true
    }
    if (edited) step.prose.push(t.editApplied)
    if (step.cmds.length === 0 && s.actions.length === 0) step.prose.push(t.noCommands)
    return step
  })
  return { title: t.lessonSection(lesson.title[lang]), intro: [lesson.summary[lang]], steps }
}

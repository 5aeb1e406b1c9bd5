/**
 * "Export for a real cluster": a scenario (and optionally a lesson) as the files a user runs on
 * their own machine with kind and kubectl — kind-config.yaml, manifests.yaml, README.md, run.sh —
 * and as one self-extracting script to download. Pure and deterministic (no dates, no
 * randomness): the same input gives the same bytes. No DOM, so tests and the CLI can use it.
 */
import { parseScenario } from '../engine/scenario/parse.ts'
import { DEFAULT_NODE_PORT_RANGE } from '../engine/scenario/defaults.ts'
import type { Lang } from '../i18n/lang.ts'
import type { Lesson } from '../lessons/types.ts'
import { appendDocuments, removeDocument, replaceSnippet } from '../lessons/textEdits.ts'
import { selfExtractingScript, scriptName } from './bundle.ts'
import type { BundleFile } from './bundle.ts'
import { chooseClusterName, planCluster } from './cluster.ts'
import type { KindCluster } from './cluster.ts'
import { kindConfigText } from './kindConfig.ts'
import { ingressInstallCmds, lessonSection, podsWaitCmds } from './lesson.ts'
import type { LessonState } from './lesson.ts'
import { ingressRoutes, lbAddresses, opensNodePorts, servicesOf } from './objects.ts'
import type { ServiceInfo } from './objects.ts'
import type { PlanSection, PlanStep } from './plan.ts'
import { addDiffer } from './plan.ts'
import { readmeText, runScriptText } from './render.ts'
import { translateSend } from './requests.ts'
import type { RequestEnv } from './requests.ts'
import { bareDocument, manifestsText, scenarioDocs } from './scenarioDocs.ts'
import type { Mapping, ScenarioDoc } from './scenarioDocs.ts'
import { nsFlag, sq } from './shell.ts'
import { exportText } from './text.ts'
import type { ExportText } from './text.ts'

export type { BundleFile } from './bundle.ts'
export { scriptName, selfExtractingScript } from './bundle.ts'

/** What to export. */
export interface KindExportInput {
  /** The scenario text: the editor's, or the lesson's own scenario file when a lesson is exported. */
  text: string
  /** Its file name (README.md names it). */
  file: string
  /** A lesson whose steps become commands; `text` should then be its scenario's text as the lesson starts. */
  lesson?: Lesson
  /** The language of README.md and of run.sh's messages. */
  lang: Lang
}

/** The exported bundle. */
export interface KindBundle {
  /** The kind cluster's name (`kind create cluster --name …`). */
  cluster: string
  /** kind-config.yaml, manifests.yaml, README.md, run.sh, in that order. */
  files: readonly BundleFile[]
  /** What has no exact kind equivalent (also listed at the end of README.md). */
  warnings: readonly string[]
  /** The one-file download: a script that writes the files and runs run.sh. */
  script: { name: string; text: string }
}

/** The bundle's file names, in the order the files come. */
export const BUNDLE_FILES = ['kind-config.yaml', 'manifests.yaml', 'README.md', 'run.sh'] as const

const objectValues = (docs: readonly ScenarioDoc[]): Mapping[] => docs.filter((d) => d.role === 'object' && d.value).map((d) => d.value!)

/** Every text the lesson's edits lead through (for the port mappings, which kind fixes at creation), and whether it enables ingress. */
function lessonTexts(text: string, lesson: Lesson | undefined): { texts: string[]; enablesIngress: boolean } {
  const texts = [text]
  let cur = text
  let enablesIngress = false
  for (const step of lesson?.steps ?? []) {
    for (const a of step.actions) {
      if (a.kind === 'command' && /^\s*minikube\s+addons\s+enable\s+ingress\b/.test(a.line)) enablesIngress = true
      if (a.kind !== 'edit' && a.kind !== 'append' && a.kind !== 'removeDoc') continue
      const r = a.kind === 'edit' ? replaceSnippet(cur, a.find, a.replace) : a.kind === 'append' ? appendDocuments(cur, a.yaml) : removeDocument(cur, a.docKind, a.name)
      if ('text' in r) {
        cur = r.text
        texts.push(cur)
      }
    }
  }
  return { texts, enablesIngress }
}

const str = (m: Mapping | undefined, k: string): string | undefined => (m && typeof m[k] === 'string' ? (m[k] as string) : undefined)

/** The setup steps: create the cluster, ingress, load balancers, apply, wait. */
function setupSection(t: ExportText, cluster: KindCluster, docs: readonly ScenarioDoc[], values: Mapping[], services: readonly ServiceInfo[], lbCloud: boolean, ingressAtStart: boolean): PlanSection {
  const steps: PlanStep[] = []
  const create: PlanStep = {
    title: t.createTitle,
    prose: [t.createProse(cluster.nodes.length, cluster.nodes.map((n) => `\`${n.name}\` (${n.role})`).join(', '))],
    cmds: [
      {
        line: `kind create cluster --name ${sq(cluster.name)} --config kind-config.yaml`,
        must: true,
        skipIf: { test: `kind get clusters 2>/dev/null | grep -qx ${sq(cluster.name)}`, message: t.reuseCluster(cluster.name) },
      },
      { line: `kubectl config use-context ${sq(`kind-${cluster.name}`)}`, must: true },
      { line: 'kubectl get nodes -o wide', must: true },
    ],
    differs: [],
  }
  const renamed = cluster.nodes.filter((n) => n.name !== n.simName)
  if (renamed.length > 0) create.prose.push(t.renamedProse(cluster.name, cluster.nodes.map((n) => `\`${n.name}\` (${n.simName})`).join(', ')))
  const mappings = cluster.nodes.flatMap((n) =>
    n.ports.map((p) => (p.reason.kind === 'ingress' ? t.mappingIngress(p.port, n.name) : t.mappingNodePort(p.port, n.name, p.reason.service, p.reason.local))),
  )
  if (mappings.length > 0) create.prose.push(t.mappingProse(mappings.join(', ')))
  create.prose.push(t.addressesProse)
  steps.push(create)

  if (ingressAtStart && cluster.ingressNode !== undefined) {
    steps.push({ title: t.ingressTitle, prose: [t.ingressProse(cluster.ingressNode)], cmds: ingressInstallCmds(), differs: [t.ingressDiffers(cluster.ingressNode)] })
  }
  if (services.some((s) => s.type === 'LoadBalancer')) {
    steps.push(lbCloud ? { title: t.lbTitle, prose: [t.lbProse], cmds: [], differs: [], notes: [t.lbNote] } : { title: t.lbNoneTitle, prose: [t.lbNoneProse], cmds: [], differs: [] })
  }

  const dropped = [
    docs.some((d) => d.role === 'scenario') ? 'Scenario' : '',
    docs.some((d) => d.role === 'cluster') ? 'kind Cluster' : '',
    docs.some((d) => d.role === 'kubeProxy') ? 'KubeProxyConfiguration' : '',
    docs.some((d) => d.role === 'node') ? 'Node' : '',
  ].filter((s) => s !== '')
  steps.push({ title: t.applyTitle, prose: [t.applyProse(dropped.join(', '))], cmds: [{ line: 'kubectl apply -f manifests.yaml', must: true }], differs: [] })

  const waits = podsWaitCmds(values)
  if (waits.length > 0) steps.push({ title: t.waitTitle, prose: [t.waitProse], cmds: [...waits, { line: 'kubectl get pods -o wide', must: true }], differs: [] })
  return { title: t.setupSection, intro: [], steps }
}

/** "Try it" (no lesson): the requests the playground's traffic controls offer, from the user's machine and from a node. */
function trySection(t: ExportText, env: RequestEnv, values: Mapping[]): PlanSection {
  const { config, cluster } = env
  const fromHost: PlanStep = { title: t.tryFromHost, prose: [], cmds: [{ line: 'kubectl get svc,endpoints,pods -o wide' }], differs: [] }
  const client = config.clients[0]
  const add = (from: string, url: string) => {
    const r = translateSend({ from, url }, env)
    fromHost.cmds.push(...r.cmds)
    for (const d of r.differs) addDiffer(fromHost, d)
  }
  if (client) {
    const lbBySvc = new Map([...env.lb].map(([ip, s]) => [`${s.namespace}/${s.name}`, ip]))
    for (const s of env.services.filter(opensNodePorts)) {
      for (const p of s.ports) {
        if (p.nodePort === undefined || p.protocol !== 'TCP') continue
        const node = cluster.nodes.find((n) => n.name === cluster.mapped.get(p.nodePort!))
        if (node) add(client.name, `http://${node.simIP}:${p.nodePort}/`)
      }
      const lbIp = lbBySvc.get(`${s.namespace}/${s.name}`)
      const port = s.ports.find((p) => p.protocol === 'TCP')?.port
      if (s.type === 'LoadBalancer' && lbIp !== undefined && port !== undefined) add(client.name, `http://${lbIp}${port === 80 ? '' : `:${port}`}/`)
    }
    if (cluster.ingressNode !== undefined) {
      for (const r of ingressRoutes(values)) {
        if (r.host === '' || r.tls) continue
        const aliased = client.hostAliases.some((a) => a.hostnames.includes(r.host))
        if (aliased) add(client.name, `http://${r.host}${r.path}`)
        else fromHost.cmds.push({ line: `curl -sS --resolve ${sq(`${r.host}:80:127.0.0.1`)} ${sq(`http://${r.host}${r.path}`)}` })
      }
    }
  }
  const steps = [fromHost]
  const worker = cluster.nodes.find((n) => n.role === 'worker') ?? cluster.nodes[0]!
  const inside: PlanStep = { title: t.tryFromNode(worker.name), prose: [t.tryFromNodeProse], cmds: [], differs: [] }
  for (const s of env.services) {
    const port = s.ports.find((p) => p.protocol === 'TCP')?.port
    if (s.type === 'ExternalName' || port === undefined) continue
    inside.cmds.push(...translateSend({ from: worker.simName, url: `http://$CLUSTERIP(${s.namespace}/${s.name})${port === 80 ? '' : `:${port}`}/` }, env).cmds)
  }
  if (inside.cmds.length > 0) steps.push(inside)
  return { title: t.trySection, intro: [t.tryProse], steps }
}

/** "Where the simulator's views are": README only. */
function whereSection(t: ExportText, cluster: KindCluster): PlanSection {
  return {
    title: t.whereSection,
    intro: [],
    bullets: [t.whereHops, t.whereConntrack, t.wherePod, t.whereEndpoints, t.whereEvents, t.whereDns, t.whereNodes(cluster.nodes.map((n) => `\`${n.name}\``).join(', '))],
    steps: [],
    readmeOnly: true,
  }
}

/** Exports a scenario (and a lesson) for kind. Never throws on a scenario the simulator loads. */
export function exportForKind(input: KindExportInput): KindBundle {
  const t = exportText(input.lang)
  const { config, diagnostics } = parseScenario(input.text, input.file)
  const docs = scenarioDocs(input.text)
  const values = objectValues(docs)
  const warnings: string[] = []
  const warn = (s: string) => {
    if (!warnings.includes(s)) warnings.push(s)
  }
  const errors = diagnostics.filter((d) => d.severity !== 'warning').length
  if (errors > 0) warn(t.scenarioProblems(errors))
  const nodeDocs = docs.filter((d) => d.role === 'node').map((d) => str(d.value?.metadata as Mapping | undefined, 'name') ?? '?')
  if (nodeDocs.length > 0) warn(t.dropsNodes(nodeDocs.join(', ')))

  const header = `# ${t.manifestsHeader(input.file)}\n`
  const manifests = manifestsText(docs, header)
  const { texts, enablesIngress } = lessonTexts(input.text, input.lesson)
  const allValues = texts.flatMap((x) => objectValues(scenarioDocs(x)))
  const allServices = servicesOf(allValues)
  const clusterDoc = docs.find((d) => d.role === 'cluster')
  const name = chooseClusterName(config, str(clusterDoc?.value, 'name'), allValues)
  const ingressAtStart = (config.addons ?? []).includes('ingress')
  const cluster = planCluster(config, name, allServices, ingressAtStart || enablesIngress)
  const nodeNames = new Map(cluster.nodes.map((n) => [n.simName, n.name]))

  const envCache = new Map<string, RequestEnv>()
  const envFor = (text: string): RequestEnv => {
    let env = envCache.get(text)
    if (!env) {
      const services = servicesOf(objectValues(scenarioDocs(text)))
      env = { t, config, cluster, nodeNames, services, lb: lbAddresses(services, config.cloud.ipPool), warn }
      envCache.set(text, env)
    }
    return env
  }

  const kubeProxy = docs.find((d) => d.role === 'kubeProxy')
  const range = config.serviceNodePortRange
  const kindConfig = kindConfigText({
    cluster,
    config,
    title: config.title[input.lang],
    file: input.file,
    t,
    ...(kubeProxy ? { kubeProxyDoc: bareDocument(kubeProxy.text) } : {}),
    ...(range.base !== DEFAULT_NODE_PORT_RANGE.base || range.size !== DEFAULT_NODE_PORT_RANGE.size ? { nodePortRange: `${range.base}-${range.base + range.size - 1}` } : {}),
  })

  const sections: PlanSection[] = [setupSection(t, cluster, docs, values, allServices, config.cloud.loadBalancer, ingressAtStart)]
  if (input.lesson) {
    const st: LessonState = { text: input.text, ingressInstalled: ingressAtStart, env: envFor, lang: input.lang }
    sections.push(lessonSection(input.lesson, st))
  } else {
    sections.push(trySection(t, envFor(input.text), values))
  }
  sections.push(whereSection(t, cluster))
  sections.push({
    title: t.cleanupSection,
    intro: [],
    steps: [{ title: t.cleanupSection, prose: [t.cleanupProse], cmds: [{ line: `kind delete cluster --name ${sq(cluster.name)}` }], differs: [] }],
    readmeOnly: true,
  })

  const needs = [t.needDocker, t.needKind(config.proxy.mode === 'nftables'), t.needKubectl]
  if (allServices.some((s) => s.type === 'LoadBalancer') && config.cloud.loadBalancer) needs.push(t.needCloudProvider)
  needs.push(t.needInternet)
  const render = {
    t,
    cluster: cluster.name,
    title: config.title[input.lang],
    file: input.file,
    ...(input.lesson ? { lessonTitle: input.lesson.title[input.lang] } : {}),
    needs,
    sections,
    warnings,
  }
  const files: BundleFile[] = [
    { name: 'kind-config.yaml', text: kindConfig, executable: false },
    { name: 'manifests.yaml', text: manifests, executable: false },
    { name: 'README.md', text: readmeText(render), executable: false },
    { name: 'run.sh', text: runScriptText(render), executable: true },
  ]
  return { cluster: cluster.name, files, warnings, script: { name: scriptName(cluster.name), text: selfExtractingScript(cluster.name, files, input.lang) } }
}

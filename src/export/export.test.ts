/**
 * Every sample scenario and every lesson exports; the kind config is one valid YAML Cluster with the
 * scenario's nodes and the port mappings kind needs (expected values typed in from the scenarios:
 * kubia-nodeport fixes nodePort 30123 with the Cluster policy, external-traffic-local with Local,
 * the ingress samples enable the ingress addon); manifests.yaml holds exactly the scenario's
 * objects, byte for byte; the output is deterministic; run.sh parses (`bash -n`).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseYamlDocuments } from '../engine/yaml/documents.ts'
import { SAMPLE_SCENARIOS } from '../scenarios/index.ts'
import { LESSONS } from '../scenarios/lessons/index.ts'
import { BUNDLE_FILES, exportForKind } from './index.ts'
import type { KindBundle } from './index.ts'

const scenario = (file: string) => readFileSync(new URL(`../scenarios/${file}`, import.meta.url), 'utf8')
const fileOf = (b: KindBundle, name: string): string => b.files.find((f) => f.name === name)!.text

type Obj = Record<string, unknown>
const yamlDocs = (text: string): Obj[] => {
  const r = parseYamlDocuments(text)
  expect(r.errors).toEqual([])
  return r.docs.map((d) => d.value as Obj)
}

interface Mapping {
  containerPort: number
  hostPort: number
  protocol: string
}
interface KindNodeDoc {
  role: string
  labels?: Record<string, string>
  extraPortMappings?: Mapping[]
}

const DEFAULT_ROLES = ['control-plane', 'worker', 'worker']
const tcp = (port: number): Mapping => ({ containerPort: port, hostPort: port, protocol: 'TCP' })

/** Per sample: the cluster name kind gets, and the port mappings expected on each node (by index). */
const EXPECTED: Record<string, { cluster: string; ports: Mapping[][]; ingress: boolean; objects: string[] }> = {
  'kubia-clusterip.yaml': { cluster: 'kubia-clusterip', ports: [[], [], []], ingress: false, objects: ['ReplicationController/kubia', 'Service/kubia'] },
  'kubia-nodeport.yaml': { cluster: 'kubia-nodeport', ports: [[tcp(30123)], [], []], ingress: false, objects: ['ReplicationController/kubia', 'Service/kubia-nodeport'] },
  'external-traffic-local.yaml': {
    cluster: 'external-traffic-local',
    ports: [[], [tcp(30123)], []],
    ingress: false,
    objects: ['ReplicationController/kubia', 'Service/kubia-nodeport', 'Service/kubia-loadbalancer'],
  },
  'loadbalancer.yaml': { cluster: 'loadbalancer', ports: [[], [], []], ingress: false, objects: ['ReplicationController/kubia', 'Service/kubia-loadbalancer'] },
  'ingress-paths.yaml': {
    cluster: 'ingress-paths',
    ports: [[tcp(80), tcp(443)], [], []],
    ingress: true,
    objects: ['ReplicationController/kubia', 'Service/kubia', 'ReplicationController/bar', 'Service/bar', 'Ingress/kubia'],
  },
  'ingress-hosts.yaml': {
    cluster: 'ingress-hosts',
    ports: [[tcp(80), tcp(443)], [], []],
    ingress: true,
    objects: ['ReplicationController/foo', 'Service/foo', 'ReplicationController/bar', 'Service/bar', 'Ingress/foo-bar'],
  },
}

describe('export for kind: every sample scenario', () => {
  for (const sample of SAMPLE_SCENARIOS) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${sample.file} (${lang}) exports four files and a script, deterministically`, () => {
        const text = scenario(sample.file)
        const b = exportForKind({ text, file: sample.file, lang })
        expect(b.files.map((f) => f.name)).toEqual([...BUNDLE_FILES])
        expect(b.files.map((f) => f.executable)).toEqual([false, false, false, true])
        for (const f of b.files) expect(f.text.endsWith('\n'), f.name).toBe(true)
        expect(exportForKind({ text, file: sample.file, lang })).toEqual(b)
        expect(b.script.name).toBe(`${b.cluster}-kind.sh`)
      })
    }

    it(`${sample.file}: kind-config.yaml is one kind Cluster with the scenario's nodes and networking`, () => {
      const b = exportForKind({ text: scenario(sample.file), file: sample.file, lang: 'en' })
      const docs = yamlDocs(fileOf(b, 'kind-config.yaml'))
      expect(docs).toHaveLength(1)
      const cfg = docs[0]!
      expect(cfg.kind).toBe('Cluster')
      expect(cfg.apiVersion).toBe('kind.x-k8s.io/v1alpha4')
      expect(cfg.name).toBe(b.cluster)
      // architecture.md: kind's defaults, 10.244.0.0/16 and 10.96.0.0/12, iptables.
      expect(cfg.networking).toEqual({ podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/12', kubeProxyMode: 'iptables' })
      const nodes = cfg.nodes as KindNodeDoc[]
      expect(nodes.map((n) => n.role)).toEqual(DEFAULT_ROLES)
      const want = EXPECTED[sample.file]
      if (want) {
        expect(b.cluster).toBe(want.cluster)
        expect(nodes.map((n) => n.extraPortMappings ?? [])).toEqual(want.ports)
        expect(nodes[0]!.labels).toEqual(want.ingress ? { 'ingress-ready': 'true' } : undefined)
      }
      // A host port is mapped once (kind refuses a port mapped twice).
      const hostPorts = nodes.flatMap((n) => (n.extraPortMappings ?? []).map((m) => m.hostPort))
      expect(new Set(hostPorts).size).toBe(hostPorts.length)
    })

    it(`${sample.file}: manifests.yaml holds the objects only, each as written`, () => {
      const text = scenario(sample.file)
      const b = exportForKind({ text, file: sample.file, lang: 'en' })
      const manifests = fileOf(b, 'manifests.yaml')
      const docs = yamlDocs(manifests)
      expect(docs.some((d) => d.apiVersion === 'playground/v1alpha1' || String(d.apiVersion).startsWith('kind.x-k8s.io/') || d.kind === 'KubeProxyConfiguration')).toBe(false)
      const names = docs.map((d) => `${String(d.kind)}/${String((d.metadata as Obj).name)}`)
      const want = EXPECTED[sample.file]
      if (want) expect(names).toEqual(want.objects)
      // Every document after the Scenario's is in manifests.yaml unchanged, comments included.
      const rest = text.slice(text.indexOf('\n---') + 1)
      expect(manifests).toContain(rest.endsWith('\n') ? rest : `${rest}\n`)
    })
  }
})

describe('export for kind: every lesson', () => {
  for (const lesson of LESSONS) {
    for (const lang of ['en', 'ko'] as const) {
      it(`${lesson.id} (${lang}): README has every step, run.sh and the script are valid bash`, () => {
        const b = exportForKind({ text: scenario(lesson.scenario), file: lesson.scenario, lesson, lang })
        const readme = fileOf(b, 'README.md')
        for (const s of lesson.steps) expect(readme).toContain(s.title[lang])
        const run = fileOf(b, 'run.sh')
        expect(run.startsWith('#!/usr/bin/env bash\n')).toBe(true)
        execFileSync('bash', ['-n'], { input: run })
        execFileSync('bash', ['-n'], { input: b.script.text })
        // No simulator-only notation left in a command.
        expect(run).not.toMatch(/\$(POD|CLUSTERIP|NODEIP|NODEPORT)\(/)
        expect(run).not.toMatch(/^minikube /m)
      })
    }
  }
})

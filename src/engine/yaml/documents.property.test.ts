import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseYamlDocuments } from './documents.ts'
import type { LineCol } from './lines.ts'

const MANIFESTS = [
  `apiVersion: v1
kind: Service
metadata:
  name: kubia
  labels: {app: kubia, tier: "web"}
spec:
  type: LoadBalancer
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: https
    port: 443
    targetPort: https
  selector:
    app: kubia
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels: {app: kubia}
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
        readinessProbe:
          httpGet: {path: /, port: 8080}
          periodSeconds: 1
`,
  `apiVersion: playground/v1alpha1
kind: Scenario
metadata:
  name: kubia-nodeport
spec:
  title: {en: "NodePort services", ko: "NodePort 서비스"}
  seed: 42
  serviceNodePortRange: 30000-32767
  cloud:
    loadBalancer: true
    ipPool: 198.51.100.0/24
  clients:
    - name: laptop
      ip: 203.0.113.7
      kind: curl
      hostAliases:
        - ip: 198.51.100.10
          hostnames: [kubia.example.com]
---
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
  extraPortMappings:
  - containerPort: 30080
    hostPort: 80
- role: worker
networking:
  podSubnet: 10.244.0.0/16
  kubeProxyMode: iptables
---
# a comment-only document
---
apiVersion: v1
kind: Endpoints
metadata:
  name: external
subsets:
- addresses:
  - ip: 11.11.11.11
  ports:
  - port: 80
data: |
  literal block
    with indentation
folded: >
  folded text
anchors:
  base: &b {x: 1}
  m:
    <<: *b
    y: 2
`,
]

const SPECIALS = [':', '-', ' ', '\t', '\n', '#', '{', '}', '[', ']', '"', "'", '|', '>', '&', '*', '!', '%', '?', ',', '---\n', '\r', 'é', '\u{1F600}']

type Mutation =
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'swap'; at: number }
  | { op: 'truncate'; at: number }
  | { op: 'indent'; line: number; delta: number }
  | { op: 'typeSwap'; line: number; value: string }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 4 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), delta: fc.integer({ min: -3, max: 3 }) }),
  fc.record({
    op: fc.constant('typeSwap' as const),
    line: fc.nat(),
    value: fc.constantFrom('[]', '{}', '"80"', '80', 'yes', '~', '- a', '{a: [1', '&x', '*x', '!!int x', '|', '>-'),
  }),
)

function apply(text: string, m: Mutation): string {
  const n = text.length
  switch (m.op) {
    case 'insert': {
      const at = n === 0 ? 0 : m.at % (n + 1)
      return text.slice(0, at) + m.s + text.slice(at)
    }
    case 'delete': {
      if (n === 0) return text
      const at = m.at % n
      return text.slice(0, at) + text.slice(at + m.len)
    }
    case 'swap': {
      if (n < 2) return text
      const at = m.at % (n - 1)
      return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2)
    }
    case 'truncate':
      return text.slice(0, n === 0 ? 0 : m.at % (n + 1))
    case 'indent': {
      const lines = text.split('\n')
      const i = m.line % lines.length
      const l = lines[i]!
      lines[i] = m.delta >= 0 ? ' '.repeat(m.delta) + l : l.slice(Math.min(-m.delta, l.length - l.trimStart().length))
      return lines.join('\n')
    }
    case 'typeSwap': {
      const lines = text.split('\n')
      const i = m.line % lines.length
      const l = lines[i]!
      const colon = l.indexOf(': ')
      lines[i] = colon >= 0 ? `${l.slice(0, colon + 2)}${m.value}` : `${l}${m.value}`
      return lines.join('\n')
    }
  }
}

function inText(text: string, p: LineCol): boolean {
  const lines = text.split('\n')
  if (!Number.isInteger(p.line) || !Number.isInteger(p.col)) return false
  if (p.line < 1 || p.col < 1 || p.line > lines.length) return false
  return p.col <= lines[p.line - 1]!.length + 1
}

const mutated = fc
  .tuple(fc.constantFrom(...MANIFESTS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([base, ms]) => ms.reduce(apply, base))

const PATHS: (string | number)[][] = [
  [], ['kind'], ['metadata', 'name'], ['spec', 'ports', 1, 'targetPort'], ['spec', 'clients', 0, 'hostAliases', 0, 'hostnames', 0],
  ['nodes', 1, 'role'], ['subsets', 0, 'addresses', 0, 'ip'], ['anchors', 'm', 'x'], ['nope', 3],
]

describe('parseYamlDocuments on damaged manifests', () => {
  it('never throws and every position lies inside the text', () => {
    let withErrors = 0
    fc.assert(
      fc.property(mutated, (text) => {
        const { docs, errors } = parseYamlDocuments(text)
        if (errors.length > 0) withErrors++
        for (const e of errors) {
          expect(e.severity).toBe('error')
          expect(e.message.length).toBeGreaterThan(0)
          expect(inText(text, e), `${e.line}:${e.col} ${e.message}`).toBe(true)
        }
        let last = -1
        for (const d of docs) {
          expect(d.index).toBeGreaterThan(last)
          last = d.index
          expect(d.startLine).toBeGreaterThanOrEqual(1)
          expect(d.endLine).toBeGreaterThanOrEqual(d.startLine)
          for (const p of PATHS) {
            expect(inText(text, d.pos(p))).toBe(true)
            expect(inText(text, d.keyPos(p))).toBe(true)
          }
        }
      }),
      { numRuns: 4000, seed: 20240601 },
    )
    // The mutations really do break documents (otherwise the property would prove little).
    expect(withErrors).toBeGreaterThan(400)
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const { errors } = parseYamlDocuments(text)
        for (const e of errors) expect(inText(text, e)).toBe(true)
      }),
      { numRuns: 2000, seed: 7 },
    )
  })

  it('a damaged document does not lose the intact documents after it', () => {
    // Break only the first document of the second manifest; the Cluster and Endpoints parts survive.
    const broken = MANIFESTS[1]!.replace('seed: 42', 'seed: [42')
    const { docs, errors } = parseYamlDocuments(broken)
    expect(errors).toHaveLength(1)
    expect(docs.map((d) => (d.value as { kind?: string }).kind)).toEqual(['Cluster', 'Endpoints'])
    expect(docs.every((d) => d.afterError === true)).toBe(true)
  })
})

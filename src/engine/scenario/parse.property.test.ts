import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseScenario } from './parse.ts'

const BASE = `apiVersion: playground/v1alpha1
kind: Scenario
metadata:
  name: demo
spec:
  title: {en: Demo, ko: 데모}
  seed: 42
  serviceNodePortRange: 30000-32767
  cloud: {loadBalancer: true, ipPool: 198.51.100.0/24}
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
networking: {podSubnet: 10.244.0.0/16, serviceSubnet: 10.96.0.0/12, kubeProxyMode: iptables}
nodes:
- role: control-plane
- role: worker
---
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
iptables: {masqueradeAll: false, localhostNodePorts: true}
nodePortAddresses: [172.18.0.0/16]
---
apiVersion: v1
kind: Node
metadata: {name: kind-worker}
spec: {podCIDR: 10.244.5.0/24}
status: {addresses: [{type: InternalIP, address: 172.18.0.9}]}
---
apiVersion: v1
kind: Service
metadata: {name: kubia}
spec:
  ports: [{port: 80, targetPort: 8080}]
`

const edit = fc.oneof(
  fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 5 }), ins: fc.constantFrom('', ' ', ':', '-', '[', '{', '\n', '"', '0', 'x', '/', '.', '  ', '~', 'yes') }),
)

function apply(text: string, e: { at: number; del: number; ins: string }): string {
  const at = e.at % (text.length + 1)
  return text.slice(0, at) + e.ins + text.slice(at + e.del)
}

describe('parseScenario on damaged scenarios', () => {
  it('never throws, always yields a usable config, and locates every diagnostic inside the text', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        const text = edits.reduce(apply, BASE)
        const p = parseScenario(text, 'fuzz.yaml')
        const lines = text.split('\n')
        for (const d of p.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1)
          expect(d.line).toBeLessThanOrEqual(lines.length)
          expect(d.col).toBeGreaterThanOrEqual(1)
          expect(d.col).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1)
        }
        expect(p.config.nodes.length).toBeGreaterThan(0)
        for (const n of p.config.nodes) expect(n.internalIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
        expect(p.config.dnsIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
        expect(p.config.serviceNodePortRange.size).toBeGreaterThan(0)
      }),
      { numRuns: 1500, seed: 99 },
    )
  })
})

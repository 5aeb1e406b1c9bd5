import { describe, expect, it } from 'vitest'
import type { Finding } from '../../engine/explain/types.ts'
import { LANGS } from '../../i18n/lang.ts'
import { explainInputs, firstProblem, requestFailed } from './explainView.ts'
import { checkTitles, findingText } from './strings.ts'

/** One finding per check and reason the engine produces (src/engine/explain/*Checks.ts). */
const FINDINGS: Finding[] = [
  { check: 'dns', status: 'ok', params: { name: 'kubia', ip: '10.96.100.100' } },
  ...['outside', 'hosts-file', 'node-resolver', 'pod-dns-policy', 'other-namespace', 'namespace', 'suffix', 'headless-empty', 'external-name', 'misspelled', 'unresolved', 'no-service'].map(
    (reason): Finding => ({ check: 'dns', status: 'problem', params: { name: 'kubai', reason, service: 'default/kubia', suggestion: 'kubia', client: 'laptop', node: 'kind-worker', pod: 'default/client', policy: 'Default', namespace: 'prod', zone: 'cluster.local', target: 'example.com' } }),
  ),
  { check: 'clusterip-outside', status: 'ok', params: { ip: '10.96.100.100', address: 'cluster-ip', service: 'default/kubia', type: 'ClusterIP' } },
  { check: 'clusterip-outside', status: 'problem', params: { ip: '10.96.100.100', address: 'cluster-ip', service: 'default/kubia', type: 'ClusterIP' } },
  { check: 'clusterip-outside', status: 'problem', params: { ip: '10.244.1.3', address: 'pod-ip', pod: 'default/kubia-x' } },
  { check: 'ping-clusterip', status: 'problem', params: { ip: '10.96.100.100', service: 'default/kubia' } },
  { check: 'service-exists', status: 'ok', params: { service: 'default/kubia', via: 'node-port', ip: '172.18.0.3' } },
  ...['no-cluster-ip', 'no-node-port', 'unknown-address'].map((reason): Finding => ({ check: 'service-exists', status: 'problem', params: { ip: '172.18.0.3', port: 30000, node: 'kind-worker', reason, nodePorts: 'default/kubia:30123' } })),
  { check: 'port', status: 'ok', params: { service: 'default/kubia', port: 80, via: 'cluster-ip' } },
  ...['target-port-used', 'node-port-used', 'no-such-port'].map((reason): Finding => ({ check: 'port', status: 'problem', params: { service: 'default/kubia', port: 8080, ports: '80/TCP', via: 'cluster-ip', reason } })),
  { check: 'selector', status: 'ok', params: { service: 'default/kubia', selector: 'app=kubia', pods: 2 } },
  ...['no-match', 'no-selector', 'answered-by-other'].map((reason): Finding => ({ check: 'selector', status: 'problem', params: { service: 'default/kubia', reason, selector: 'app=kubiaa', key: 'app', podsInNamespace: 3, pod: 'kubia-x', labels: 'app=kubia', value: 'kubia' } })),
  { check: 'readiness', status: 'ok', params: { service: 'default/kubia', ready: 2, pods: 2 } },
  ...['probe', 'not-running', 'not-ready', 'no-endpoints'].map((reason): Finding => ({ check: 'readiness', status: 'problem', params: { service: 'default/kubia', pod: 'kubia-x', notReady: 2, pods: 2, reason, container: 'kubia', probe: 'exec [ls /var/ready]', phase: 'Pending' } })),
  { check: 'target-port', status: 'ok', params: { service: 'default/kubia', targetPort: 8080 } },
  ...['name-not-found', 'not-listening', 'no-listener'].map((reason): Finding => ({ check: 'target-port', status: 'problem', params: { service: 'default/kubia', pod: 'kubia-x', targetPort: 80, reason, listens: '8080', names: 'http' } })),
  { check: 'local-policy', status: 'ok', params: { service: 'default/kubia', policy: 'externalTrafficPolicy', node: 'kind-worker', local: 1 } },
  { check: 'local-policy', status: 'problem', params: { service: 'default/kubia', policy: 'externalTrafficPolicy', node: 'kind-worker2', local: 0, nodes: 'kind-worker' } },
  { check: 'ingress-rule', status: 'ok', params: { ingress: 'default/kubia', host: 'kubia.example.com', path: '/', rule: '/' } },
  ...['class', 'no-path', 'no-host', 'no-ingress'].map((reason): Finding => ({ check: 'ingress-rule', status: 'problem', params: { host: 'www.example.com', path: '/', reason, ingress: 'default/kubia', className: 'traefik', served: 'nginx', paths: '/ (Prefix)', hosts: 'kubia.example.com' } })),
  { check: 'ingress-backend', status: 'ok', params: { ingress: 'default/kubia', service: 'default/kubia', port: 80 } },
  ...['no-service', 'no-port', 'resource'].map((reason): Finding => ({ check: 'ingress-backend', status: 'problem', params: { ingress: 'default/kubia', service: 'default/kubia-web', port: 80, reason, ports: '80' } })),
  { check: 'listening', status: 'ok', params: { pod: 'default/kubia-x', port: 8080, listens: '8080' } },
  { check: 'listening', status: 'problem', params: { pod: 'default/kubia-x', port: 80, listens: '8080' } },
  { check: 'localhost-bind', status: 'ok', params: { pod: 'default/web', port: 8080, address: '0.0.0.0', ip: '10.244.1.3' } },
  { check: 'localhost-bind', status: 'problem', params: { pod: 'default/web', container: 'web', port: 8080, address: '127.0.0.1', ip: '10.244.1.3' } },
  { check: 'target-port', status: 'skipped', params: {} },
]

describe('findingText', () => {
  it.each(FINDINGS.map((f) => [`${f.check} ${f.status} ${f.params.reason ?? f.params.address ?? ''}`, f] as const))('%s has a sentence in every language', (_name, f) => {
    const texts = LANGS.map((lang) => findingText(f, lang))
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(10)
      expect(text).not.toMatch(/undefined|NaN|\[object/)
    }
    expect(texts[0]).not.toBe(texts[1])
  })

  it('each problem reason has its own sentence (no reason falls back to another’s)', () => {
    for (const check of ['dns', 'port', 'selector', 'readiness', 'target-port', 'ingress-rule', 'ingress-backend', 'service-exists'] as const) {
      const problems = FINDINGS.filter((f) => f.check === check && f.status === 'problem')
      const texts = new Set(problems.map((f) => findingText(f, 'en')))
      expect(texts.size).toBe(problems.length)
    }
  })

  it.each([
    [FINDINGS.find((f) => f.check === 'target-port' && f.params.reason === 'not-listening')!, 'en', 'targetPort is 80, but the app in pod kubia-x listens on 8080. Set targetPort to the port the app listens on.'],
    [FINDINGS.find((f) => f.check === 'target-port' && f.params.reason === 'not-listening')!, 'ko', 'targetPort는 80인데 파드 kubia-x의 앱은 8080번 포트에서 듣습니다. targetPort를 앱이 듣는 포트로 바꾸세요.'],
    [FINDINGS.find((f) => f.check === 'selector' && f.status === 'ok')!, 'en', 'The selector app=kubia picks 2 pods.'],
    [
      FINDINGS.find((f) => f.check === 'localhost-bind' && f.status === 'problem')!,
      'en',
      'The app in pod default/web (container web) listens on 127.0.0.1:8080 only. Its socket accepts connections to 127.0.0.1 — from inside the pod, such as curl localhost — so the kernel refuses connections to 10.244.1.3 with a TCP RST. Make the app listen on all addresses (0.0.0.0) in the container\'s command or args.',
    ],
  ] as const)('%#: the sentence reads as written', (f, lang, want) => {
    expect(findingText(f, lang)).toBe(want)
  })

  it('every check has a title in every language', () => {
    for (const titles of Object.values(checkTitles)) for (const lang of LANGS) expect(titles[lang]).not.toBe('')
  })
})

const trace = (outcome: 'delivered' | 'dropped' | 'rejected' | 'unreachable', hops = 1) => ({
  id: 7,
  at: 0,
  outcome,
  hops: Array.from({ length: hops }, () => ({
    at: { kind: 'client' as const, name: 'laptop' },
    kind: 'wire' as const,
    before: { proto: 'TCP' as const, src: '203.0.113.7', sport: 40000, dst: '172.18.0.3', dport: 30123 },
    after: { proto: 'TCP' as const, src: '203.0.113.7', sport: 40000, dst: '172.18.0.3', dport: 30123 },
  })),
})

describe('explainView', () => {
  it.each([
    ['delivered, 200', 'delivered', 200, false],
    ['delivered, status unknown (a terminal trace)', 'delivered', undefined, false],
    ['delivered, 404 from the ingress controller', 'delivered', 404, true],
    ['delivered, 503', 'delivered', 503, true],
    ['delivered but curl failed (status 0)', 'delivered', 0, true],
    ['rejected', 'rejected', undefined, true],
    ['dropped', 'dropped', 0, true],
    ['unreachable', 'unreachable', 0, true],
  ] as const)('%s → failed: %s', (_name, outcome, status, want) => {
    expect(requestFailed(trace(outcome), status)).toBe(want)
  })

  it('sends the run’s status, error and sender; a trace without hops takes the toolbar’s sender', () => {
    const t = trace('rejected')
    expect(explainInputs(t, { trace: t, startedAt: 0, from: 'laptop', status: 0, error: 'curl: (7) x' }, 'browser')).toEqual({
      request: { from: 'laptop' },
      result: { trace: t, status: 0, error: 'curl: (7) x' },
    })
    const empty = trace('unreachable', 0)
    expect(explainInputs(empty, { trace: empty, startedAt: 0, from: '', status: 0, error: 'curl: (6) Could not resolve host: kubai' }, 'laptop').request).toEqual({ from: 'laptop' })
    expect(explainInputs(t, undefined, 'laptop')).toEqual({ request: {}, result: { trace: t } })
  })

  it('firstProblem', () => {
    expect(firstProblem(FINDINGS.slice(0, 3))?.params.reason).toBe('outside')
    expect(firstProblem([FINDINGS[0]!])).toBeUndefined()
  })
})

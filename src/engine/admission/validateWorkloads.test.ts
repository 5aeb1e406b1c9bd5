/** Pod, ReplicationController, ReplicaSet and Deployment validation, through kubectl's text. */
import { describe, expect, it } from 'vitest'
import type { KObject } from '../model/k8s.ts'
import { applyDefaults } from './defaults.ts'
import { formatInvalid } from './format.ts'
import { validateObject } from './validate.ts'

const RANGE = { base: 30000, size: 2768 }

function kubectl(kind: string, apiVersion: string, body: Record<string, unknown>, name = 'kubia', old?: KObject): string {
  const obj = { apiVersion, kind, metadata: { name, namespace: 'default' }, ...body } as KObject
  applyDefaults(obj)
  const errs = validateObject(obj, { serviceNodePortRange: RANGE, old })
  return errs.length ? formatInvalid(kind, name, errs) : ''
}

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => kubectl('Pod', 'v1', { spec: { containers, ...extra } })
const c = (x: Record<string, unknown> = {}) => ({ name: 'kubia', image: 'luksa/kubia', ...x })
const P = 'The Pod "kubia" is invalid: '

describe('Pod basics', () => {
  it.each([
    ['a valid pod', [c({ ports: [{ containerPort: 8080, name: 'http' }], readinessProbe: { httpGet: { port: 'http' } } })], ''],
    ['no containers', [], `${P}spec.containers: Required value`],
    ['container name not a DNS-1123 label', [c({ name: 'Kubia' })], `${P}spec.containers[0].name: Invalid value: "Kubia": ${LABEL_MSG}`],
    ['container name missing', [c({ name: '' })], `${P}spec.containers[0].name: Required value`],
    ['duplicate container names', [c(), c()], `${P}spec.containers[1].name: Duplicate value: "kubia"`],
    ['image missing', [c({ image: '' })], `${P}spec.containers[0].image: Required value`],
    ['containerPort 0', [c({ ports: [{ containerPort: 0 }] })], `${P}spec.containers[0].ports[0].containerPort: Required value`],
    ['containerPort above 65535', [c({ ports: [{ containerPort: 70000 }] })], `${P}spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`],
    ['port name not an IANA_SVC_NAME', [c({ ports: [{ containerPort: 8080, name: 'web_http' }] })], `${P}spec.containers[0].ports[0].name: Invalid value: "web_http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`],
    ['duplicate port names', [c({ ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 8081, name: 'http' }] })], `${P}spec.containers[0].ports[1].name: Duplicate value: "http"`],
    ['port protocol', [c({ ports: [{ containerPort: 8080, protocol: 'HTTP' }] })], `${P}spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"`],
    ['probe without a handler', [c({ livenessProbe: { periodSeconds: 5 } })], `${P}spec.containers[0].livenessProbe: Required value: must specify a handler type`],
    [
      'probe with two handlers',
      [c({ readinessProbe: { httpGet: { port: 8080 }, tcpSocket: { port: 8080 } } })],
      `${P}spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type`,
    ],
    ['exec probe without a command', [c({ livenessProbe: { exec: {} } })], `${P}spec.containers[0].livenessProbe.exec.command: Required value`],
    ['httpGet port not valid', [c({ readinessProbe: { httpGet: { port: 0 } } })], `${P}spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive`],
    ['liveness successThreshold must be 1', [c({ livenessProbe: { tcpSocket: { port: 8080 }, successThreshold: 2 } })], `${P}spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1`],
    ['negative initialDelaySeconds', [c({ readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: -1 } })], `${P}spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0`],
    ['image with trailing whitespace', [c({ image: 'luksa/kubia ' })], `${P}spec.containers[0].image: Invalid value: "luksa/kubia ": must not have leading or trailing whitespace`],
  ])('%s', (_, containers, want) => {
    expect(pod(containers)).toBe(want)
  })

  it('restartPolicy and dnsPolicy values', () => {
    expect(pod([c()], { restartPolicy: 'Sometimes' })).toBe(`${P}spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"`)
    expect(pod([c()], { dnsPolicy: 'Cluster' })).toBe(
      `${P}spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"`,
    )
  })

  it('pod names are DNS-1123 subdomains (dots allowed)', () => {
    expect(kubectl('Pod', 'v1', { spec: { containers: [c()] } }, 'kubia.v1')).toBe('')
    expect(kubectl('Pod', 'v1', { spec: { containers: [c()] } }, 'Kubia')).toBe(`The Pod "Kubia" is invalid: metadata.name: Invalid value: "Kubia": ${SUBDOMAIN_MSG}`)
  })

  it('label values are checked', () => {
    expect(kubectl('Pod', 'v1', { metadata: { name: 'kubia', namespace: 'default', labels: { app: 'my app' } }, spec: { containers: [c()] } })).toBe(
      `${P}metadata.labels: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    )
  })
})

const template = (labels: Record<string, string> | undefined, extra: Record<string, unknown> = {}) => ({
  metadata: labels ? { labels } : {},
  spec: { containers: [c()], ...extra },
})

describe('ReplicationController', () => {
  const R = 'The ReplicationController "kubia" is invalid: '
  it.each([
    ['valid with defaulted selector', { template: template({ app: 'kubia' }) }, ''],
    [
      'selector does not match template labels',
      { selector: { app: 'kubia' }, template: template({ app: 'other' }) },
      `${R}spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: \`selector\` does not match template \`labels\``,
    ],
    ['negative replicas', { replicas: -1, template: template({ app: 'kubia' }) }, `${R}spec.replicas: Invalid value: -1: must be greater than or equal to 0`],
    ['no template and no selector', {}, `${R}\n* spec.selector: Required value\n* spec.template: Required value`],
    [
      'template restartPolicy must be Always',
      { template: template({ app: 'kubia' }, { restartPolicy: 'OnFailure' }) },
      `${R}spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"`,
    ],
  ])('%s', (_, spec, want) => {
    expect(kubectl('ReplicationController', 'v1', { spec })).toBe(want)
  })
})

describe('ReplicaSet and Deployment', () => {
  const D = 'The Deployment "kubia" is invalid: '
  const sel = { matchLabels: { app: 'kubia' } }
  it.each([
    ['valid', { selector: sel, template: template({ app: 'kubia' }) }, ''],
    ['matchExpressions selector that matches', { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia', 'web'] }] }, template: template({ app: 'kubia' }) }, ''],
    [
      'missing selector (apps/v1 requires it)',
      { template: template({ app: 'kubia' }) },
      `${D}\n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia"}: \`selector\` does not match template \`labels\``,
    ],
    [
      'selector does not match template labels',
      { selector: sel, template: template({ app: 'web' }) },
      `${D}spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: \`selector\` does not match template \`labels\``,
    ],
    [
      'empty selector',
      { selector: {}, template: template({ app: 'kubia' }) },
      `${D}spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment`,
    ],
    ['negative replicas', { replicas: -2, selector: sel, template: template({ app: 'kubia' }) }, `${D}spec.replicas: Invalid value: -2: must be greater than or equal to 0`],
    [
      'maxSurge and maxUnavailable both 0',
      { selector: sel, template: template({ app: 'kubia' }), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      `${D}spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when \`maxSurge\` is 0`,
    ],
    [
      'maxSurge not a percentage',
      { selector: sel, template: template({ app: 'kubia' }), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25' } } },
      `${D}spec.strategy.rollingUpdate.maxSurge: Invalid value: 25: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ],
    [
      'Recreate with rollingUpdate',
      { selector: sel, template: template({ app: 'kubia' }), strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      `${D}spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy \`type\` is 'Recreate'`,
    ],
  ])('Deployment: %s', (_, spec, want) => {
    expect(kubectl('Deployment', 'apps/v1', { spec })).toBe(want)
  })

  it('ReplicaSet: selector mismatch and negative replicas', () => {
    expect(kubectl('ReplicaSet', 'apps/v1', { spec: { replicas: -1, selector: sel, template: template({ app: 'web' }) } })).toBe(
      'The ReplicaSet "kubia" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    )
  })

  it('the selector is immutable on update', () => {
    const old = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'kubia', namespace: 'default' }, spec: { selector: sel, template: template({ app: 'kubia' }) } } as KObject
    expect(kubectl('Deployment', 'apps/v1', { spec: { selector: { matchLabels: { app: 'frontend' } }, template: template({ app: 'frontend' }) } }, 'kubia', old)).toBe(
      `${D}spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"frontend"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`,
    )
    expect(kubectl('Deployment', 'apps/v1', { spec: { replicas: 3, selector: sel, template: template({ app: 'kubia' }) } }, 'kubia', old)).toBe('')
  })
})

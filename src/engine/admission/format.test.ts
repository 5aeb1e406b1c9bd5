/** Error text: field.Error bodies, kubectl's Invalid block (§5, KERR) and the API status message. */
import { describe, expect, it } from 'vitest'
import type { FieldError } from '../model/errors.ts'
import { formatFieldError, formatInvalid, formatInvalidStatus } from './format.ts'
import { goLabelSelector, goQuote, goRepr, goStringMap } from './goValue.ts'

describe('formatFieldError (§5 message forms)', () => {
  it.each<[string, FieldError, string]>([
    ['Required', { type: 'Required', field: 'spec.ports[1].name' }, 'spec.ports[1].name: Required value'],
    ['Required with detail', { type: 'Required', field: 'spec.rules[0].http.paths[0].pathType', detail: 'pathType must be specified' }, 'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'],
    ['Forbidden', { type: 'Forbidden', field: 'spec.ports[0].nodePort', detail: "may not be used when `type` is 'ClusterIP'" }, "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ['Invalid with a number', { type: 'Invalid', field: 'spec.ports[0].nodePort', value: 40000, detail: 'provided port is not in the valid range. The range of valid ports is 30000-32767' }, 'spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ['Invalid with a string', { type: 'Invalid', field: 'spec.clusterIPs[0]', value: 'None', detail: "may not be set to 'None' for LoadBalancer services" }, `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services`],
    ['NotSupported', { type: 'NotSupported', field: 'spec.sessionAffinity', value: 'Sticky', supported: ['ClientIP', 'None'] }, 'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'],
    ['Duplicate string', { type: 'Duplicate', field: 'spec.ports[1].name', value: 'http' }, 'spec.ports[1].name: Duplicate value: "http"'],
    ['Duplicate number', { type: 'Duplicate', field: 'spec.ports[1].nodePort', value: 30080 }, 'spec.ports[1].nodePort: Duplicate value: 30080'],
    ['Invalid with a pre-rendered Go value', { type: 'Invalid', field: 'spec.clusterIPs[0]', value: goRepr('[]string{"10.96.0.9"}'), detail: 'may not change once set' }, 'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.9"}: may not change once set'],
    ['Invalid with nil', { type: 'Invalid', field: 'spec.ipFamilyPolicy', value: null, detail: 'x' }, 'spec.ipFamilyPolicy: Invalid value: null: x'],
    ['Invalid with a string slice', { type: 'Invalid', field: 'spec.clusterIPs', value: ['a', 'b'], detail: 'x' }, 'spec.clusterIPs: Invalid value: []string{"a", "b"}: x'],
    ['Invalid with a map (sorted keys)', { type: 'Invalid', field: 'spec.template.metadata.labels', value: { tier: 'web', app: 'kubia' }, detail: '`selector` does not match template `labels`' }, 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"kubia", "tier":"web"}: `selector` does not match template `labels`'],
  ])('%s', (_, e, want) => {
    expect(formatFieldError(e)).toBe(want)
  })
})

describe('Go value rendering', () => {
  it.each([
    ['plain', 'kubia', '"kubia"'],
    ['quote and backslash', 'a"b\\c', '"a\\"b\\\\c"'],
    ['newline and tab', 'a\nb\tc', '"a\\nb\\tc"'],
    ['other control byte', 'a\x01b', '"a\\x01b"'],
    ['unicode kept', '서비스', '"서비스"'],
  ])('goQuote %s', (_, s, want) => {
    expect(goQuote(s)).toBe(want)
  })

  it('nil and empty maps differ as in Go', () => {
    expect([goStringMap(undefined), goStringMap({})]).toEqual(['map[string]string(nil)', 'map[string]string{}'])
  })

  it('label selectors print as v1.LabelSelector (as seen in real kubectl output)', () => {
    expect(goLabelSelector({ matchLabels: { app: 'frontend' } })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string{"app":"frontend"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}',
    )
    expect(goLabelSelector({})).toBe('v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}')
  })
})

const req = (field: string): FieldError => ({ type: 'Required', field })

describe('formatInvalid (kubectl checkErr / MultilineError)', () => {
  it('one error on one line', () => {
    expect(formatInvalid('Service', 'kubia', [req('spec.ports[1].name')])).toBe('The Service "kubia" is invalid: spec.ports[1].name: Required value')
  })

  it('several errors: the prefix line ends with ": " and each error is a "* " line', () => {
    expect(formatInvalid('Service', 'kubia', [req('spec.ports[0].name'), req('spec.ports[1].name')])).toBe(
      'The Service "kubia" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value',
    )
  })

  it('identical messages are printed once (statusCausesToAggrError)', () => {
    expect(formatInvalid('Service', 'kubia', [req('spec.ports'), req('spec.ports')])).toBe('The Service "kubia" is invalid: spec.ports: Required value')
  })

  it('kind without group; no causes', () => {
    expect(formatInvalid('Deployment', 'web', [])).toBe('The Deployment "web" is invalid')
  })
})

describe('formatInvalidStatus (errors.NewInvalid message)', () => {
  it('group-qualified kind, aggregate in brackets when several', () => {
    expect(
      formatInvalidStatus('Deployment', 'apps/v1', 'monitor-deployment', [
        req('spec.selector'),
        { type: 'Invalid', field: 'spec.template.metadata.labels', value: { app: 'kuberneteth', name: 'monitor-deployment', tier: 'frontend' }, detail: '`selector` does not match template `labels`' },
      ]),
    ).toBe(
      'Deployment.apps "monitor-deployment" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"kuberneteth", "name":"monitor-deployment", "tier":"frontend"}: `selector` does not match template `labels`]',
    )
  })

  it('core kinds have no group; one error has no brackets', () => {
    expect(formatInvalidStatus('Service', 'v1', 'kubia', [req('spec.ports')])).toBe('Service "kubia" is invalid: spec.ports: Required value')
  })
})

/** From a finding's field to the editor's line: the document of that object, the key of that field. */
import { describe, expect, it } from 'vitest'
import { locateField, locateFindings } from './locate.ts'
import type { FieldRef, Finding } from './types.ts'

// Line numbers are written next to the lines they name.
const TEXT = [
  'apiVersion: playground/v1alpha1', //  1
  'kind: Scenario', //                    2
  'metadata:', //                         3
  '  name: demo', //                      4
  'spec:', //                             5
  '  clients:', //                        6
  '    - name: laptop', //                7
  '      ip: 203.0.113.7', //             8
  '---', //                               9
  '# the web tier', //                   10
  'apiVersion: v1', //                   11
  'kind: Service', //                    12
  'metadata:', //                        13
  '  name: kubia', //                    14
  'spec:', //                            15
  '  ports:', //                         16
  '    - name: http', //                 17
  '      port: 80', //                   18
  '      targetPort: 8080', //           19
  '  selector:', //                      20
  '    app.kubernetes.io/name: kubia', // 21
  '---', //                              22
  'apiVersion: v1', //                   23
  'kind: Service', //                    24
  'metadata:', //                        25
  '  name: kubia', //                    26
  '  namespace: prod', //                27
  'spec:', //                            28
  '  type: NodePort', //                 29
  '  ports:', //                         30
  '    - port: 80', //                   31
  '---', //                              32
  'apiVersion: apps/v1', //              33
  'kind: Deployment', //                 34
  'metadata: {name: web}', //            35
  'spec:', //                            36
  '  template:', //                      37
  '    spec:', //                        38
  '      containers:', //                39
  '        - name: web', //              40
  '          image: luksa/kubia', //     41
  '          readinessProbe:', //        42
  '            exec: {command: [ls, /var/ready]}', // 43
  '',
].join('\n')

const svc = (fieldPath: string, namespace = 'default'): FieldRef => ({ kind: 'Service', namespace, name: 'kubia', fieldPath })

describe('locateField', () => {
  it.each([
    ['a scalar field', svc('spec.ports[0].targetPort'), { line: 19, col: 7, exact: true }],
    ['a sequence item', svc('spec.ports[0]'), { line: 17, col: 7, exact: true }],
    ['a map key with dots and a slash', svc('spec.selector[app.kubernetes.io/name]'), { line: 21, col: 5, exact: true }],
    ['a field that is not written points at its parent', svc('spec.type'), { line: 15, col: 1, exact: false }],
    ['the object of the other namespace', svc('spec.type', 'prod'), { line: 29, col: 3, exact: true }],
    ['a missing field of a sequence item falls back to the item', svc('spec.ports[0].targetPort', 'prod'), { line: 31, col: 7, exact: false }],
    ['a pod template field of a Deployment', { kind: 'Deployment', namespace: 'default', name: 'web', fieldPath: 'spec.template.spec.containers[0].readinessProbe' }, { line: 42, col: 11, exact: true }],
    ['a Scenario client (cluster-scoped, no namespace)', { kind: 'Scenario', name: 'demo', fieldPath: 'spec.clients[0].hostAliases' }, { line: 7, col: 7, exact: false }],
  ] as const)('%s', (_name, ref, want) => {
    expect(locateField(TEXT, ref)).toEqual(want)
  })

  it.each([
    ['an object that is not in the text', { kind: 'Service', namespace: 'default', name: 'other', fieldPath: 'spec' }],
    ['a namespace the text does not use', svc('spec', 'staging')],
    ['another kind with the same name', { kind: 'Pod', namespace: 'default', name: 'kubia', fieldPath: 'spec' }],
  ] as const)('%s → undefined', (_name, ref) => {
    expect(locateField(TEXT, ref)).toBeUndefined()
  })

  it('locates a finding’s field and its related field, and leaves findings without fields alone', () => {
    const findings: Finding[] = [
      { check: 'dns', status: 'ok', params: { name: 'kubia', ip: '10.96.0.20' } },
      {
        check: 'target-port',
        status: 'problem',
        params: {},
        at: svc('spec.ports[0].targetPort'),
        related: { kind: 'Deployment', namespace: 'default', name: 'web', fieldPath: 'spec.template.spec.containers[0].ports' },
      },
      { check: 'selector', status: 'problem', params: {}, at: { kind: 'Service', namespace: 'default', name: 'gone', fieldPath: 'spec.selector' } },
    ]
    const out = locateFindings(TEXT, findings)
    expect(out[0]).toEqual(findings[0])
    expect(out[1]!.atLoc).toEqual({ line: 19, col: 7, exact: true })
    expect(out[1]!.relatedLoc).toEqual({ line: 40, col: 11, exact: false })
    expect(out[2]!.atLoc).toBeUndefined()
  })
})

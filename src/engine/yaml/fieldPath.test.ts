import { describe, expect, it } from 'vitest'
import { fieldPathToPath, pathToFieldPath } from './fieldPath.ts'

describe('fieldPathToPath', () => {
  it.each([
    ['spec.ports[1].name', ['spec', 'ports', 1, 'name']],
    ['spec.ports[0]', ['spec', 'ports', 0]],
    ['metadata.name', ['metadata', 'name']],
    ['metadata.labels[app]', ['metadata', 'labels', 'app']],
    ['metadata.annotations[example.com/owner]', ['metadata', 'annotations', 'example.com/owner']],
    ['metadata.labels["app"]', ['metadata', 'labels', 'app']],
    ['spec.clusterIPs[0]', ['spec', 'clusterIPs', 0]],
    ['spec.sessionAffinityConfig.clientIP.timeoutSeconds', ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds']],
    ['spec.template.spec.containers[0].ports[2].containerPort', ['spec', 'template', 'spec', 'containers', 0, 'ports', 2, 'containerPort']],
    ['spec.LoadBalancerSourceRanges', ['spec', 'LoadBalancerSourceRanges']],
    ['', []],
    ['spec.ports[1', ['spec', 'ports', '1']],
  ] as const)('%s', (input, expected) => {
    expect(fieldPathToPath(input)).toEqual(expected)
  })
})

describe('pathToFieldPath', () => {
  it.each([
    [['spec', 'ports', 1, 'name'], 'spec.ports[1].name'],
    [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels[app.kubernetes.io/name]'],
    [[], ''],
  ] as const)('%j', (input, expected) => {
    expect(pathToFieldPath(input)).toBe(expected)
  })
})

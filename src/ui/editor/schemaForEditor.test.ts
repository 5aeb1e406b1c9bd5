import { describe, expect, test } from 'vitest'
import generated from '../../engine/schema/k8s.schema.json'
import { schemaForEditor, type GeneratedSchema } from './schemaForEditor.ts'

describe('schemaForEditor', () => {
  test('titles each kind definition and drops the root title, without touching the input', () => {
    const input: GeneratedSchema = {
      title: 'root',
      type: 'object',
      'x-kinds': { Service: 'v1', Deployment: 'apps/v1', Missing: 'v1' },
      definitions: { Service: { type: 'object' }, Deployment: { type: 'object' }, ServiceSpec: { type: 'object' } },
    }
    expect(schemaForEditor(input)).toEqual({
      type: 'object',
      'x-kinds': { Service: 'v1', Deployment: 'apps/v1', Missing: 'v1' },
      definitions: {
        Service: { type: 'object', title: 'Service (v1)' },
        Deployment: { type: 'object', title: 'Deployment (apps/v1)' },
        ServiceSpec: { type: 'object' },
      },
    })
    expect(input.title).toBe('root')
    expect(input.definitions!['Service']).toEqual({ type: 'object' })
  })

  test.each([
    ['Service', 'Service (v1)'],
    ['Deployment', 'Deployment (apps/v1)'],
    ['EndpointSlice', 'EndpointSlice (discovery.k8s.io/v1)'],
    ['KubeProxyConfiguration', 'KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1)'],
    ['Cluster', 'Cluster (kind.x-k8s.io/v1alpha4)'],
    ['Scenario', 'Scenario (playground/v1alpha1)'],
  ])('the generated schema: %s is titled %s', (kind, title) => {
    const s = schemaForEditor(generated as unknown as GeneratedSchema)
    expect(s.title).toBeUndefined()
    expect(s.definitions![kind]!['title']).toBe(title)
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { editorFiles } from './files.ts'

describe('editorFiles', () => {
  it('names the whole text after the scenario file and each API object after its kind and name', () => {
    const text = readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')
    const files = editorFiles(text, 'kubia-nodeport.yaml')
    expect(Object.keys(files).sort()).toEqual(['kubia-nodeport.yaml', 'replicationcontroller-kubia.yaml', 'service-kubia-nodeport.yaml'])
    expect(files['kubia-nodeport.yaml']).toBe(text)
    expect(files['service-kubia-nodeport.yaml']).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia-nodeport\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: 30123\n  selector:\n    app: kubia\n',
    )
  })

  it('a "# file:" comment names a document; documents naming the same file join into one', () => {
    const text = [
      '# file: kubia-svc.yaml',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: "kubia"',
      '--- # the pods',
      '# file: kubia-svc.yaml',
      'kind: ReplicationController',
      'metadata:',
      '  labels: {app: kubia}',
      '  name: kubia # same name, other kind',
      '---',
      '',
    ].join('\n')
    const files = editorFiles(text, '')
    expect(Object.keys(files).sort()).toEqual(['kubia-svc.yaml', 'replicationcontroller-kubia.yaml', 'scenario.yaml', 'service-kubia.yaml'])
    expect(files['kubia-svc.yaml']).toBe(
      '# file: kubia-svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: "kubia"\n---\n# file: kubia-svc.yaml\nkind: ReplicationController\nmetadata:\n  labels: {app: kubia}\n  name: kubia # same name, other kind\n',
    )
  })

  it('gives no per-document name to the playground\'s own documents or to documents without a name', () => {
    const text = [
      'apiVersion: playground/v1alpha1',
      'kind: Scenario',
      'metadata:',
      '  name: s',
      '---',
      'apiVersion: kind.x-k8s.io/v1alpha4',
      'kind: Cluster',
      'metadata:',
      '  name: c',
      '---',
      'kind: Service',
      'metadata:',
      '  labels:',
      '    name: not-the-name',
      'spec:',
      '  name: nor-this',
    ].join('\n')
    expect(Object.keys(editorFiles(text, 'x.yaml'))).toEqual(['x.yaml'])
  })
})

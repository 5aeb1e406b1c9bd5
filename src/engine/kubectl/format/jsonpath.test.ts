/**
 * JSONPath as `kubectl get -o jsonpath=…` evaluates it (client-go util/jsonpath: results of one
 * action are space-separated, maps/lists print as compact JSON, missing keys print nothing,
 * `{range}…{end}` repeats its body). Expected strings follow client-go's jsonpath_test.go cases.
 */
import { describe, expect, test } from 'vitest'
import { testCluster } from '../testing/cluster.ts'
import { executeJsonPath } from './jsonpath.ts'

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      metadata: { name: 'gke-a', labels: { zone: 'a' } },
      status: { addresses: [{ type: 'InternalIP', address: '10.132.0.2' }, { type: 'ExternalIP', address: '35.241.1.1' }] },
      spec: { replicas: 3, ratio: 0.5, ready: true },
    },
    {
      metadata: { name: 'gke-b' },
      status: { addresses: [{ type: 'InternalIP', address: '10.132.0.3' }, { type: 'ExternalIP', address: '35.241.1.2' }] },
      spec: { replicas: 1 },
    },
  ],
}

const run = (t: string) => executeJsonPath(t, list)

describe('jsonpath output', () => {
  test.each([
    ['{.kind}', 'List'],
    ['kind={.kind}!', 'kind=List!'],
    ['{.items[*].metadata.name}', 'gke-a gke-b'],
    ['{.items[0].metadata.name}', 'gke-a'],
    ['{.items[-1].metadata.name}', 'gke-b'],
    ['{.items[0:1].metadata.name}', 'gke-a'],
    ["{.items[0]['metadata']['name']}", 'gke-a'],
    ['{.items[*].status.addresses[?(@.type=="ExternalIP")].address}', '35.241.1.1 35.241.1.2'],
    ["{.items[*].status.addresses[?(@.type=='InternalIP')].address}", '10.132.0.2 10.132.0.3'],
    ['{.items[?(@.spec.replicas>1)].metadata.name}', 'gke-a'],
    ['{.items[?(@.metadata.labels)].metadata.name}', 'gke-a'],
    ['{.items[0].metadata.labels}', '{"zone":"a"}'],
    ['{.items[1].status.addresses[0]}', '{"address":"10.132.0.3","type":"InternalIP"}'],
    ['{.items[0].spec.replicas} {.items[0].spec.ratio} {.items[0].spec.ready}', '3 0.5 true'],
    ['{.items[*].metadata.nope}', ''],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.spec.replicas}{"\\n"}{end}', 'gke-a\t3\ngke-b\t1\n'],
    ['{range .items[*]}[{.metadata.name}]{end} done', '[gke-a][gke-b] done'],
    ['{..address}', '10.132.0.2 35.241.1.1 10.132.0.3 35.241.1.2'],
    ['{.items[0,1].metadata.name}', 'gke-a gke-b'],
    // Go ranges over map keys in random order; the playground uses key order.
    ['{.items[*].metadata.*}', '{"zone":"a"} gke-a gke-b'],
  ])('%s', (template, want) => {
    expect(run(template)).toEqual({ ok: true, text: want })
  })

  test.each([
    ['{.items[*}', 'error: error parsing jsonpath {.items[*}, unterminated array\n'],
    ['{.kind', 'error: error parsing jsonpath {.kind, unclosed action\n'],
    ['{.items[x]}', 'error: error parsing jsonpath {.items[x]}, invalid array index x\n'],
    ['{.items[?(@.a=="b"]}', 'error: error parsing jsonpath {.items[?(@.a=="b"]}, unterminated filter\n'],
    ['{!}', "error: error parsing jsonpath {!}, unrecognized character in action: U+0021 '!'\n"],
  ])('parse error %s', (template, want) => {
    expect(run(template)).toEqual({ ok: false, error: want })
  })

  test('an index out of range aborts with client-go’s message and a dump of the object', () => {
    const r = executeJsonPath('{.items[5]}', { items: [1, 'a'] })
    expect(r).toEqual({
      ok: false,
      error:
        'error: error executing jsonpath "{.items[5]}": Error executing template: array index out of bounds: index 5, length 2. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.items[5]}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"items":[]interface {}{1, "a"}}\n\n\n',
    })
  })
})

describe('kubectl get -o jsonpath on a cluster', () => {
  const nodes = [
    'apiVersion: playground/v1alpha1',
    'kind: Scenario',
    'metadata: {name: gke}',
    'spec: {seed: 1}',
    '---',
    'apiVersion: v1',
    'kind: Node',
    'metadata: {name: gke-kubia-default-pool-1, labels: {node-role.kubernetes.io/control-plane: ""}}',
    'status: {addresses: [{type: InternalIP, address: 10.132.0.2}, {type: ExternalIP, address: 130.211.97.55}]}',
    '---',
    'apiVersion: v1',
    'kind: Node',
    'metadata: {name: gke-kubia-default-pool-2}',
    'status: {addresses: [{type: InternalIP, address: 10.132.0.3}, {type: ExternalIP, address: 130.211.99.206}]}',
    '',
  ].join('\n')

  test('the chapter’s query for the nodes’ external IPs', () => {
    const c = testCluster(nodes)
    expect(c.kubectl('get', 'nodes', '-o', 'jsonpath={.items[*].status.addresses[?(@.type=="ExternalIP")].address}')).toEqual({
      stdout: '130.211.97.55 130.211.99.206',
      stderr: '',
      exitCode: 0,
    })
  })

  test('a single named object is the template’s root', () => {
    const c = testCluster(nodes)
    expect(c.kubectl('get', 'svc', 'kubernetes', '-o', 'jsonpath={.spec.clusterIP}').stdout).toBe('10.96.0.1')
  })

  test('jsonpath without a template', () => {
    expect(testCluster(nodes).kubectl('get', 'nodes', '-o', 'jsonpath')).toEqual({ stdout: '', stderr: 'error: template format specified but no template given\n', exitCode: 1 })
  })
})

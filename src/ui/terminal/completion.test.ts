import { describe, expect, it } from 'vitest'
import type { TerminalHost } from '../../worker/protocol.ts'
import { complete } from './completion.ts'
import type { CompletionData } from './completion.ts'

const data: CompletionData = {
  objects: [
    { kind: 'Service', namespace: 'default', name: 'kubernetes' },
    { kind: 'Service', namespace: 'default', name: 'kubia-nodeport' },
    { kind: 'Service', namespace: 'kube-system', name: 'kube-dns' },
    { kind: 'Pod', namespace: 'default', name: 'kubia-5lwng' },
    { kind: 'Pod', namespace: 'default', name: 'kubia-k7b42' },
    { kind: 'Pod', namespace: 'kube-system', name: 'coredns-0' },
    { kind: 'ReplicationController', namespace: 'default', name: 'kubia' },
    { kind: 'Node', name: 'kind-worker' },
    { kind: 'Node', name: 'kind-worker2' },
    { kind: 'Namespace', name: 'default' },
    { kind: 'Namespace', name: 'kube-system' },
  ],
  files: ['kubia-nodeport.yaml', 'service-kubia-nodeport.yaml'],
}
const WS: TerminalHost = { kind: 'workstation' }
const POD: TerminalHost = { kind: 'pod', namespace: 'default', name: 'kubia-5lwng' }

/** Completes `line` (cursor at `|`, else at the end) and returns the new line, or the list shown. */
function tab(line: string, host: TerminalHost = WS): string | string[] {
  const chars = Array.from(line.replace('|', ''))
  const cursor = line.includes('|') ? Array.from(line).indexOf('|') : chars.length
  const c = complete(chars, cursor, host, data)
  if (!c) return line
  if (c.list.length > 0) return c.list
  return [...chars.slice(0, c.from), ...Array.from(c.text), ...chars.slice(c.to)].join('')
}

describe('completion on the workstation', () => {
  it.each<[string, string | string[]]>([
    ['kub', 'kubectl '],
    ['kubectl g', 'kubectl get '],
    ['kubectl e', ['edit', 'exec', 'expose']],
    ['kubectl ex', ['exec', 'expose']],
    ['kubectl get sv', 'kubectl get svc '],
    ['kubectl get po', 'kubectl get po '],
    ['kubectl get pod', 'kubectl get pod '],
    ['kubectl get p', 'kubectl get pods '],
    ['kubectl get ep', 'kubectl get ep '],
    ['kubectl get deploy', 'kubectl get deploy '],
    ['kubectl get e', ['endpoints', 'endpointslices', 'events']],
    ['kubectl get a', 'kubectl get all '],
    ['kubectl get svc,p', 'kubectl get svc,pods '],
    ['kubectl get svc ', 'kubectl get svc kub'],
    ['kubectl get svc kub', ['kubernetes', 'kubia-nodeport']],
    ['kubectl get svc kubi', 'kubectl get svc kubia-nodeport '],
    ['kubectl describe service/kubia', 'kubectl describe service/kubia-nodeport '],
    ['kubectl -n kube-system get svc k', 'kubectl -n kube-system get svc kube-dns '],
    ['kubectl get svc --namespace=kube-system ', 'kubectl get svc --namespace=kube-system kube-dns '],
    ['kubectl get nodes kind-worker', ['kind-worker', 'kind-worker2']],
    ['kubectl scale r', 'kubectl scale replica'],
    ['kubectl scale rc', 'kubectl scale rc '],
    ['kubectl scale rc ', 'kubectl scale rc kubia '],
    ['kubectl exec -it kubia-k', 'kubectl exec -it kubia-k7b42 '],
    ['kubectl exec -it kubia-k7b42 -- cu', 'kubectl exec -it kubia-k7b42 -- curl '],
    ['kubectl exec kubia-k7b42 -- cat /etc/r', 'kubectl exec kubia-k7b42 -- cat /etc/resolv.conf '],
    ['kubectl logs pod/kubia-5', 'kubectl logs pod/kubia-5lwng '],
    ['kubectl apply -f ', ['kubia-nodeport.yaml', 'service-kubia-nodeport.yaml']],
    ['kubectl create -f s', 'kubectl create -f service-kubia-nodeport.yaml '],
    ['kubectl get svc -o y', 'kubectl get svc -o yaml '],
    ['kubectl get svc -o j', 'kubectl get svc -o json'],
    ['kubectl get svc -o json', ['json', 'jsonpath=']],
    ['kubectl get pods -n kube', 'kubectl get pods -n kube-system '],
    ['kubectl get pods --sh', 'kubectl get pods --show-labels '],
    ['kubectl expose rc kubia --ty', 'kubectl expose rc kubia --type='],
    ['kubectl expose rc kubia --type=N', 'kubectl expose rc kubia --type=NodePort '],
    ['kubectl create sec', 'kubectl create secret '],
    ['kubectl get svc kubi| -o wide', 'kubectl get svc kubia-nodeport  -o wide'],
    ['minikube service k', 'minikube service kub'],
    ['minikube service kubi', 'minikube service kubia-nodeport '],
    ['kubectl get nothing-like-this ', 'kubectl get nothing-like-this '],
    ["kubectl get 'sv", "kubectl get 'sv"],
  ])('%j', (line, want) => {
    expect(tab(line)).toEqual(want)
  })
})

describe('completion in shells', () => {
  it.each<[string, TerminalHost, string | string[]]>([
    ['cu', POD, 'curl '],
    ['e', POD, ['env', 'exit']],
    ['kubectl', POD, 'kubectl'],
    ['curl -s http://kubia', POD, 'curl -s http://kubia-nodeport '],
    ['curl -s kubia', POD, 'curl -s kubia-nodeport '],
    ['nslookup kubi', POD, 'nslookup kubia-nodeport '],
    ['touch /', POD, 'touch /var/ready '],
    ['iptables', { kind: 'node', name: 'kind-worker' }, 'iptables-save '],
    ['iptables-save -t n', { kind: 'node', name: 'kind-worker' }, 'iptables-save -t nat '],
    ['nft list r', { kind: 'node', name: 'kind-worker' }, 'nft list ruleset '],
    ['iptables', POD, 'iptables'],
    ['curl -', { kind: 'client', name: 'laptop' }, 'curl -'],
  ])('%j in %j', (line, host, want) => {
    expect(tab(line, host)).toEqual(want)
  })
})

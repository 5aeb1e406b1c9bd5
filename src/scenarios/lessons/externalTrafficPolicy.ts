/**
 * Lesson 8 (chapter section 8): with the default `externalTrafficPolicy: Cluster` a node may send
 * external traffic on to a pod on another node and always masquerades it, so the pod sees a node
 * address; with `Local` only node-local pods serve it, the client IP survives, a node without a
 * local pod drops the connection, and the load balancer spreads per node, not per pod.
 */
import type { Lesson, LessonView } from '../../lessons/types.ts'
import type { HttpResult } from '../../engine/facade.ts'
import { fail, lastCommand, pass, service, sentFrom, firstNode, answeringPodNode, tookExtraHop } from '../../lessons/checks.ts'

/** The laptop's address (kubia-nodeport.yaml). */
const LAPTOP_IP = '203.0.113.7'

/**
 * The load balancer's address for this scenario and seed (198.51.100.0/24 pool). The runner has no
 * placeholder for it; the check compares with the Service's status, so a change cannot pass silently.
 */
const LB_IP = '198.51.100.10'

/** This step's requests from the laptop. */
const fromLaptop = (v: LessonView): HttpResult[] => sentFrom(v, LAPTOP_IP)

const hasSnat = (r: HttpResult): boolean => r.trace.hops.some((h) => h.kind === 'snat')
const policyOf = (v: LessonView): string | undefined => service(v, 'kubia-nodeport')?.spec.externalTrafficPolicy

export const externalTrafficPolicyLesson: Lesson = {
  id: 'external-traffic-policy',
  section: 8,
  title: { en: 'externalTrafficPolicy and the client IP', ko: 'externalTrafficPolicy와 클라이언트 IP' },
  summary: {
    en: 'See the SNAT that hides the client behind a node address under the default Cluster policy, switch to Local to keep the client IP, and pay for it: nodes without a pod drop traffic and the load spreads per node.',
    ko: '기본 정책 Cluster에서 클라이언트를 노드 주소 뒤로 숨기는 SNAT를 확인하고, Local로 바꿔 클라이언트 IP를 지킨 뒤, 그 대가로 파드 없는 노드가 트래픽을 버리고 부하가 노드 단위로 나뉘는 것을 봅니다.',
  },
  scenario: 'kubia-nodeport.yaml',
  steps: [
    {
      id: 'cluster-snat',
      title: { en: 'Cluster: the pod sees a node, not the client', ko: 'Cluster: 파드는 클라이언트가 아니라 노드를 본다' },
      narration: {
        en: 'kubia-nodeport uses the default externalTrafficPolicy: Cluster. The node that receives an external connection may pick a pod on any node, and kube-proxy masquerades every such connection: the source becomes an address of that node, so the reply is forced back through it to be un-NATed. The pod therefore never learns the laptop\'s address, and some requests take an extra hop.',
        ko: 'kubia-nodeport는 기본값인 externalTrafficPolicy: Cluster를 씁니다. 외부 연결을 받은 노드는 어느 노드의 파드든 고를 수 있고, kube-proxy는 이런 연결을 모두 마스커레이드합니다. 출발지가 그 노드의 주소로 바뀌므로 응답은 반드시 그 노드를 거쳐 돌아와 NAT가 되돌려집니다. 그래서 파드는 노트북의 주소를 알 수 없고, 일부 요청은 추가 홉을 거칩니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl describe svc kubia-nodeport' },
        { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-worker):$NODEPORT(kubia-nodeport)', times: 3 },
      ],
      observe: {
        en: '`External Traffic Policy: Cluster` in the description. In the inspector, the SNAT hop on kind-worker and the source address the pod saw: 10.244.1.1 or 172.18.0.3, both kind-worker\'s, never 203.0.113.7.',
        ko: '설명에 `External Traffic Policy: Cluster`가 보입니다. 인스펙터에서 kind-worker의 SNAT 홉과 파드가 본 출발지 주소를 확인하세요. 10.244.1.1이나 172.18.0.3으로, 모두 kind-worker의 주소이며 203.0.113.7은 없습니다.',
      },
      check: (v) => {
        const desc = lastCommand(v, 'kubectl describe svc')
        if (!desc || !/^External Traffic Policy:\s+Cluster$/m.test(desc.output)) return fail('Describe kubia-nodeport and find its External Traffic Policy.', 'kubia-nodeport를 describe 해서 External Traffic Policy를 찾으세요.')
        const rs = fromLaptop(v).filter((r) => r.trace.outcome === 'delivered')
        if (rs.length < 3) return fail('Send three requests from the laptop to the NodePort of kind-worker.', '노트북에서 kind-worker의 노드포트로 요청을 세 번 보내세요.')
        if (rs.some((r) => !hasSnat(r) || r.trace.seenClientIp === LAPTOP_IP)) return fail('Every request should be SNATed so the pod does not see 203.0.113.7.', '모든 요청이 SNAT되어 파드가 203.0.113.7을 보지 못해야 합니다.')
        if (!rs.some(tookExtraHop)) return fail('None of the requests took the extra hop this time; send a few more.', '이번에는 추가 홉을 거친 요청이 없습니다. 몇 번 더 보내세요.')
        const seen = [...new Set(rs.map((r) => r.trace.seenClientIp))].join(', ')
        return pass({ en: `The pods saw ${seen}, not the laptop.`, ko: `파드는 노트북이 아니라 ${seen}을(를) 봤습니다.` })
      },
      hint: {
        en: 'Run `kubectl describe svc kubia-nodeport`, then send 3 requests from laptop to kind-worker\'s NodePort.',
        ko: '`kubectl describe svc kubia-nodeport`를 실행한 뒤, laptop에서 kind-worker의 노드포트로 요청을 3번 보내세요.',
      },
      speakerNotes: {
        en: 'Ask: why must the node SNAT here? If the pod on kind-worker2 replied straight to the laptop, the laptop would get an answer from an address it never talked to and drop it.',
        ko: '질문: 여기서 노드는 왜 SNAT를 해야 할까요? kind-worker2의 파드가 노트북에 바로 응답하면, 노트북은 자신이 연결한 적 없는 주소에서 온 응답을 받게 되어 버립니다.',
      },
      focus: ['Client/laptop', 'Node/kind-worker', 'Pod/app=kubia'],
    },
    {
      id: 'local',
      title: { en: 'Local: the client IP survives', ko: 'Local: 클라이언트 IP가 유지된다' },
      narration: {
        en: 'Add `externalTrafficPolicy: Local` to the Service. Now kube-proxy sends external traffic only to pods on the node that received it. The packet never leaves that node, so there is nothing to un-NAT on the way back and no SNAT is needed: the pod sees the laptop\'s own address.',
        ko: '서비스에 `externalTrafficPolicy: Local`을 추가합니다. 이제 kube-proxy는 외부 트래픽을 그 트래픽을 받은 노드의 파드에만 보냅니다. 패킷이 그 노드를 벗어나지 않으므로 돌아오는 길에 되돌릴 NAT가 없고, SNAT도 필요 없습니다. 파드는 노트북의 주소를 그대로 봅니다.',
      },
      actions: [
        { kind: 'edit', find: '  type: NodePort\n', replace: '  type: NodePort\n  externalTrafficPolicy: Local\n' },
        { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-worker):$NODEPORT(kubia-nodeport)', times: 3 },
      ],
      observe: {
        en: 'No SNAT hop and no extra hop; every answer comes from a pod on kind-worker, and the inspector shows 203.0.113.7 as the source the pod saw.',
        ko: 'SNAT 홉도 추가 홉도 없습니다. 모든 응답이 kind-worker의 파드에서 오고, 인스펙터에는 파드가 본 출발지가 203.0.113.7로 나옵니다.',
      },
      check: (v) => {
        if (policyOf(v) !== 'Local') return fail('kubia-nodeport does not have externalTrafficPolicy: Local yet.', 'kubia-nodeport에 아직 externalTrafficPolicy: Local이 없습니다.')
        const rs = fromLaptop(v).filter((r) => r.trace.outcome === 'delivered' && firstNode(r) === 'kind-worker')
        if (rs.length === 0) return fail('Send requests from the laptop to the NodePort of kind-worker.', '노트북에서 kind-worker의 노드포트로 요청을 보내세요.')
        const bad = rs.find((r) => hasSnat(r) || tookExtraHop(r) || r.trace.seenClientIp !== LAPTOP_IP || answeringPodNode(r) !== 'kind-worker')
        if (bad) return fail(`A pod saw ${bad.trace.seenClientIp ?? 'nothing'}; with Local it should see ${LAPTOP_IP} and run on kind-worker.`, `파드가 ${bad.trace.seenClientIp ?? '아무것도'}를 봤습니다. Local이면 kind-worker의 파드가 ${LAPTOP_IP}를 봐야 합니다.`)
        return pass({ en: `${rs.length} requests, each pod saw ${LAPTOP_IP}.`, ko: `요청 ${rs.length}개 모두 파드가 ${LAPTOP_IP}를 봤습니다.` })
      },
      hint: {
        en: 'Under `type: NodePort` add the line `externalTrafficPolicy: Local`, then send from laptop to kind-worker\'s NodePort.',
        ko: '`type: NodePort` 아래에 `externalTrafficPolicy: Local` 줄을 추가한 뒤, laptop에서 kind-worker의 노드포트로 요청을 보내세요.',
      },
      focus: ['Client/laptop', 'Node/kind-worker', 'Service/default/kubia-nodeport'],
    },
    {
      id: 'dropped',
      title: { en: 'No local pod, no answer', ko: '로컬 파드가 없으면 응답도 없다' },
      narration: {
        en: 'kind-control-plane has no kubia pod. Under Local it may not forward to another node, so kube-proxy drops the connection: the laptop gets no answer and curl gives up after its connect timeout. Whoever sends external traffic to the nodes must know which nodes have a local pod.',
        ko: 'kind-control-plane에는 kubia 파드가 없습니다. Local 정책에서는 다른 노드로 넘길 수 없으므로 kube-proxy가 연결을 버립니다. 노트북은 응답을 받지 못하고, curl은 연결 시간 제한이 지나면 포기합니다. 노드로 외부 트래픽을 보내는 쪽은 어느 노드에 로컬 파드가 있는지 알아야 합니다.',
      },
      actions: [{ kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-control-plane):$NODEPORT(kubia-nodeport)' }],
      observe: {
        en: 'The packet stops at kind-control-plane with the drop reason "has no local endpoints", and curl reports a connection timeout.',
        ko: '패킷이 kind-control-plane에서 "has no local endpoints"라는 이유로 버려지고, curl은 연결 시간 초과를 보고합니다.',
      },
      check: (v) => {
        if (policyOf(v) !== 'Local') return fail('This step needs externalTrafficPolicy: Local.', '이 단계에는 externalTrafficPolicy: Local이 필요합니다.')
        const rs = fromLaptop(v).filter((r) => firstNode(r) === 'kind-control-plane')
        if (rs.length === 0) return fail('Send a request from the laptop to the NodePort of kind-control-plane.', '노트북에서 kind-control-plane의 노드포트로 요청을 보내세요.')
        const dropped = rs.find((r) => r.trace.outcome === 'dropped' && r.trace.hops.some((h) => h.kind === 'drop' && h.at.kind === 'node' && h.at.name === 'kind-control-plane'))
        if (!dropped) return fail('The request to kind-control-plane should have been dropped there.', 'kind-control-plane으로 보낸 요청은 그 노드에서 버려져야 합니다.')
        return pass({ en: 'kind-control-plane dropped the connection: it has no local pod.', ko: 'kind-control-plane이 연결을 버렸습니다. 로컬 파드가 없기 때문입니다.' })
      },
      hint: {
        en: 'Send one request from laptop to kind-control-plane\'s NodePort.',
        ko: 'laptop에서 kind-control-plane의 노드포트로 요청을 한 번 보내세요.',
      },
      speakerNotes: {
        en: 'Ask: who should make sure external traffic only reaches nodes that have a pod? (The load balancer, steered by a health check: the next step.)',
        ko: '질문: 외부 트래픽이 파드가 있는 노드에만 가도록 책임지는 것은 누구일까요? (헬스 체크를 따르는 로드밸런서입니다. 다음 단계에서 봅니다.)',
      },
      focus: ['Client/laptop', 'Node/kind-control-plane'],
    },
    {
      id: 'uneven',
      title: { en: 'Even per node, uneven per pod', ko: '노드 단위로는 고르게, 파드 단위로는 고르지 않게' },
      narration: {
        en: 'Make the Service a LoadBalancer while keeping Local. The API server adds a healthCheckNodePort; kube-proxy answers it with 200 only on nodes that have a ready local pod, so the cloud load balancer sends traffic only to kind-worker and kind-worker2, in equal shares. kind-worker splits its share between two pods, while kind-worker2\'s lone pod takes its whole share by itself.',
        ko: 'Local을 유지한 채 서비스를 LoadBalancer로 바꿉니다. API 서버가 healthCheckNodePort를 추가하고, kube-proxy는 준비된 로컬 파드가 있는 노드에서만 여기에 200으로 응답합니다. 그래서 클라우드 로드밸런서는 kind-worker와 kind-worker2에만 같은 몫씩 트래픽을 보냅니다. kind-worker는 자기 몫을 파드 두 개에 나누지만, kind-worker2의 파드는 혼자서 자기 노드의 몫을 모두 받습니다.',
      },
      actions: [
        { kind: 'edit', find: 'type: NodePort', replace: 'type: LoadBalancer' },
        { kind: 'command', line: 'kubectl describe svc kubia-nodeport' },
        { kind: 'send', from: 'laptop', url: `http://${LB_IP}`, times: 12 },
      ],
      observe: {
        en: '`HealthCheck NodePort` in the description. Count the answers per pod: the pod on kind-worker2 gets more than either pod on kind-worker, and every pod saw 203.0.113.7.',
        ko: '설명에 `HealthCheck NodePort`가 있습니다. 파드별 응답 수를 세어 보세요. kind-worker2의 파드가 kind-worker의 어느 파드보다 많이 받고, 모든 파드가 203.0.113.7을 봤습니다.',
      },
      check: (v) => {
        const svc = service(v, 'kubia-nodeport')
        if (svc?.spec.type !== 'LoadBalancer' || policyOf(v) !== 'Local') return fail('kubia-nodeport should be a LoadBalancer with externalTrafficPolicy: Local.', 'kubia-nodeport는 externalTrafficPolicy: Local인 LoadBalancer여야 합니다.')
        const desc = lastCommand(v, 'kubectl describe svc')
        if (!desc || !/^HealthCheck NodePort:\s+\d+$/m.test(desc.output)) return fail('Describe kubia-nodeport and find its HealthCheck NodePort.', 'kubia-nodeport를 describe 해서 HealthCheck NodePort를 찾으세요.')
        const lb = svc.status?.loadBalancer?.ingress?.[0]?.ip
        const rs = fromLaptop(v).filter((r) => lb !== undefined && r.trace.hops.some((h) => h.at.kind === 'loadbalancer' && h.at.ip === lb))
        if (rs.length < 10) return fail(`Send at least 10 requests from the laptop to the load balancer (${rs.length} so far).`, `노트북에서 로드밸런서로 요청을 10번 이상 보내세요(지금까지 ${rs.length}번).`)
        if (rs.some((r) => r.trace.outcome !== 'delivered' || r.trace.seenClientIp !== LAPTOP_IP)) return fail('Every request should be answered, and every pod should see the laptop\'s IP.', '모든 요청이 응답을 받고, 모든 파드가 노트북 IP를 봐야 합니다.')
        const perPod = new Map<string, { node: string; n: number }>()
        for (const r of rs) {
          const e = perPod.get(r.pod ?? '') ?? { node: answeringPodNode(r) ?? '', n: 0 }
          e.n++
          perPod.set(r.pod ?? '', e)
        }
        const lone = [...perPod.values()].filter((e) => e.node === 'kind-worker2')
        const pair = [...perPod.values()].filter((e) => e.node === 'kind-worker')
        if (lone.length !== 1 || pair.length === 0 || !pair.every((e) => e.n < lone[0]!.n)) {
          return fail('The lone pod on kind-worker2 should have answered more than each pod on kind-worker; send more requests.', 'kind-worker2의 단독 파드가 kind-worker의 각 파드보다 더 많이 응답해야 합니다. 요청을 더 보내세요.')
        }
        const counts = [...perPod.entries()].map(([p, e]) => `${p.replace('default/', '')}: ${e.n}`).join(', ')
        return pass({ en: `Answers per pod — ${counts}.`, ko: `파드별 응답 수 — ${counts}.` })
      },
      hint: {
        en: 'Change `type: NodePort` to `type: LoadBalancer` (keep the Local line), run `kubectl describe svc kubia-nodeport`, then send 12 requests from laptop to the EXTERNAL-IP.',
        ko: '`type: NodePort`를 `type: LoadBalancer`로 바꾸고(Local 줄은 그대로 둡니다) `kubectl describe svc kubia-nodeport`를 실행한 뒤, laptop에서 EXTERNAL-IP로 요청을 12번 보내세요.',
      },
      speakerNotes: {
        en: 'Ask: how would you even out the load? (Spread the pods evenly over the nodes, e.g. with topology spread constraints or anti-affinity.)',
        ko: '질문: 부하를 고르게 하려면 어떻게 해야 할까요? (토폴로지 분배 제약이나 안티 어피니티로 파드를 노드에 고르게 배치합니다.)',
      },
      focus: ['Service/default/kubia-nodeport', 'Node/kind-worker', 'Node/kind-worker2'],
    },
  ],
}

/**
 * Lesson 7 (chapter section 7): a NodePort Service opens the same port on every node, and a node
 * with no pod of its own forwards the connection to one on another node; a LoadBalancer Service is
 * a NodePort Service with a cloud load balancer in front (EXTERNAL-IP `<pending>` when there is no
 * cloud); and a Service balances connections, not requests, so a keep-alive browser sticks to one pod.
 */
import type { Lesson, LessonView } from '../../lessons/types.ts'
import { fail, lastCommand, pass, service, sentFrom, firstNode, answeringPodNode, tookExtraHop } from '../../lessons/checks.ts'

/** The external clients of the scenario and their addresses (kubia-nodeport.yaml). */
const LAPTOP_IP = '203.0.113.7'
const BROWSER_IP = '203.0.113.8'

/**
 * The address the cloud controller gives the Service from the scenario's pool 198.51.100.0/24 with
 * its seed. The lesson runner has no placeholder for load-balancer IPs, so the URL names it; the
 * check reads the Service's status, so a different allocation fails loudly instead of passing.
 */
const LB_IP = '198.51.100.10'


/** The load-balancer ingress IP the Service has now, if any. */
const ingressIp = (v: LessonView): string | undefined => service(v, 'kubia-nodeport')?.status?.loadBalancer?.ingress?.[0]?.ip

export const nodeportLesson: Lesson = {
  id: 'nodeport',
  section: 7,
  title: { en: 'Exposing services to external clients', ko: '외부 클라이언트에 서비스 노출하기' },
  summary: {
    en: 'Reach the kubia pods from a laptop through a NodePort on any node, follow the extra hop a node without a pod adds, put a cloud load balancer in front, and see why a browser keeps hitting the same pod.',
    ko: '노트북에서 아무 노드의 노드포트로 kubia 파드에 접속하고, 파드가 없는 노드가 만드는 추가 홉을 따라가 보고, 앞단에 클라우드 로드밸런서를 둔 뒤, 브라우저가 계속 같은 파드에 닿는 이유를 알아봅니다.',
  },
  scenario: 'kubia-nodeport.yaml',
  steps: [
    {
      id: 'node-port',
      title: { en: 'One port on every node', ko: '모든 노드에 같은 포트 하나' },
      narration: {
        en: 'The Service kubia-nodeport has type NodePort and asks for nodePort 30123. It is still an ordinary Service with a ClusterIP on port 80, but kube-proxy on every node also accepts connections to port 30123 on the node\'s own addresses and sends them to the Service\'s pods. Without an explicit nodePort the API server would pick a free one from 30000–32767.',
        ko: 'kubia-nodeport 서비스는 NodePort 타입이고 nodePort 30123을 요청합니다. 이 서비스도 포트 80의 ClusterIP를 가진 평범한 서비스지만, 모든 노드의 kube-proxy가 노드 자신의 주소로 들어오는 포트 30123 연결도 받아서 서비스의 파드로 보냅니다. nodePort를 지정하지 않으면 API 서버가 30000–32767 범위에서 비어 있는 포트를 고릅니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl get svc kubia-nodeport' }],
      observe: {
        en: 'PORT(S) reads `80:30123/TCP`: the service port, then the node port.',
        ko: 'PORT(S) 열에 `80:30123/TCP`가 보입니다. 앞은 서비스 포트, 뒤는 노드포트입니다.',
      },
      check: (v) => {
        const np = service(v, 'kubia-nodeport')?.spec.ports?.[0]?.nodePort
        if (np === undefined) return fail('The Service kubia-nodeport has no nodePort.', 'kubia-nodeport 서비스에 nodePort가 없습니다.')
        const out = lastCommand(v, 'kubectl get svc')
        if (!out?.output.includes(`80:${np}/TCP`)) return fail('Run `kubectl get svc kubia-nodeport` and read the PORT(S) column.', '`kubectl get svc kubia-nodeport`를 실행해 PORT(S) 열을 읽어 보세요.')
        return pass({ en: `Port 80 inside, ${np} on every node.`, ko: `안에서는 포트 80, 모든 노드에서는 ${np}입니다.` })
      },
      hint: { en: 'Type `kubectl get svc kubia-nodeport`.', ko: '`kubectl get svc kubia-nodeport`를 입력하세요.' },
      speakerNotes: {
        en: 'On a cloud such as GKE the nodes sit behind a firewall: you would also need a rule that lets tcp:30123 in before the laptop can connect.',
        ko: 'GKE 같은 클라우드에서는 노드가 방화벽 뒤에 있으므로, 노트북이 접속하려면 tcp:30123을 허용하는 방화벽 규칙도 만들어야 합니다.',
      },
      focus: ['Service/default/kubia-nodeport'],
    },
    {
      id: 'every-node',
      title: { en: 'Any node answers', ko: '어느 노드든 응답한다' },
      narration: {
        en: 'The laptop sits outside the cluster and knows only the nodes\' addresses. Send one request to port 30123 on each of the three nodes. Every node answers, including the control-plane node, which runs no kubia pod at all.',
        ko: '노트북은 클러스터 밖에 있고 노드의 주소만 압니다. 세 노드 각각의 포트 30123으로 요청을 하나씩 보냅니다. kubia 파드가 하나도 없는 컨트롤 플레인 노드를 포함해 모든 노드가 응답합니다.',
      },
      actions: [
        { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-control-plane):$NODEPORT(kubia-nodeport)' },
        { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-worker):$NODEPORT(kubia-nodeport)' },
        { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-worker2):$NODEPORT(kubia-nodeport)' },
      ],
      observe: {
        en: 'Three packets from the laptop, each to a different node, each answered by a kubia pod.',
        ko: '노트북에서 나간 패킷 세 개가 각각 다른 노드로 가고, 모두 kubia 파드가 응답합니다.',
      },
      check: (v) => {
        const ok = sentFrom(v, LAPTOP_IP).filter((r) => r.status === 200 && r.pod?.startsWith('default/kubia-'))
        const nodes = new Set(ok.map(firstNode).filter((n) => n !== undefined))
        if (nodes.size < 3) return fail(`Answers came through ${nodes.size} node(s); send to the NodePort of all three.`, `응답이 노드 ${nodes.size}개를 거쳐 왔습니다. 세 노드의 노드포트 모두로 보내세요.`)
        return pass({ en: 'All three nodes answered on port 30123.', ko: '세 노드 모두 포트 30123에서 응답했습니다.' })
      },
      hint: {
        en: 'In the traffic bar choose From: laptop and To: kubia-nodeport on each node in turn, and send one request to each.',
        ko: '트래픽 막대에서 From은 laptop으로 두고, To에서 각 노드의 kubia-nodeport를 차례로 골라 요청을 하나씩 보내세요.',
      },
      focus: ['Client/laptop', 'Node/kind-control-plane', 'Node/kind-worker', 'Node/kind-worker2'],
    },
    {
      id: 'extra-hop',
      title: { en: 'The extra hop', ko: '추가 홉' },
      narration: {
        en: 'kind-control-plane has no kubia pod, yet it answered. Its kube-proxy picked a pod from all of the Service\'s endpoints, rewrote the destination to it (DNAT), and forwarded the packet over the network to the node that pod runs on. It also rewrote the source to its own address (SNAT), so the reply comes back through it and can be un-NATed. That detour is the extra hop.',
        ko: 'kind-control-plane에는 kubia 파드가 없는데도 응답했습니다. 이 노드의 kube-proxy가 서비스의 전체 엔드포인트 중에서 파드를 하나 골라 목적지를 그 파드로 바꾸고(DNAT), 그 파드가 있는 노드로 네트워크를 통해 패킷을 넘겼기 때문입니다. 동시에 출발지를 자기 주소로 바꿔서(SNAT) 응답이 자신을 거쳐 돌아오게 하고, 그때 NAT를 되돌립니다. 이렇게 돌아가는 경로가 추가 홉입니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl get pods -o wide' },
        { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-control-plane):$NODEPORT(kubia-nodeport)', times: 3 },
      ],
      observe: {
        en: 'The NODE column shows no kubia pod on kind-control-plane; on the diagram each packet leaves kind-control-plane for a worker, marked as an extra hop.',
        ko: 'NODE 열을 보면 kind-control-plane에는 kubia 파드가 없습니다. 다이어그램에서 각 패킷이 kind-control-plane을 떠나 워커 노드로 가며, 추가 홉으로 표시됩니다.',
      },
      check: (v) => {
        const wide = lastCommand(v, 'kubectl get pods')
        if (!wide || !wide.output.includes('NODE')) return fail('List the pods with their nodes: `kubectl get pods -o wide`.', '노드와 함께 파드 목록을 보세요: `kubectl get pods -o wide`.')
        const rs = sentFrom(v, LAPTOP_IP).filter((r) => firstNode(r) === 'kind-control-plane')
        if (rs.length === 0) return fail('Send requests from the laptop to the NodePort of kind-control-plane.', '노트북에서 kind-control-plane의 노드포트로 요청을 보내세요.')
        const bad = rs.find((r) => r.status !== 200 || !tookExtraHop(r) || answeringPodNode(r) === 'kind-control-plane')
        if (bad) return fail('A request to kind-control-plane should be answered by a pod on another node, after an extra hop.', 'kind-control-plane으로 간 요청은 추가 홉을 거쳐 다른 노드의 파드가 응답해야 합니다.')
        return pass({ en: `${rs.length} requests took the extra hop to a worker node.`, ko: `요청 ${rs.length}개가 추가 홉을 거쳐 워커 노드로 갔습니다.` })
      },
      hint: {
        en: 'Run `kubectl get pods -o wide`, then send a few requests from the laptop to kind-control-plane\'s NodePort.',
        ko: '`kubectl get pods -o wide`를 실행한 뒤, 노트북에서 kind-control-plane의 노드포트로 요청을 몇 번 보내세요.',
      },
      speakerNotes: {
        en: 'Ask: what does the pod see as the client\'s address after the SNAT? (The node\'s address, not the laptop\'s. Lesson 8 is about exactly that.)',
        ko: '질문: SNAT 뒤에 파드가 보는 클라이언트 주소는 무엇일까요? (노트북이 아니라 노드의 주소입니다. 8장 레슨이 바로 이 내용입니다.)',
      },
      focus: ['Client/laptop', 'Node/kind-control-plane', 'Pod/app=kubia'],
    },
    {
      id: 'load-balancer',
      title: { en: 'A load balancer in front of the nodes', ko: '노드 앞의 로드밸런서' },
      narration: {
        en: 'Clients should not have to know node addresses, and a node may go down. Change the type to LoadBalancer. The Service keeps its ClusterIP and its nodePort 30123; in addition the cloud provider creates a load balancer with its own public IP, which Kubernetes records in the Service\'s status. The load balancer forwards each connection to the NodePort of a healthy node.',
        ko: '클라이언트가 노드 주소를 알아야 하는 것도 불편하고, 노드가 죽을 수도 있습니다. 타입을 LoadBalancer로 바꿉니다. 서비스는 ClusterIP와 nodePort 30123을 그대로 유지하고, 여기에 더해 클라우드 공급자가 고유한 공인 IP를 가진 로드밸런서를 만듭니다. 쿠버네티스는 그 IP를 서비스의 status에 기록합니다. 로드밸런서는 각 연결을 정상인 노드의 노드포트로 넘깁니다.',
      },
      actions: [
        { kind: 'edit', find: 'type: NodePort', replace: 'type: LoadBalancer' },
        { kind: 'command', line: 'kubectl get svc kubia-nodeport' },
        { kind: 'send', from: 'laptop', url: `http://${LB_IP}`, times: 3 },
      ],
      observe: {
        en: 'EXTERNAL-IP now holds the load balancer\'s address, PORT(S) still `80:30123/TCP`; on the diagram the packets pass the load balancer before a node.',
        ko: '이제 EXTERNAL-IP에 로드밸런서 주소가 있고, PORT(S)는 여전히 `80:30123/TCP`입니다. 다이어그램에서 패킷이 노드보다 먼저 로드밸런서를 지납니다.',
      },
      check: (v) => {
        const svc = service(v, 'kubia-nodeport')
        if (svc?.spec.type !== 'LoadBalancer') return fail('kubia-nodeport is not of type LoadBalancer yet.', 'kubia-nodeport가 아직 LoadBalancer 타입이 아닙니다.')
        const ip = ingressIp(v)
        if (!ip) return fail('The cloud has not given the Service an address yet.', '클라우드가 아직 서비스에 주소를 주지 않았습니다.')
        const row = lastCommand(v, 'kubectl get svc')?.output.split('\n').find((l) => l.startsWith('kubia-nodeport '))
        if (!row?.includes(ip)) return fail('Run `kubectl get svc kubia-nodeport` and find the EXTERNAL-IP.', '`kubectl get svc kubia-nodeport`를 실행해 EXTERNAL-IP를 찾으세요.')
        const viaLb = v.results.filter((r) => r.status === 200 && r.trace.hops.some((h) => h.at.kind === 'loadbalancer' && h.at.ip === ip))
        if (viaLb.length === 0) return fail(`Send a request from the laptop to http://${ip}.`, `노트북에서 http://${ip}로 요청을 보내세요.`)
        return pass({ en: `The load balancer at ${ip} answered through the NodePort.`, ko: `${ip}의 로드밸런서가 노드포트를 거쳐 응답했습니다.` })
      },
      hint: {
        en: 'Change `type: NodePort` to `type: LoadBalancer`, run `kubectl get svc kubia-nodeport`, then send from the laptop to the EXTERNAL-IP.',
        ko: '`type: NodePort`를 `type: LoadBalancer`로 바꾸고 `kubectl get svc kubia-nodeport`를 실행한 뒤, 노트북에서 EXTERNAL-IP로 요청을 보내세요.',
      },
      focus: ['Client/laptop', 'Service/default/kubia-nodeport'],
    },
    {
      id: 'keep-alive',
      title: { en: 'Connections, not requests', ko: '요청이 아니라 연결을 분산한다' },
      narration: {
        en: 'Now send five requests from the browser and five from the laptop. kube-proxy chooses a pod when a connection opens; later packets of that connection follow the same conntrack entry. The browser keeps one keep-alive connection open, so all five requests arrive on it and reach one pod, even with sessionAffinity: None. curl opens a new connection from a new source port every time, so its requests spread over the pods.',
        ko: '이제 브라우저에서 요청 다섯 번, 노트북에서 다섯 번을 보냅니다. kube-proxy는 연결이 열릴 때 파드를 고르고, 그 연결의 이후 패킷은 같은 conntrack 항목을 따라갑니다. 브라우저는 keep-alive 연결 하나를 열어 두기 때문에 다섯 요청이 모두 그 연결로 가서 sessionAffinity: None인데도 한 파드에 닿습니다. curl은 매번 새 출발지 포트로 새 연결을 열기 때문에 요청이 여러 파드로 퍼집니다.',
      },
      actions: [
        { kind: 'send', from: 'browser', url: `http://${LB_IP}`, times: 5 },
        { kind: 'send', from: 'laptop', url: `http://${LB_IP}`, times: 5 },
      ],
      observe: {
        en: 'In the inspector, the source port of the first hop: the same for all of the browser\'s requests, different for each of the laptop\'s. Compare which pods answered.',
        ko: '인스펙터에서 첫 홉의 출발지 포트를 보세요. 브라우저 요청은 모두 같고, 노트북 요청은 매번 다릅니다. 어느 파드가 응답했는지도 비교해 보세요.',
      },
      check: (v) => {
        const b = sentFrom(v, BROWSER_IP).filter((r) => r.status === 200)
        const l = sentFrom(v, LAPTOP_IP).filter((r) => r.status === 200)
        if (b.length < 5 || l.length < 5) return fail(`Answered so far: ${b.length} from the browser, ${l.length} from the laptop; send five from each.`, `지금까지 응답: 브라우저 ${b.length}개, 노트북 ${l.length}개. 각각 다섯 번씩 보내세요.`)
        const bPorts = new Set(b.map((r) => r.trace.hops[0]!.before.sport))
        const bPods = new Set(b.map((r) => r.pod))
        if (bPorts.size !== 1 || bPods.size !== 1) return fail('The browser\'s requests should share one connection and one pod.', '브라우저의 요청은 연결 하나와 파드 하나를 함께 써야 합니다.')
        const lPorts = new Set(l.map((r) => r.trace.hops[0]!.before.sport))
        const lPods = new Set(l.map((r) => r.pod))
        if (lPorts.size !== l.length) return fail('Each of the laptop\'s requests should come from a new source port.', '노트북의 요청은 매번 새 출발지 포트에서 나와야 합니다.')
        if (lPods.size < 2) return fail('The laptop\'s requests all reached one pod this time; send a few more.', '이번에는 노트북 요청이 모두 한 파드에 닿았습니다. 몇 번 더 보내세요.')
        return pass({
          en: `Browser: 1 connection, 1 pod. Laptop: ${lPorts.size} connections, ${lPods.size} pods.`,
          ko: `브라우저: 연결 1개, 파드 1개. 노트북: 연결 ${lPorts.size}개, 파드 ${lPods.size}개.`,
        })
      },
      hint: {
        en: 'Send 5 requests from browser and 5 from laptop to the load balancer\'s EXTERNAL-IP.',
        ko: '로드밸런서의 EXTERNAL-IP로 browser에서 5번, laptop에서 5번 요청을 보내세요.',
      },
      speakerNotes: {
        en: 'Ask: you set no sessionAffinity, so why is the browser sticky? Services balance at L4, per connection; they never see HTTP requests.',
        ko: '질문: sessionAffinity를 설정하지 않았는데 브라우저는 왜 한 파드에 붙어 있을까요? 서비스는 L4에서 연결 단위로 분산하며, HTTP 요청은 보지 않습니다.',
      },
      focus: ['Client/browser', 'Client/laptop', 'Pod/app=kubia'],
    },
    {
      id: 'pending',
      title: { en: 'No cloud: EXTERNAL-IP stays <pending>', ko: '클라우드가 없으면 EXTERNAL-IP는 <pending>' },
      narration: {
        en: 'The Scenario document at the top of the editor stands in for the cloud provider. Set `cloud.loadBalancer: false` and the playground rebuilds the cluster without a cloud controller, as on minikube, kind or bare metal. Nobody creates a load balancer, so EXTERNAL-IP stays <pending>. The Service still got its nodePort, so it keeps working as a NodePort Service.',
        ko: '편집기 맨 위의 Scenario 문서가 클라우드 공급자 역할을 합니다. `cloud.loadBalancer: false`로 바꾸면 플레이그라운드가 minikube나 kind, 베어 메탈처럼 클라우드 컨트롤러가 없는 클러스터를 다시 만듭니다. 로드밸런서를 만들어 줄 주체가 없으므로 EXTERNAL-IP는 <pending>으로 남습니다. 그래도 서비스는 nodePort를 받았으므로 NodePort 서비스로는 계속 동작합니다.',
      },
      actions: [
        { kind: 'edit', find: 'loadBalancer: true', replace: 'loadBalancer: false' },
        { kind: 'command', line: 'kubectl get svc kubia-nodeport' },
        { kind: 'send', from: 'laptop', url: 'http://$NODEIP(kind-worker):$NODEPORT(kubia-nodeport)' },
      ],
      observe: {
        en: 'EXTERNAL-IP `<pending>` next to `80:30123/TCP`, and the laptop\'s request through the NodePort still answered.',
        ko: '`80:30123/TCP` 옆의 EXTERNAL-IP가 `<pending>`이고, 노드포트로 보낸 노트북 요청은 여전히 응답을 받습니다.',
      },
      check: (v) => {
        const svc = service(v, 'kubia-nodeport')
        if (svc?.spec.type !== 'LoadBalancer') return fail('This step needs kubia-nodeport of type LoadBalancer.', '이 단계에는 LoadBalancer 타입의 kubia-nodeport가 필요합니다.')
        if (ingressIp(v)) return fail('The Service still has a load-balancer address: turn the cloud off in the Scenario document.', '서비스에 아직 로드밸런서 주소가 있습니다. Scenario 문서에서 클라우드를 끄세요.')
        const row = lastCommand(v, 'kubectl get svc')?.output.split('\n').find((l) => l.startsWith('kubia-nodeport '))
        if (!row?.includes('<pending>')) return fail('Run `kubectl get svc kubia-nodeport` and read EXTERNAL-IP.', '`kubectl get svc kubia-nodeport`를 실행해 EXTERNAL-IP를 확인하세요.')
        const np = sentFrom(v, LAPTOP_IP).find((r) => r.status === 200 && !r.trace.hops.some((h) => h.at.kind === 'loadbalancer'))
        if (!np) return fail('Send a request from the laptop to a node\'s NodePort.', '노트북에서 노드의 노드포트로 요청을 보내세요.')
        return pass({ en: 'EXTERNAL-IP <pending>, and the NodePort still works.', ko: 'EXTERNAL-IP는 <pending>이고, 노드포트는 여전히 동작합니다.' })
      },
      hint: {
        en: 'In the Scenario document change `loadBalancer: true` to `loadBalancer: false`, run `kubectl get svc kubia-nodeport`, then send from the laptop to a node\'s NodePort.',
        ko: 'Scenario 문서에서 `loadBalancer: true`를 `loadBalancer: false`로 바꾸고 `kubectl get svc kubia-nodeport`를 실행한 뒤, 노트북에서 노드의 노드포트로 요청을 보내세요.',
      },
      speakerNotes: {
        en: 'The sample loadbalancer-pending.yaml starts in this state. On minikube, `minikube tunnel` plays the cloud\'s part and fills in the address.',
        ko: '샘플 loadbalancer-pending.yaml이 바로 이 상태에서 시작합니다. minikube에서는 `minikube tunnel`이 클라우드 역할을 맡아 주소를 채워 줍니다.',
      },
      focus: ['Service/default/kubia-nodeport'],
    },
  ],
}

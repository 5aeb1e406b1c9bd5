/**
 * Lesson 2 (chapter section 2): a ClusterIP is tested from inside the cluster — curl run in a pod
 * with `kubectl exec … --`, a client pod of one's own, a node — and the DNAT on the sending node
 * is what turns the virtual IP into one pod's address.
 */
import type { Lesson, LessonView, Trace } from '../../lessons/types.ts'
import { fail, lastCommand, pass, pods, podsHit, readyAddresses, service, tracesOf } from '../../lessons/checks.ts'
import type { PodObj } from '../../engine/model/k8s.ts'


/** Traces that reached a pod of the kubia Service (DNS queries to kube-system are left out). */
const kubiaTraces = (v: LessonView): Trace[] => tracesOf(v).filter((t) => t.outcome === 'delivered' && t.pod?.startsWith('default/kubia-') === true)

export const insideLesson: Lesson = {
  id: 'inside',
  section: 2,
  title: { en: 'Testing a service from inside', ko: '클러스터 안에서 서비스 시험하기' },
  summary: {
    en: 'Run curl inside a pod with kubectl exec, watch the answers move between pods, start a client pod of your own, and follow the DNAT that turns the ClusterIP into a pod address.',
    ko: 'kubectl exec로 파드 안에서 curl을 실행하고, 응답하는 파드가 바뀌는 것을 보고, 직접 클라이언트 파드를 띄운 뒤, ClusterIP를 파드 주소로 바꾸는 DNAT를 따라가 봅니다.',
  },
  scenario: 'kubia-clusterip.yaml',
  steps: [
    {
      id: 'exec-curl',
      title: { en: 'Run curl inside a pod', ko: '파드 안에서 curl 실행하기' },
      narration: {
        en: 'A ClusterIP answers only inside the cluster, so the handiest client is one of the kubia pods. `kubectl exec` asks the kubelet to start a process in a running container and streams its output back to your terminal. The kubia app replies with the name of the pod that handled the request.',
        ko: 'ClusterIP는 클러스터 안에서만 응답하므로, 가장 손쉬운 클라이언트는 kubia 파드 가운데 하나입니다. `kubectl exec`는 kubelet에게 실행 중인 컨테이너 안에서 프로세스를 하나 띄우게 하고, 그 출력을 여러분의 터미널로 보내 줍니다. kubia 앱은 요청을 처리한 파드의 이름으로 응답합니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' }],
      observe: {
        en: "The line \"You've hit kubia-…\" in the terminal. The pod it names need not be the pod curl ran in.",
        ko: '터미널의 "You\'ve hit kubia-…" 줄을 보세요. 여기 나온 파드가 curl을 실행한 파드와 같을 필요는 없습니다.',
      },
      check: (v) => {
        const run = lastCommand(v, 'kubectl exec')
        const m = run?.output.match(/You've hit (\S+)/)
        if (!run || run.exitCode !== 0 || !m) {
          return fail('No curl run through kubectl exec has answered yet.', '아직 kubectl exec로 실행한 curl이 응답을 받지 못했습니다.')
        }
        const names = pods(v, { app: 'kubia' }).map((p) => p.metadata.name)
        if (!names.includes(m[1]!)) return fail(`${m[1]} is not one of the kubia pods.`, `${m[1]}은(는) kubia 파드가 아닙니다.`)
        return pass({ en: `${m[1]} answered.`, ko: `${m[1]}이(가) 응답했습니다.` })
      },
      hint: {
        en: 'Take a pod name from `kubectl get pods` and the ClusterIP from `kubectl get svc kubia`, then run `kubectl exec <pod> -- curl -s http://<ClusterIP>`.',
        ko: '`kubectl get pods`에서 파드 이름을, `kubectl get svc kubia`에서 ClusterIP를 확인한 뒤 `kubectl exec <파드> -- curl -s http://<ClusterIP>`를 실행하세요.',
      },
      focus: ['Pod/app=kubia', 'Service/default/kubia'],
    },
    {
      id: 'double-dash',
      title: { en: 'What the double dash is for', ko: '더블 대시(--)가 하는 일' },
      narration: {
        en: 'kubectl treats every option on the line as its own until it meets `--`; only the words after the double dash are handed to the program in the container. Leave it out, and curl\'s `-s` is read as a kubectl flag. kubectl stops with its own error, and curl never starts.',
        ko: 'kubectl은 `--`를 만나기 전까지 줄에 있는 모든 옵션을 자기 것으로 해석하고, 더블 대시 뒤의 단어만 컨테이너 안의 프로그램에 넘깁니다. 이를 빼먹으면 curl의 `-s`를 kubectl의 플래그로 읽습니다. kubectl이 자기 오류를 내고 멈추며, curl은 실행조차 되지 않습니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl exec $POD(app=kubia) curl -s http://$CLUSTERIP(kubia)' }],
      observe: {
        en: 'An `error:` line from kubectl, and no packet on the diagram: nothing ran in the pod.',
        ko: 'kubectl이 출력한 `error:` 줄을 보세요. 파드 안에서 아무것도 실행되지 않았으므로 다이어그램에 패킷이 없습니다.',
      },
      check: (v) => {
        const bad = v.terminal.find((t) => t.line.startsWith('kubectl exec') && !/\s--(\s|$)/.test(t.line) && /\scurl\s/.test(t.line))
        if (!bad) return fail('Run the same kubectl exec line once more, this time without `--`.', '같은 kubectl exec 줄을 이번에는 `--` 없이 한 번 더 실행하세요.')
        if (bad.exitCode === 0 || bad.traces.length > 0 || !bad.output.includes('error:')) {
          return fail('That line reached the pod; it should have been stopped by kubectl.', '그 줄은 파드까지 도달했습니다. kubectl 단계에서 멈춰야 합니다.')
        }
        return pass({ en: 'kubectl refused the line itself; curl never ran.', ko: 'kubectl이 줄 자체를 거부했고, curl은 실행되지 않았습니다.' })
      },
      hint: {
        en: '`kubectl exec <pod> curl -s http://<ClusterIP>` — the same command without `--`.',
        ko: '`kubectl exec <파드> curl -s http://<ClusterIP>` — `--`만 뺀 같은 명령입니다.',
      },
      speakerNotes: {
        en: "Ask: whose error is this, kubectl's or curl's? In the book's kubectl, `-s` was taken as `--server`, so kubectl tried to talk to an API server at the ClusterIP. Since kubectl 1.26 a command without `--` is refused outright.",
        ko: '질문: 이 오류는 kubectl의 것일까요, curl의 것일까요? 책이 쓰인 시절의 kubectl은 `-s`를 `--server`로 받아들여 ClusterIP에 있는 API 서버에 접속하려 했습니다. kubectl 1.26부터는 `--` 없는 명령을 아예 거부합니다.',
      },
      focus: ['Pod/app=kubia'],
    },
    {
      id: 'spread',
      title: { en: 'Each curl, a fresh pick', ko: 'curl마다 새로 고르는 파드' },
      narration: {
        en: 'Every curl opens a new TCP connection. For each new connection to the ClusterIP, the kube-proxy rules on the sending node pick one endpoint at random, all with the same chance, and conntrack remembers the pick for the rest of that connection. A few curls in a row therefore reach different pods.',
        ko: 'curl은 실행될 때마다 새 TCP 연결을 엽니다. ClusterIP로 가는 새 연결마다 보내는 쪽 노드의 kube-proxy 규칙이 엔드포인트 하나를 같은 확률로 무작위로 고르고, conntrack은 그 연결이 끝날 때까지 선택을 기억합니다. 그래서 curl을 연달아 실행하면 여러 파드에 나뉘어 도착합니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' },
      ],
      observe: {
        en: 'The pod names in the answers, and the packets on the diagram fanning out to more than one pod.',
        ko: '응답에 나오는 파드 이름과, 다이어그램에서 패킷이 여러 파드로 갈라지는 모습을 보세요.',
      },
      check: (v) => {
        const hit = podsHit(v).filter((p) => p.startsWith('default/kubia-'))
        if (hit.length < 2) {
          return fail(
            `So far only ${hit.length === 0 ? 'no pod' : hit[0]} answered in this step; run the curl a few more times.`,
            `이 단계에서 아직 ${hit.length === 0 ? '응답한 파드가 없습니다' : `${hit[0]}만 응답했습니다`}. curl을 몇 번 더 실행하세요.`,
          )
        }
        return pass({ en: `${hit.length} different pods answered.`, ko: `서로 다른 파드 ${hit.length}개가 응답했습니다.` })
      },
      hint: {
        en: 'Repeat `kubectl exec <pod> -- curl -s http://<ClusterIP>` until two different pod names show up.',
        ko: '서로 다른 파드 이름이 두 개 나올 때까지 `kubectl exec <파드> -- curl -s http://<ClusterIP>`를 반복하세요.',
      },
      speakerNotes: {
        en: 'Ask: with three endpoints, how likely is it that five curls all land on the same pod? (3 × (1/3)^5, about 1 in 81.)',
        ko: '질문: 엔드포인트가 셋일 때 curl 다섯 번이 모두 같은 파드에 갈 확률은? (3 × (1/3)^5, 약 81분의 1)',
      },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'dnat',
      title: { en: 'Where the ClusterIP turns into a pod', ko: 'ClusterIP가 파드 주소로 바뀌는 곳' },
      narration: {
        en: 'No network interface owns the ClusterIP. The packet leaves the client pod addressed to ClusterIP:80; on that pod\'s own node, a DNAT rule in the chosen endpoint\'s chain rewrites the destination to the pod IP and targetPort 8080. The reply is translated back through conntrack, so curl believes the ClusterIP answered.',
        ko: 'ClusterIP를 가진 네트워크 인터페이스는 어디에도 없습니다. 패킷은 ClusterIP:80을 목적지로 클라이언트 파드를 떠나고, 그 파드가 있는 노드에서 선택된 엔드포인트 체인의 DNAT 규칙이 목적지를 파드 IP와 targetPort 8080으로 바꿉니다. 응답은 conntrack을 거쳐 다시 원래 주소로 바뀌므로, curl은 ClusterIP가 응답했다고 여깁니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' }],
      observe: {
        en: 'Click the DNAT hop of the last packet: the destination before (ClusterIP:80) and after (pod IP:8080), the node it happened on, and the KUBE-SEP rule that did it.',
        ko: '마지막 패킷의 DNAT 홉을 눌러 보세요. 바뀌기 전 목적지(ClusterIP:80)와 바뀐 뒤 목적지(파드 IP:8080), 변환이 일어난 노드, 그리고 이를 수행한 KUBE-SEP 규칙이 보입니다.',
      },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP
        const eps = readyAddresses(v, 'kubia')
        for (const t of kubiaTraces(v)) {
          const first = t.hops[0]
          const dnat = t.hops.find((h) => h.kind === 'dnat' && !h.reply)
          if (!first || first.at.kind !== 'pod' || !dnat) continue
          const onClientNode = dnat.at.kind === 'node' && dnat.at.name === first.at.node
          if (dnat.before.dst === ip && dnat.before.dport === 80 && eps.includes(dnat.after.dst) && dnat.after.dport === 8080 && onClientNode) {
            return pass({
              en: `${ip}:80 became ${dnat.after.dst}:8080 on ${first.at.node}.`,
              ko: `${first.at.node}에서 ${ip}:80이 ${dnat.after.dst}:8080으로 바뀌었습니다.`,
            })
          }
        }
        return fail('Send one request from a pod to the ClusterIP in this step, then look at its DNAT hop.', '이 단계에서 파드에서 ClusterIP로 요청을 하나 보낸 뒤, 그 DNAT 홉을 살펴보세요.')
      },
      hint: {
        en: 'Run `kubectl exec <pod> -- curl -s http://<ClusterIP>` once more, then select the DNAT hop on the diagram.',
        ko: '`kubectl exec <파드> -- curl -s http://<ClusterIP>`를 한 번 더 실행하고 다이어그램에서 DNAT 홉을 선택하세요.',
      },
      speakerNotes: {
        en: 'Point out that the rewrite happens on the sender\'s node, not on some central load balancer: every node carries the full rule set.',
        ko: '주소 변환이 중앙의 로드밸런서가 아니라 보내는 쪽 노드에서 일어난다는 점을 짚어 주세요. 모든 노드가 같은 규칙 전체를 가지고 있습니다.',
      },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'client-pod',
      title: { en: 'A client pod of your own', ko: '직접 띄우는 클라이언트 파드' },
      narration: {
        en: '`kubectl run` creates one bare pod, with no controller behind it. This one runs the curlimages/curl image with `sleep` as its command, so it stays up and you can exec curl in it whenever you like. Traffic from a pod to a ClusterIP is not masqueraded, so the kubia pod sees the client pod\'s own IP as the source.',
        ko: '`kubectl run`은 컨트롤러 없이 파드 하나만 만듭니다. 여기서는 curlimages/curl 이미지를 `sleep` 명령으로 실행하므로 파드가 계속 떠 있고, 언제든 그 안에서 curl을 실행할 수 있습니다. 파드에서 ClusterIP로 가는 트래픽은 마스커레이드되지 않으므로, kubia 파드는 클라이언트 파드 자신의 IP를 출발지로 봅니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl run client --image=curlimages/curl --restart=Never --command -- sleep 3600' },
        { kind: 'command', line: 'kubectl exec client -- curl -s http://$CLUSTERIP(kubia)' },
      ],
      observe: {
        en: 'The new pod client on the diagram, and in the inspector the source address the kubia pod saw: the client pod\'s IP.',
        ko: '다이어그램에 새로 생긴 client 파드와, 인스펙터에서 kubia 파드가 본 출발지 주소(클라이언트 파드의 IP)를 확인하세요.',
      },
      check: (v) => {
        const clients = (v.objects.filter((o) => o.kind === 'Pod' && (o.metadata.namespace ?? 'default') === 'default') as PodObj[]).filter(
          (p) => p.metadata.labels?.app !== 'kubia' && p.status?.phase === 'Running' && p.status.podIP,
        )
        if (clients.length === 0) return fail('There is no client pod running yet.', '아직 실행 중인 클라이언트 파드가 없습니다.')
        const ips = new Map(clients.map((p) => [p.status!.podIP!, p.metadata.name]))
        const seen = kubiaTraces(v).find((t) => t.seenClientIp !== undefined && ips.has(t.seenClientIp))
        if (!seen) return fail('Run curl inside the client pod against the ClusterIP.', '클라이언트 파드 안에서 ClusterIP로 curl을 실행하세요.')
        return pass({
          en: `${seen.pod?.split('/')[1]} saw ${seen.seenClientIp}, the IP of ${ips.get(seen.seenClientIp!)}.`,
          ko: `${seen.pod?.split('/')[1]}은(는) ${ips.get(seen.seenClientIp!)}의 IP인 ${seen.seenClientIp}을(를) 보았습니다.`,
        })
      },
      hint: {
        en: '`kubectl run client --image=curlimages/curl --restart=Never --command -- sleep 3600`, then `kubectl exec client -- curl -s http://<ClusterIP>`.',
        ko: '`kubectl run client --image=curlimages/curl --restart=Never --command -- sleep 3600`을 실행한 뒤 `kubectl exec client -- curl -s http://<ClusterIP>`를 실행하세요.',
      },
      focus: ['Pod/run=client', 'Service/default/kubia'],
    },
    {
      id: 'from-node',
      title: { en: 'curl from a node', ko: '노드에서 curl 하기' },
      narration: {
        en: 'Nodes sit inside the cluster network too, so a process on a node can use the ClusterIP. Its packets meet the same kube-proxy rules and are DNATed the same way. Because the source is not a pod address, kube-proxy also marks them for masquerading: the pod sees an address of the sending node.',
        ko: '노드도 클러스터 네트워크 안에 있으므로, 노드의 프로세스도 ClusterIP를 쓸 수 있습니다. 그 패킷은 같은 kube-proxy 규칙을 만나 똑같이 DNAT됩니다. 다만 출발지가 파드 주소가 아니므로 kube-proxy가 마스커레이드 표시도 붙이고, 파드는 보낸 노드의 주소를 보게 됩니다.',
      },
      actions: [{ kind: 'send', from: 'kind-worker', url: 'http://$CLUSTERIP(kubia)', times: 3 }],
      observe: {
        en: 'On kind-worker the packet gets a DNAT and then an SNAT (MASQUERADE in KUBE-POSTROUTING) before it leaves for the pod.',
        ko: 'kind-worker에서 패킷이 DNAT를 거친 뒤, 파드로 떠나기 전에 SNAT(KUBE-POSTROUTING의 MASQUERADE)를 한 번 더 거칩니다.',
      },
      check: (v) => {
        const fromNode = kubiaTraces(v).filter((t) => t.hops[0]?.at.kind === 'node')
        if (fromNode.length === 0) return fail('No request from a node has reached a kubia pod in this step.', '이 단계에서 노드에서 보낸 요청이 kubia 파드에 닿지 않았습니다.')
        const masq = fromNode.find((t) => t.hops.some((h) => h.kind === 'dnat') && t.hops.some((h) => h.kind === 'snat'))
        if (!masq) return fail('The node\'s request was not DNATed and masqueraded.', '노드의 요청이 DNAT와 마스커레이드를 거치지 않았습니다.')
        return pass({ en: `${masq.pod?.split('/')[1]} answered the node and saw ${masq.seenClientIp}.`, ko: `${masq.pod?.split('/')[1]}이(가) 노드에 응답했고, 출발지로 ${masq.seenClientIp}을(를) 보았습니다.` })
      },
      hint: {
        en: 'Send a request from the node kind-worker to http://<ClusterIP>, or open the kind-worker terminal and run `curl -s http://<ClusterIP>`.',
        ko: '노드 kind-worker에서 http://<ClusterIP>로 요청을 보내거나, kind-worker 터미널을 열어 `curl -s http://<ClusterIP>`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: why is the node\'s request masqueraded and the client pod\'s not? (kube-proxy masquerades ClusterIP traffic whose source lies outside the pod CIDR, meant for off-cluster clients routed in through a node so that replies return through it; a node\'s own address is outside the pod CIDR too.)',
        ko: '질문: 클라이언트 파드의 요청과 달리 노드의 요청은 왜 마스커레이드될까요? (kube-proxy는 출발지가 파드 CIDR 밖에 있는 ClusterIP 트래픽을 마스커레이드합니다. 노드를 거쳐 들어오는 클러스터 밖 클라이언트의 응답이 같은 노드로 돌아오게 하려는 것인데, 노드 자신의 주소도 파드 CIDR 밖에 있습니다.)',
      },
      focus: ['Node/kind-worker', 'Service/default/kubia'],
    },
  ],
}

/**
 * Lesson 12 (chapter section 12): reproduce the classic reasons a Service "does not answer" and
 * learn what each looks like from the client — the ClusterIP from outside (timeout), ping on a
 * ClusterIP (no reply), the targetPort instead of the port (timeout), a wrong namespace in the DNS
 * name (cannot resolve), a selector that matches nothing and a readiness probe that never passes
 * (both refused, with empty Endpoints), and an app bound to 127.0.0.1 (refused although the
 * Endpoints list it; it answers only inside its pod).
 */
import type { Lesson, LessonView, TerminalRecord } from '../../lessons/types.ts'
import { fail, find, lastCommand, notReadyAddresses, pass, pods, readyAddresses, readyPods, service } from '../../lessons/checks.ts'
import type { PodObj } from '../../engine/model/k8s.ts'

/** The terminal records of this step whose line contains every part. */
const ran = (v: LessonView, ...parts: string[]): TerminalRecord[] => v.terminal.filter((t) => parts.every((p) => t.line.includes(p)))

/** A curl from the client pod that got an answer from a kubia pod. */
const answeredFromClient = (v: LessonView, part: string): TerminalRecord | undefined =>
  ran(v, 'kubectl exec client', 'curl', part).find((t) => t.exitCode === 0 && /^You've hit kubia-/m.test(t.output))

/** The Service part of the editor text (the ReplicationController above it has the same selector lines). */
const SELECTOR = '      targetPort: 8080\n  selector:\n    app: kubia'
const SELECTOR_TYPO = '      targetPort: 8080\n  selector:\n    app: kubai'

/** The container ports of the kubia pod template, where the readiness probe goes. */
const TEMPLATE_PORTS = '          ports:\n            - containerPort: 8080\n'
const BROKEN_PROBE = `${TEMPLATE_PORTS}          readinessProbe:
            httpGet:
              path: /
              port: 8081
`

/** Python's built-in web server told to listen on 127.0.0.1 only, and a Service in front of it. */
const LOCALHOST_APP = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: python:3
      command: [python, -m, http.server, "8080", --bind, 127.0.0.1]
      ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
    - port: 80
      targetPort: 8080
  selector:
    app: web
`

export const troubleshootingLesson: Lesson = {
  id: 'troubleshooting',
  section: 12,
  title: { en: 'Troubleshooting Services', ko: '서비스 문제 해결' },
  summary: {
    en: 'Make each classic mistake on purpose — ClusterIP from outside, ping, targetPort, a wrong DNS name, a selector typo, a failing readiness probe, an app bound to localhost — and learn the symptom and the command that explains it.',
    ko: '대표적인 실수를 일부러 하나씩 저질러 봅니다. 클러스터 밖에서 ClusterIP 접속, ping, targetPort 사용, 잘못된 DNS 이름, 셀렉터 오타, 실패하는 레디니스 프로브, localhost에서만 듣는 앱의 증상과 원인을 밝혀 주는 명령을 익힙니다.',
  },
  scenario: 'troubleshooting.yaml',
  steps: [
    {
      id: 'outside',
      title: { en: 'The ClusterIP from outside the cluster', ko: '클러스터 밖에서 ClusterIP로 접속' },
      narration: {
        en: 'A ClusterIP is taken from the service range, which exists only as kube-proxy rules on the cluster\'s nodes. The laptop has no route into that range, so its connection attempt goes nowhere and curl waits until its timeout (exit code 28). From the client pod inside the cluster the same address answers at once. For each mistake in this lesson you can also open "Why no response?" on the failed request.',
        ko: 'ClusterIP는 서비스 대역에서 나오며, 이 대역은 클러스터 노드의 kube-proxy 규칙으로만 존재합니다. 노트북에는 그 대역으로 가는 경로가 없어 연결 시도가 어디에도 닿지 않고, curl은 제한 시간까지 기다리다 끝납니다(종료 코드 28). 클러스터 안의 client 파드에서는 같은 주소가 곧바로 응답합니다. 이 레슨의 실수마다 실패한 요청에서 "왜 응답이 없나요?"를 열어 볼 수도 있습니다.',
      },
      actions: [
        { kind: 'command', line: 'curl --connect-timeout 5 http://$CLUSTERIP(kubia)' },
        { kind: 'command', line: 'kubectl exec client -- curl -s http://$CLUSTERIP(kubia)' },
      ],
      observe: {
        en: 'On the laptop: `curl: (28) Failed to connect … Timeout was reached`, and the packet is dropped on the laptop itself. In the pod: "You\'ve hit kubia-…".',
        ko: '노트북에서는 `curl: (28) Failed to connect … Timeout was reached`가 나오고 패킷은 노트북에서 바로 버려집니다. 파드에서는 "You\'ve hit kubia-…"가 나옵니다.',
      },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP ?? '-'
        const outside = ran(v, 'curl', ip).find((t) => t.line.startsWith('curl') && t.exitCode === 28)
        if (!outside) return fail(`From the laptop, curl http://${ip} with a short timeout; it should time out (exit 28).`, `노트북에서 짧은 제한 시간으로 http://${ip}에 curl 하세요. 시간 초과(종료 코드 28)가 나야 합니다.`)
        if (!outside.traces.some((tr) => tr.hops.some((h) => h.kind === 'drop' && h.at.kind === 'client'))) return fail('The laptop\'s packet should be dropped before it reaches any node.', '노트북의 패킷은 어느 노드에도 닿기 전에 버려져야 합니다.')
        if (!answeredFromClient(v, ip)) return fail(`Now curl the same http://${ip} from the client pod: \`kubectl exec client -- curl -s http://${ip}\`.`, `이제 client 파드에서 같은 http://${ip}로 curl 하세요: \`kubectl exec client -- curl -s http://${ip}\`.`)
        return pass({ en: 'Timeout from outside, an answer from inside.', ko: '밖에서는 시간 초과, 안에서는 응답입니다.' })
      },
      hint: {
        en: 'Find the address with `kubectl get svc kubia`, then `curl --connect-timeout 5 http://<ClusterIP>` on the laptop and `kubectl exec client -- curl -s http://<ClusterIP>`. To reach a Service from outside, use a NodePort, a LoadBalancer or an Ingress.',
        ko: '`kubectl get svc kubia`로 주소를 찾은 뒤, 노트북에서 `curl --connect-timeout 5 http://<ClusterIP>`를, 그리고 `kubectl exec client -- curl -s http://<ClusterIP>`를 실행하세요. 밖에서 서비스에 닿으려면 NodePort, LoadBalancer, 인그레스를 쓰세요.',
      },
      focus: ['Client/laptop', 'Service/default/kubia', 'Pod/default/client'],
    },
    {
      id: 'ping',
      title: { en: 'Pinging the ClusterIP', ko: 'ClusterIP에 ping 하기' },
      narration: {
        en: 'ping sends ICMP echo requests, but kube-proxy\'s iptables rules only match TCP, UDP or SCTP to the Service\'s ports, and no interface owns the ClusterIP. Nothing ever replies, so ping reports 100% packet loss. That says nothing about the Service: curl to the same address works. To test whether a pod is reachable, ping the pod\'s IP instead.',
        ko: 'ping은 ICMP 에코 요청을 보내지만, kube-proxy의 iptables 규칙은 서비스 포트로 가는 TCP, UDP, SCTP만 잡으며 ClusterIP를 가진 인터페이스도 없습니다. 아무도 답하지 않으므로 ping은 100% 패킷 손실을 보고합니다. 그렇다고 서비스에 문제가 있는 것은 아닙니다. 같은 주소로 curl 하면 잘 됩니다. 파드에 닿는지 확인하려면 파드 IP로 ping 하세요.',
      },
      actions: [
        { kind: 'command', line: 'kubectl exec client -- ping -c 3 $CLUSTERIP(kubia)' },
        { kind: 'command', line: 'kubectl exec client -- curl -s http://$CLUSTERIP(kubia)' },
      ],
      observe: { en: '`3 packets transmitted, 0 received, 100% packet loss`, then a normal answer from curl.', ko: '`3 packets transmitted, 0 received, 100% packet loss`가 나온 뒤, curl은 정상적으로 응답을 받습니다.' },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP ?? '-'
        const ping = ran(v, 'ping', ip).at(-1)
        if (!ping || !ping.output.includes('100% packet loss')) return fail(`Ping the ClusterIP from the client pod: \`kubectl exec client -- ping -c 3 ${ip}\`.`, `client 파드에서 ClusterIP로 ping 하세요: \`kubectl exec client -- ping -c 3 ${ip}\`.`)
        if (!answeredFromClient(v, ip)) return fail('Then curl the same address: it answers.', '그런 다음 같은 주소로 curl 하세요. 응답이 옵니다.')
        return pass({ en: 'No ping replies, yet the Service works.', ko: 'ping 응답은 없지만 서비스는 동작합니다.' })
      },
      hint: {
        en: '`kubectl exec client -- ping -c 3 <ClusterIP>`, then `kubectl exec client -- curl -s http://<ClusterIP>`.',
        ko: '`kubectl exec client -- ping -c 3 <ClusterIP>`를 실행한 뒤 `kubectl exec client -- curl -s http://<ClusterIP>`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: in IPVS mode kube-proxy binds ClusterIPs to a dummy interface. What would ping do there? (It gets replies — so ping is no test of a Service in any mode.)',
        ko: '질문: IPVS 모드에서는 kube-proxy가 ClusterIP를 더미 인터페이스에 붙입니다. 그러면 ping은 어떻게 될까요? (응답이 옵니다. 그러니 어느 모드에서든 ping은 서비스를 확인하는 방법이 아닙니다.)',
      },
      focus: ['Pod/default/client', 'Service/default/kubia'],
    },
    {
      id: 'target-port',
      title: { en: 'The targetPort instead of the port', ko: 'port 대신 targetPort 사용' },
      narration: {
        en: 'The Service listens on port 80 and forwards to targetPort 8080, the port the container listens on. Clients must use the Service port: kube-proxy has rules for ClusterIP:80 only. A packet to ClusterIP:8080 matches no rule, so in iptables mode it is simply lost and curl times out (in nftables mode it would be rejected at once).',
        ko: '서비스는 80번 포트로 받아 컨테이너가 듣고 있는 targetPort 8080으로 넘깁니다. 클라이언트는 서비스 포트를 써야 합니다. kube-proxy에는 ClusterIP:80에 대한 규칙만 있습니다. ClusterIP:8080으로 가는 패킷은 어떤 규칙에도 맞지 않아 iptables 모드에서는 그냥 사라지고, curl은 시간 초과로 끝납니다(nftables 모드라면 곧바로 거부됩니다).',
      },
      actions: [
        { kind: 'command', line: 'kubectl exec client -- curl -sS --connect-timeout 3 http://$CLUSTERIP(kubia):8080' },
        { kind: 'command', line: 'kubectl describe svc kubia' },
      ],
      observe: {
        en: '`curl: (28) … Timeout was reached`; the trace ends in a drop on the client\'s node with "no kube-proxy rule". `describe` shows `Port: <unset> 80/TCP` and `TargetPort: 8080/TCP`.',
        ko: '`curl: (28) … Timeout was reached`가 나오고, 트레이스는 클라이언트 노드에서 "no kube-proxy rule"로 버려지며 끝납니다. `describe`에는 `Port: <unset> 80/TCP`와 `TargetPort: 8080/TCP`가 나옵니다.',
      },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP ?? '-'
        const wrong = ran(v, 'curl', `${ip}:8080`).find((t) => t.exitCode === 28 || t.output.includes('(28)'))
        if (!wrong) return fail(`Curl the ClusterIP on the targetPort from the client pod: http://${ip}:8080, with a short timeout.`, `client 파드에서 짧은 제한 시간으로 ClusterIP의 targetPort(http://${ip}:8080)에 curl 하세요.`)
        if (!wrong.traces.some((tr) => tr.hops.some((h) => h.kind === 'drop' && h.at.kind === 'node'))) return fail('The packet should be lost on the node, where no rule matches it.', '패킷은 규칙이 맞지 않는 노드에서 사라져야 합니다.')
        const desc = lastCommand(v, 'kubectl describe svc') ?? lastCommand(v, 'kubectl describe service')
        if (!desc || !/^TargetPort:\s+8080\/TCP$/m.test(desc.output)) return fail('Compare Port and TargetPort with `kubectl describe svc kubia`.', '`kubectl describe svc kubia`로 Port와 TargetPort를 비교하세요.')
        return pass({ en: 'Port 8080 on the ClusterIP goes nowhere; 80 is the Service port.', ko: 'ClusterIP의 8080번 포트는 어디로도 가지 않습니다. 서비스 포트는 80입니다.' })
      },
      hint: {
        en: '`kubectl exec client -- curl -sS --connect-timeout 3 http://<ClusterIP>:8080`, then `kubectl describe svc kubia` (or `kubectl get svc kubia`, PORT(S) column).',
        ko: '`kubectl exec client -- curl -sS --connect-timeout 3 http://<ClusterIP>:8080`을 실행한 뒤 `kubectl describe svc kubia`(또는 `kubectl get svc kubia`의 PORT(S) 열)를 보세요.',
      },
      focus: ['Pod/default/client', 'Service/default/kubia'],
    },
    {
      id: 'wrong-namespace',
      title: { en: 'A DNS name in the wrong namespace', ko: '잘못된 네임스페이스의 DNS 이름' },
      narration: {
        en: 'A Service\'s full name is <service>.<namespace>.svc.cluster.local. kubia lives in default, so kubia.prod.svc.cluster.local names nothing: CoreDNS answers NXDOMAIN and curl stops with exit code 6 before a single packet goes to the Service. The ClusterIP and the right name both work, which shows the Service itself is healthy and the name is at fault.',
        ko: '서비스의 전체 이름은 <서비스>.<네임스페이스>.svc.cluster.local입니다. kubia는 default 네임스페이스에 있으므로 kubia.prod.svc.cluster.local이라는 이름은 아무것도 가리키지 않습니다. CoreDNS는 NXDOMAIN으로 답하고, curl은 서비스로 패킷 하나 보내지 못한 채 종료 코드 6으로 끝납니다. ClusterIP와 올바른 이름으로는 모두 동작하므로, 서비스는 멀쩡하고 이름이 잘못된 것입니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl exec client -- curl -sS http://kubia.prod.svc.cluster.local' },
        { kind: 'command', line: 'kubectl exec client -- nslookup kubia.prod.svc.cluster.local' },
        { kind: 'command', line: 'kubectl exec client -- curl -s http://$CLUSTERIP(kubia)' },
      ],
      observe: {
        en: '`curl: (6) Could not resolve host`, `** server can\'t find kubia.prod.svc.cluster.local: NXDOMAIN`, then an answer through the ClusterIP.',
        ko: '`curl: (6) Could not resolve host`와 `** server can\'t find kubia.prod.svc.cluster.local: NXDOMAIN`이 나온 뒤, ClusterIP로는 응답이 옵니다.',
      },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP ?? '-'
        const bad = ran(v, 'curl', 'kubia.prod').find((t) => t.exitCode === 6)
        if (!bad) return fail('Curl kubia.prod.svc.cluster.local from the client pod: it should fail with exit code 6.', 'client 파드에서 kubia.prod.svc.cluster.local로 curl 하세요. 종료 코드 6으로 실패해야 합니다.')
        if (bad.traces.some((tr) => tr.hops.some((h) => h.before.dst === ip))) return fail('The failed curl should not have reached the Service at all.', '실패한 curl은 서비스에 전혀 닿지 않아야 합니다.')
        const ns = ran(v, 'nslookup', 'kubia.prod').at(-1)
        if (!ns?.output.includes('NXDOMAIN')) return fail('Ask DNS about the name: `kubectl exec client -- nslookup kubia.prod.svc.cluster.local`.', 'DNS에 그 이름을 물어보세요: `kubectl exec client -- nslookup kubia.prod.svc.cluster.local`.')
        if (!answeredFromClient(v, ip) && !answeredFromClient(v, 'kubia.default')) return fail('Show that the Service works: curl its ClusterIP (or kubia.default.svc.cluster.local).', '서비스가 동작함을 보이세요: ClusterIP(또는 kubia.default.svc.cluster.local)로 curl 하세요.')
        return pass({ en: 'The name was wrong, not the Service.', ko: '잘못된 것은 서비스가 아니라 이름이었습니다.' })
      },
      hint: {
        en: '`kubectl get svc -A` shows the namespace of each Service; `kubectl exec client -- nslookup <name>` tests the name; `kubectl exec client -- cat /etc/resolv.conf` shows the search domains.',
        ko: '`kubectl get svc -A`로 각 서비스의 네임스페이스를 보고, `kubectl exec client -- nslookup <이름>`으로 이름을 확인하며, `kubectl exec client -- cat /etc/resolv.conf`로 검색 도메인을 보세요.',
      },
      focus: ['Pod/default/client', 'Service/kube-system/kube-dns', 'Service/default/kubia'],
    },
    {
      id: 'selector-typo',
      title: { en: 'A selector that matches no pod', ko: '어떤 파드와도 맞지 않는 셀렉터' },
      narration: {
        en: 'Change the Service selector to app: kubai, a one-letter typo. The Service keeps its ClusterIP, but no pod carries that label, so the endpoints controller empties Endpoints. With no endpoints kube-proxy rejects connections to the ClusterIP, and curl fails at once with exit code 7 instead of timing out.',
        ko: '서비스 셀렉터를 한 글자 틀린 app: kubai로 바꿉니다. 서비스의 ClusterIP는 그대로지만 그 레이블을 가진 파드가 없으므로 엔드포인트 컨트롤러가 엔드포인트를 비웁니다. 엔드포인트가 없으면 kube-proxy가 ClusterIP로 오는 연결을 거부하므로, curl은 시간 초과가 아니라 곧바로 종료 코드 7로 실패합니다.',
      },
      actions: [
        { kind: 'edit', find: SELECTOR, replace: SELECTOR_TYPO },
        { kind: 'command', line: 'kubectl exec client -- curl -sS http://kubia' },
        { kind: 'command', line: 'kubectl get endpoints kubia' },
        { kind: 'command', line: 'kubectl get pods --show-labels' },
      ],
      observe: {
        en: '`curl: (7) Failed to connect`; ENDPOINTS `<none>`; the pods\' LABELS say app=kubia while the Service wants app=kubai.',
        ko: '`curl: (7) Failed to connect`가 나오고 ENDPOINTS는 `<none>`입니다. 파드의 LABELS는 app=kubia인데 서비스는 app=kubai를 찾습니다.',
      },
      check: (v) => {
        const sel = service(v, 'kubia')?.spec.selector ?? {}
        if (pods(v, sel).length > 0) return fail('The Service selector still matches pods; change app: kubia to app: kubai in the Service.', '서비스 셀렉터가 아직 파드와 맞습니다. 서비스의 app: kubia를 app: kubai로 바꾸세요.')
        if (readyAddresses(v, 'kubia').length > 0) return fail('Endpoints still lists pods; wait a moment.', '엔드포인트에 아직 파드가 있습니다. 잠시 기다리세요.')
        const refused = ran(v, 'kubectl exec client', 'curl', 'kubia').find((t) => t.exitCode === 7)
        if (!refused) return fail('Curl the Service from the client pod: `kubectl exec client -- curl -sS http://kubia`.', 'client 파드에서 서비스로 curl 하세요: `kubectl exec client -- curl -sS http://kubia`.')
        const ep = lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl get ep')
        if (!ep || !/^kubia\s+<none>\s/m.test(ep.output)) return fail('Look at the Endpoints: `kubectl get endpoints kubia`.', '엔드포인트를 보세요: `kubectl get endpoints kubia`.')
        return pass({ en: 'Empty Endpoints, refused connections: compare the selector with the pod labels.', ko: '엔드포인트는 비고 연결은 거부됩니다. 셀렉터와 파드 레이블을 비교하세요.' })
      },
      hint: {
        en: 'Diagnose with `kubectl describe svc kubia` (Selector and an empty Endpoints line), `kubectl get endpoints kubia` and `kubectl get pods --show-labels`.',
        ko: '`kubectl describe svc kubia`(Selector와 비어 있는 Endpoints 줄), `kubectl get endpoints kubia`, `kubectl get pods --show-labels`로 원인을 찾으세요.',
      },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'readiness',
      title: { en: 'A readiness probe that never passes', ko: '통과하지 못하는 레디니스 프로브' },
      narration: {
        en: 'Put the selector back first. Then give the pod template a readiness probe that asks port 8081, where nothing listens. A template change only affects new pods, so delete the pods: their replacements run, but every probe is refused, they never become ready, and the Endpoints lists them only under NotReadyAddresses. Clients get the same exit code 7 as with the typo; `kubectl describe pod` tells the two apart.',
        ko: '먼저 셀렉터를 원래대로 돌려놓습니다. 그런 다음 파드 템플릿에 아무것도 듣고 있지 않은 8081번 포트를 확인하는 레디니스 프로브를 넣습니다. 템플릿을 바꿔도 새로 만들어지는 파드에만 적용되므로 파드를 삭제합니다. 대신 생긴 파드는 실행되지만 프로브가 매번 거부되어 준비 상태가 되지 못하고, 엔드포인트에는 NotReadyAddresses에만 올라갑니다. 클라이언트는 셀렉터 오타 때와 같은 종료 코드 7을 받으며, 둘의 차이는 `kubectl describe pod`로 가려낼 수 있습니다.',
      },
      actions: [
        { kind: 'edit', find: SELECTOR_TYPO, replace: SELECTOR },
        { kind: 'edit', find: TEMPLATE_PORTS, replace: BROKEN_PROBE },
        { kind: 'command', line: 'kubectl delete pods -l app=kubia' },
        { kind: 'wait', seconds: 10 },
        { kind: 'command', line: 'kubectl get pods -l app=kubia' },
        { kind: 'command', line: 'kubectl exec client -- curl -sS http://kubia' },
        { kind: 'command', line: 'kubectl describe pod $POD(app=kubia)' },
      ],
      observe: {
        en: 'READY `0/1` for the new pods; `curl: (7)`; in describe, `Readiness: http-get http://:8081/` and the warning `Readiness probe failed: … connect: connection refused`.',
        ko: '새 파드의 READY가 `0/1`이고 `curl: (7)`이 나옵니다. describe에는 `Readiness: http-get http://:8081/`과 `Readiness probe failed: … connect: connection refused` 경고가 보입니다.',
      },
      check: (v) => {
        if (service(v, 'kubia')?.spec.selector?.app !== 'kubia') return fail('Put the Service selector back to app: kubia.', '서비스 셀렉터를 app: kubia로 되돌리세요.')
        const all = pods(v, { app: 'kubia' })
        const probed = all.filter((p) => p.spec.containers.some((c) => c.readinessProbe !== undefined))
        if (probed.length === 0) return fail('No kubia pod has the readiness probe yet: add it to the template and delete the pods.', '아직 레디니스 프로브가 있는 kubia 파드가 없습니다. 템플릿에 추가하고 파드를 삭제하세요.')
        if (readyPods(all).length > 0 || readyAddresses(v, 'kubia').length > 0) return fail('Some kubia pod is still ready; delete the old pods so only probed ones remain.', '아직 준비된 kubia 파드가 있습니다. 예전 파드를 삭제해 프로브가 있는 파드만 남기세요.')
        if (notReadyAddresses(v, 'kubia').length === 0) return fail('The probed pods should be listed under NotReadyAddresses.', '프로브가 있는 파드는 NotReadyAddresses에 있어야 합니다.')
        const refused = ran(v, 'kubectl exec client', 'curl', 'kubia').find((t) => t.exitCode === 7)
        if (!refused) return fail('Curl the Service from the client pod: `kubectl exec client -- curl -sS http://kubia`.', 'client 파드에서 서비스로 curl 하세요: `kubectl exec client -- curl -sS http://kubia`.')
        const desc = lastCommand(v, 'kubectl describe pod') ?? lastCommand(v, 'kubectl describe pods')
        if (!desc?.output.includes('Readiness probe failed')) return fail('Describe one of the new pods and find the probe events.', '새 파드 하나를 describe 해서 프로브 이벤트를 찾으세요.')
        return pass({ en: 'The pods run but are never ready: the probe asks the wrong port.', ko: '파드는 실행 중이지만 준비되지 않습니다. 프로브가 엉뚱한 포트를 확인합니다.' })
      },
      hint: {
        en: 'Diagnose with `kubectl get pods` (READY 0/1), `kubectl describe endpoints kubia` (NotReadyAddresses) and `kubectl describe pod <name>` (the Readiness line and Unhealthy events).',
        ko: '`kubectl get pods`(READY 0/1), `kubectl describe endpoints kubia`(NotReadyAddresses), `kubectl describe pod <이름>`(Readiness 줄과 Unhealthy 이벤트)으로 원인을 찾으세요.',
      },
      speakerNotes: {
        en: 'Ask: the app is up and would answer on 8080. Why does no request reach it? (The Service only sends to ready pods, and readiness is decided by the probe, not by the app.)',
        ko: '질문: 앱은 떠 있고 8080번 포트로 응답할 수 있습니다. 그런데 왜 요청이 하나도 닿지 않을까요? (서비스는 준비된 파드로만 보내고, 준비 여부는 앱이 아니라 프로브가 정합니다.)',
      },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'localhost-bind',
      title: { en: 'An app that listens on localhost only', ko: 'localhost에서만 듣는 앱' },
      narration: {
        en: 'Deploy one more app: Python\'s built-in web server started with --bind 127.0.0.1, behind a Service of its own. A socket bound to 127.0.0.1 accepts only connections addressed to the loopback interface, and that interface exists inside the pod\'s own network namespace and nowhere else. kube-proxy forwards the Service traffic to the pod IP on port 8080 as usual, but no socket is bound to that address, so the kernel answers with a reset and curl fails at once with exit code 7. Inside the pod, curl localhost:8080 gets the directory listing: the app works, it just listens on the wrong address.',
        ko: '파이썬에 내장된 웹 서버를 --bind 127.0.0.1 옵션으로 실행하는 앱과 그 앱의 서비스를 하나 더 배포합니다. 127.0.0.1에 바인드된 소켓은 루프백 주소로 오는 연결만 받는데, 루프백 인터페이스는 파드 자신의 네트워크 네임스페이스 안에만 있습니다. kube-proxy는 여느 때처럼 서비스 트래픽을 파드 IP의 8080번 포트로 넘기지만 그 주소에 바인드된 소켓이 없으므로 커널이 RST로 연결을 끊고, curl은 곧바로 종료 코드 7로 실패합니다. 파드 안에서 curl localhost:8080을 실행하면 디렉터리 목록이 나오니, 앱은 정상이고 듣는 주소만 잘못된 것입니다.',
      },
      actions: [
        { kind: 'append', yaml: LOCALHOST_APP },
        { kind: 'wait', seconds: 5 },
        { kind: 'command', line: 'kubectl exec client -- curl -sS http://web' },
        { kind: 'command', line: 'kubectl get endpoints web' },
        { kind: 'command', line: 'kubectl exec web -- curl -s localhost:8080' },
      ],
      observe: {
        en: 'From the client, `curl: (7) Failed to connect to web port 80 …`, yet `kubectl get endpoints web` lists the pod on port 8080. Inside the pod, the "Directory listing for /" page. "Why no response?" on the failed request points at the pod\'s command.',
        ko: 'client에서는 `curl: (7) Failed to connect to web port 80 …`이 나오는데도 `kubectl get endpoints web`에는 파드가 8080번 포트로 올라 있습니다. 파드 안에서는 "Directory listing for /" 페이지가 나옵니다. 실패한 요청에서 "왜 응답이 없나요?"를 열면 파드의 command를 가리킵니다.',
      },
      check: (v) => {
        const web = find<PodObj>(v, 'Pod', 'web')
        if (!web || !service(v, 'web')) return fail('Add the pod web (python:3 with --bind 127.0.0.1) and the Service web to the editor.', '편집기에 파드 web(--bind 127.0.0.1을 준 python:3)과 서비스 web을 추가하세요.')
        if (!(web.spec.containers[0]?.command ?? []).includes('127.0.0.1')) return fail('The pod web should start its server with --bind 127.0.0.1.', '파드 web은 --bind 127.0.0.1로 서버를 띄워야 합니다.')
        if (readyAddresses(v, 'web').length === 0) return fail('Wait until the pod web runs and the Service lists it as an endpoint.', '파드 web이 실행되어 서비스의 엔드포인트에 올라올 때까지 기다리세요.')
        const refused = ran(v, 'kubectl exec client', 'curl', 'web').find((t) => t.exitCode === 7)
        if (!refused) return fail('Curl the Service from the client pod: `kubectl exec client -- curl -sS http://web`; it should be refused (exit code 7).', 'client 파드에서 서비스로 curl 하세요: `kubectl exec client -- curl -sS http://web`. 연결이 거부되어야 합니다(종료 코드 7).')
        if (!refused.traces.some((tr) => tr.hops.some((h) => h.kind === 'reject' && h.at.kind === 'pod' && h.at.name === 'web'))) return fail('The refused connection should reach the pod web and be reset there.', '거부된 연결은 파드 web까지 가서 그곳에서 끊겨야 합니다.')
        const ep = lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl get ep')
        if (!ep || !/^web\s+\d+\.\d+\.\d+\.\d+:8080\s/m.test(ep.output)) return fail('Look at the endpoints: `kubectl get endpoints web` still lists the pod.', '엔드포인트를 보세요: `kubectl get endpoints web`에는 파드가 그대로 있습니다.')
        const inside = ran(v, 'kubectl exec web', 'curl', 'localhost:8080').find((t) => t.exitCode === 0 && t.output.includes('Directory listing for /'))
        if (!inside) return fail('Now ask from inside the pod: `kubectl exec web -- curl -s localhost:8080`.', '이제 파드 안에서 물어보세요: `kubectl exec web -- curl -s localhost:8080`.')
        return pass({ en: 'Refused at the pod IP, answered on localhost: the app listens on 127.0.0.1 only.', ko: '파드 IP로는 거부되고 localhost로는 응답합니다. 앱이 127.0.0.1에서만 듣고 있습니다.' })
      },
      hint: {
        en: 'The selector and the endpoints are fine, so look at the app itself: `kubectl describe pod web` shows its Command with `--bind 127.0.0.1`, and `kubectl exec web -- curl -s localhost:8080` shows it answering inside the pod. Without the --bind option (or with --bind 0.0.0.0) it serves the pod IP too.',
        ko: '셀렉터와 엔드포인트에는 문제가 없으니 앱 자체를 보세요. `kubectl describe pod web`의 Command에 `--bind 127.0.0.1`이 보이고, `kubectl exec web -- curl -s localhost:8080`으로 파드 안에서는 응답한다는 것을 확인할 수 있습니다. --bind 옵션을 빼거나 --bind 0.0.0.0으로 바꾸면 파드 IP로도 응답합니다.',
      },
      speakerNotes: {
        en: 'Ask: this pod has no readiness probe, so it is an endpoint. What would an httpGet readiness probe on port 8080 report? (Connection refused: the kubelet connects to the pod IP as well, so the pod would never become ready and the Service would have no endpoint at all.)',
        ko: '질문: 이 파드에는 레디니스 프로브가 없어서 엔드포인트에 들어 있습니다. 8080번 포트에 httpGet 레디니스 프로브를 달면 어떻게 될까요? (kubelet도 파드 IP로 접속하므로 connection refused가 나고, 파드는 끝내 준비되지 않아 서비스에는 엔드포인트가 하나도 남지 않습니다.)',
      },
      focus: ['Pod/default/client', 'Service/default/web', 'Pod/default/web'],
    },
  ],
}

/**
 * Lesson 11 (chapter section 11): a headless Service (clusterIP: None) gets no virtual IP and no
 * kube-proxy rules; cluster DNS answers its name with one A record per ready pod, so clients
 * connect to pods directly. publishNotReadyAddresses publishes the pods that are not ready too.
 */
import type { Lesson, LessonView, TerminalRecord } from '../../lessons/types.ts'
import type { PodObj } from '../../engine/model/k8s.ts'
import { fail, lastCommand, pass, pods, readyAddresses, readyPods, service } from '../../lessons/checks.ts'

/** The addresses an nslookup printed in its answer (the `Address:` lines after `Name:`, not the server's). */
function answerAddresses(t: TerminalRecord | undefined): string[] {
  if (!t) return []
  const out: string[] = []
  let inAnswer = false
  for (const line of t.output.split('\n')) {
    if (line.startsWith('Name:')) inAnswer = true
    const m = /^Address:\s+(\d+\.\d+\.\d+\.\d+)$/.exec(line)
    if (inAnswer && m) out.push(m[1]!)
  }
  return out.sort()
}

/** The last nslookup of `name` this step ran (in the dnsutils pod). */
function nslookup(v: LessonView, name: string): TerminalRecord | undefined {
  for (let i = v.terminal.length - 1; i >= 0; i--) {
    const t = v.terminal[i]!
    if (t.line.includes('nslookup') && new RegExp(`nslookup\\s+${name}(\\s|$|\\.)`).test(t.line)) return t
  }
  return undefined
}

const podIPs = (list: readonly PodObj[]): string[] => list.map((p) => p.status?.podIP ?? '').filter((ip) => ip !== '').sort()

/** All kubia pods that are running (ready or not). */
const kubia = (v: LessonView): PodObj[] => pods(v, { app: 'kubia' })

export const headlessLesson: Lesson = {
  id: 'headless',
  section: 11,
  title: { en: 'Headless services', ko: '헤드리스 서비스' },
  summary: {
    en: 'A Service with clusterIP: None has no virtual IP: DNS hands out the ready pods\' own addresses, clients connect to them directly, and publishNotReadyAddresses adds the pods that are not ready.',
    ko: 'clusterIP: None인 서비스에는 가상 IP가 없습니다. DNS가 준비된 파드의 주소를 그대로 알려 주고, 클라이언트는 그 파드에 직접 연결하며, publishNotReadyAddresses는 준비되지 않은 파드까지 알려 줍니다.',
  },
  scenario: 'headless.yaml',
  steps: [
    {
      id: 'no-cluster-ip',
      title: { en: 'A Service without a ClusterIP', ko: 'ClusterIP가 없는 서비스' },
      narration: {
        en: 'Both Services in the editor set `clusterIP: None`. The API server allocates no virtual IP for them and kube-proxy writes no rules for them. The endpoints controller still tracks the pods their selector matches, and that list is what DNS will hand out. The kubia pods have a readiness probe (`ls /var/ready`) and none of them is ready yet.',
        ko: '편집기의 두 서비스는 모두 `clusterIP: None`으로 설정되어 있습니다. API 서버는 이들에게 가상 IP를 배정하지 않고, kube-proxy도 규칙을 만들지 않습니다. 그래도 엔드포인트 컨트롤러는 셀렉터에 맞는 파드를 계속 추적하며, DNS가 알려 줄 주소가 바로 이 목록입니다. kubia 파드에는 레디니스 프로브(`ls /var/ready`)가 있고 아직 준비된 파드는 없습니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl get svc' },
        { kind: 'command', line: 'kubectl get endpoints kubia-headless' },
      ],
      observe: {
        en: 'CLUSTER-IP `None` for kubia-headless and kubia-all; kubia-headless has no endpoints while no pod is ready.',
        ko: 'kubia-headless와 kubia-all의 CLUSTER-IP가 `None`입니다. 준비된 파드가 없는 동안 kubia-headless에는 엔드포인트가 없습니다.',
      },
      check: (v) => {
        if (service(v, 'kubia-headless')?.spec.clusterIP !== 'None') return fail('kubia-headless should have clusterIP None.', 'kubia-headless의 clusterIP는 None이어야 합니다.')
        const get = lastCommand(v, 'kubectl get svc') ?? lastCommand(v, 'kubectl get services')
        if (!get || !/^kubia-headless\s+ClusterIP\s+None\s/m.test(get.output)) return fail('List the Services with `kubectl get svc` and find CLUSTER-IP None.', '`kubectl get svc`로 서비스를 보고 CLUSTER-IP가 None인 것을 찾으세요.')
        const ep = lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl get ep')
        if (!ep?.output.includes('kubia-headless')) return fail('Look at its Endpoints: `kubectl get endpoints kubia-headless`.', '엔드포인트를 보세요: `kubectl get endpoints kubia-headless`.')
        return pass()
      },
      hint: { en: '`kubectl get svc`, then `kubectl get endpoints kubia-headless`.', ko: '`kubectl get svc`를 실행한 다음 `kubectl get endpoints kubia-headless`를 실행하세요.' },
      focus: ['Service/default/kubia-headless', 'Service/default/kubia-all'],
    },
    {
      id: 'a-records',
      title: { en: 'One A record per ready pod', ko: '준비된 파드마다 A 레코드 하나' },
      narration: {
        en: 'Make two of the three pods ready, then ask DNS from the dnsutils pod (started like `kubectl run dnsutils --image=tutum/dnsutils --restart=Never --command -- sleep infinity`; the scenario already has it). For a headless Service CoreDNS answers the name with one A record per ready endpoint: the pods\' own IPs. The pod that is still not ready is left out.',
        ko: '파드 세 개 중 두 개를 준비 상태로 만든 뒤, dnsutils 파드에서 DNS에 물어봅니다(이 파드는 `kubectl run dnsutils --image=tutum/dnsutils --restart=Never --command -- sleep infinity`로 띄우는 것과 같으며, 시나리오에 이미 있습니다). 헤드리스 서비스의 이름에 대해 CoreDNS는 준비된 엔드포인트마다 A 레코드를 하나씩, 즉 파드 자신의 IP로 답합니다. 아직 준비되지 않은 파드는 빠집니다.',
      },
      actions: [
        // The first two kubia pods by name.
        { kind: 'command', line: 'kubectl exec $POD(app=kubia#1) -- touch /var/ready' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia#2) -- touch /var/ready' },
        { kind: 'wait', seconds: 10 },
        { kind: 'command', line: 'kubectl exec dnsutils -- nslookup kubia-headless' },
      ],
      observe: {
        en: 'Two `Name: kubia-headless.default.svc.cluster.local` entries, each with a pod IP (10.244.…), not an address from the service range.',
        ko: '`Name: kubia-headless.default.svc.cluster.local` 항목 두 개가 나오고, 각각 서비스 대역이 아니라 파드 IP(10.244.…)입니다.',
      },
      check: (v) => {
        const ready = podIPs(readyPods(kubia(v)))
        if (ready.length < 2) return fail(`${ready.length} kubia pod(s) are ready; touch /var/ready in two pods and wait a probe period.`, `준비된 kubia 파드가 ${ready.length}개입니다. 파드 두 개에 /var/ready를 만들고 프로브 한 주기를 기다리세요.`)
        const got = answerAddresses(nslookup(v, 'kubia-headless'))
        if (got.length === 0) return fail('Ask DNS: `kubectl exec dnsutils -- nslookup kubia-headless`.', 'DNS에 물어보세요: `kubectl exec dnsutils -- nslookup kubia-headless`.')
        if (got.join() !== ready.join()) return fail(`DNS answered ${got.join(', ')}; the ready pods are ${ready.join(', ')}.`, `DNS는 ${got.join(', ')}로 답했습니다. 준비된 파드는 ${ready.join(', ')}입니다.`)
        return pass({ en: `${got.length} A records, one per ready pod.`, ko: `준비된 파드마다 하나씩, A 레코드 ${got.length}개입니다.` })
      },
      hint: {
        en: '`kubectl exec <pod> -- touch /var/ready` for two kubia pods, wait about 10 seconds, then `kubectl exec dnsutils -- nslookup kubia-headless`.',
        ko: 'kubia 파드 두 개에 `kubectl exec <파드> -- touch /var/ready`를 실행하고 10초쯤 기다린 뒤 `kubectl exec dnsutils -- nslookup kubia-headless`를 실행하세요.',
      },
      focus: ['Pod/default/dnsutils', 'Pod/app=kubia', 'Service/kube-system/kube-dns'],
    },
    {
      id: 'normal-service',
      title: { en: 'Compare: a normal Service', ko: '비교: 일반 서비스' },
      narration: {
        en: 'Expose the same pods through an ordinary Service named kubia. Its name resolves to exactly one address, the ClusterIP, however many pods stand behind it; which pod answers is decided later, per connection, by kube-proxy\'s rules on the sending node.',
        ko: '같은 파드들을 kubia라는 일반 서비스로 노출합니다. 이 이름은 뒤에 파드가 몇 개 있든 ClusterIP 하나로만 풀립니다. 어느 파드가 응답할지는 그 뒤에, 연결마다 보내는 쪽 노드의 kube-proxy 규칙이 정합니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl expose rc kubia --name=kubia --port=80 --target-port=8080' },
        { kind: 'command', line: 'kubectl exec dnsutils -- nslookup kubia' },
      ],
      observe: { en: 'One `Address:` line with the new Service\'s ClusterIP.', ko: '새 서비스의 ClusterIP가 적힌 `Address:` 줄 하나만 나옵니다.' },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP
        if (!ip || ip === 'None') return fail('Create the Service kubia: `kubectl expose rc kubia --name=kubia --port=80 --target-port=8080`.', 'kubia 서비스를 만드세요: `kubectl expose rc kubia --name=kubia --port=80 --target-port=8080`.')
        const got = answerAddresses(nslookup(v, 'kubia'))
        if (got.join() !== ip) return fail(`nslookup kubia should answer only ${ip}${got.length ? `, not ${got.join(', ')}` : ''}.`, `nslookup kubia는 ${ip} 하나로만 답해야 합니다${got.length ? ` (받은 답: ${got.join(', ')})` : ''}.`)
        return pass({ en: `kubia → ${ip}, one virtual IP.`, ko: `kubia → ${ip}, 가상 IP 하나입니다.` })
      },
      hint: {
        en: '`kubectl expose rc kubia --name=kubia --port=80 --target-port=8080`, then `kubectl exec dnsutils -- nslookup kubia`.',
        ko: '`kubectl expose rc kubia --name=kubia --port=80 --target-port=8080`을 실행한 뒤 `kubectl exec dnsutils -- nslookup kubia`를 실행하세요.',
      },
      focus: ['Service/default/kubia', 'Service/default/kubia-headless'],
    },
    {
      id: 'straight-to-pods',
      title: { en: 'Clients connect straight to pods', ko: '클라이언트가 파드에 직접 연결한다' },
      narration: {
        en: 'Start a client pod with curl and call kubia-headless. The name resolves to a pod IP and curl connects to it directly: no DNAT happens anywhere, because there are no proxy rules for this Service. That also means nothing translates the Service port: the request must use the pod\'s own port 8080, and port 80 is refused by the pod.',
        ko: 'curl이 있는 클라이언트 파드를 띄우고 kubia-headless를 호출합니다. 이름이 파드 IP로 풀리고 curl은 그 파드에 직접 연결합니다. 이 서비스에는 프록시 규칙이 없으므로 어디에서도 DNAT가 일어나지 않습니다. 그 말은 서비스 포트를 바꿔 주는 것도 없다는 뜻이라, 요청은 파드 자신의 포트 8080을 써야 하고 80번 포트는 파드가 거부합니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl run client --image=curlimages/curl --restart=Never --command -- sleep infinity' },
        { kind: 'command', line: 'kubectl exec client -- curl -s http://kubia-headless:8080' },
        { kind: 'command', line: 'kubectl exec client -- curl -sS http://kubia-headless' },
      ],
      observe: {
        en: '"You\'ve hit kubia-…" on port 8080, with no DNAT badge on the diagram; on port 80, `curl: (7) Failed to connect`.',
        ko: '8080번 포트로는 "You\'ve hit kubia-…"가 나오고 다이어그램에 DNAT 표시가 없습니다. 80번 포트로는 `curl: (7) Failed to connect`가 나옵니다.',
      },
      check: (v) => {
        const ok = v.terminal.find((t) => t.line.includes('curl') && t.line.includes('kubia-headless:8080') && t.exitCode === 0)
        const tr = ok?.traces.find((x) => x.outcome === 'delivered' && x.pod?.startsWith('default/kubia-'))
        if (!tr) return fail('From a client pod, curl http://kubia-headless:8080.', '클라이언트 파드에서 http://kubia-headless:8080으로 curl 하세요.')
        if (tr.hops.some((h) => h.kind === 'dnat')) return fail('The request was DNATed; it should go straight to the pod.', '요청이 DNAT 되었습니다. 파드로 바로 가야 합니다.')
        const dst = tr.hops[0]?.before.dst ?? '-'
        if (!readyAddresses(v, 'kubia-headless').includes(dst)) return fail(`curl connected to ${dst}, which is not a ready pod of kubia-headless.`, `curl이 kubia-headless의 준비된 파드가 아닌 ${dst}에 연결했습니다.`)
        const port80 = v.terminal.find((t) => t.line.includes('curl') && /kubia-headless(\/|\s|$)/.test(t.line) && !t.line.includes(':8080'))
        if (!port80 || port80.exitCode !== 7) return fail('Try port 80 as well (`curl -sS http://kubia-headless`): it should be refused.', '80번 포트도 시도해 보세요(`curl -sS http://kubia-headless`). 연결이 거부되어야 합니다.')
        return pass({ en: `curl went straight to ${dst}:8080; port 80 was refused.`, ko: `curl은 ${dst}:8080으로 바로 갔고, 80번 포트는 거부되었습니다.` })
      },
      hint: {
        en: '`kubectl run client --image=curlimages/curl --restart=Never --command -- sleep infinity`, then `kubectl exec client -- curl -s http://kubia-headless:8080` and `kubectl exec client -- curl -sS http://kubia-headless`.',
        ko: '`kubectl run client --image=curlimages/curl --restart=Never --command -- sleep infinity`을 실행한 뒤 `kubectl exec client -- curl -s http://kubia-headless:8080`과 `kubectl exec client -- curl -sS http://kubia-headless`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: with a headless Service, who balances the load? (The client: it picks among the addresses DNS returned, and many resolvers simply take the first.)',
        ko: '질문: 헤드리스 서비스에서는 누가 부하를 나눌까요? (클라이언트입니다. DNS가 준 주소 가운데서 고르며, 많은 리졸버는 그냥 첫 번째 주소를 씁니다.)',
      },
      focus: ['Pod/run=client', 'Pod/app=kubia'],
    },
    {
      id: 'publish-not-ready',
      title: { en: 'publishNotReadyAddresses', ko: 'publishNotReadyAddresses' },
      narration: {
        en: 'kubia-all selects the same pods but sets `publishNotReadyAddresses: true`. The EndpointSlice controller then marks every selected pod as ready, whatever its probe says, so DNS returns all three IPs, including the pod that is still not ready. This is meant for peers that must find each other before they are ready, such as members of a clustered database.',
        ko: 'kubia-all은 같은 파드를 고르지만 `publishNotReadyAddresses: true`가 설정되어 있습니다. 그러면 엔드포인트슬라이스 컨트롤러가 프로브 결과와 상관없이 고른 파드를 모두 준비된 것으로 표시하므로, DNS는 아직 준비되지 않은 파드까지 IP 세 개를 모두 돌려줍니다. 준비되기 전에 서로를 찾아야 하는 피어, 예를 들어 클러스터형 데이터베이스의 멤버들을 위한 설정입니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl exec dnsutils -- nslookup kubia-all' },
        { kind: 'command', line: 'kubectl get endpoints kubia-all' },
      ],
      observe: {
        en: 'Three A records for kubia-all versus two for kubia-headless; the extra one is the pod whose READY is still 0/1.',
        ko: 'kubia-headless는 A 레코드가 두 개인데 kubia-all은 세 개입니다. 하나 더 있는 것은 READY가 아직 0/1인 파드입니다.',
      },
      check: (v) => {
        const all = kubia(v)
        const notReady = podIPs(all.filter((p) => !readyPods([p]).length))
        if (notReady.length === 0) return fail('This step needs a kubia pod that is not ready.', '이 단계에는 준비되지 않은 kubia 파드가 필요합니다.')
        const got = answerAddresses(nslookup(v, 'kubia-all'))
        if (got.join() !== podIPs(all).join()) return fail(`nslookup kubia-all should return all ${all.length} pod IPs${got.length ? `; it returned ${got.join(', ')}` : ''}.`, `nslookup kubia-all은 파드 IP ${all.length}개를 모두 돌려줘야 합니다${got.length ? `. 받은 답: ${got.join(', ')}` : ''}.`)
        const ep = lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl get ep')
        if (!ep || !notReady.every((ip) => ep.output.includes(`${ip}:8080`))) return fail('Look at its Endpoints: `kubectl get endpoints kubia-all`.', '엔드포인트를 보세요: `kubectl get endpoints kubia-all`.')
        return pass({ en: `${notReady.join(', ')} is published although not ready.`, ko: `${notReady.join(', ')}은(는) 준비되지 않았지만 공개됩니다.` })
      },
      hint: {
        en: '`kubectl exec dnsutils -- nslookup kubia-all`, then `kubectl get endpoints kubia-all`.',
        ko: '`kubectl exec dnsutils -- nslookup kubia-all`을 실행한 다음 `kubectl get endpoints kubia-all`을 실행하세요.',
      },
      focus: ['Service/default/kubia-all', 'Pod/app=kubia'],
    },
  ],
}

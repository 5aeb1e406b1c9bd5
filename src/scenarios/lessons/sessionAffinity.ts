/**
 * Lesson 3 (chapter section 3): `sessionAffinity: ClientIP` pins every new connection from one
 * client IP to one pod (for `timeoutSeconds`, 10800 by default); `None` and `ClientIP` are the only
 * values, because a Service works at L4 and never reads a cookie.
 */
import type { Lesson, LessonView } from '../../lessons/types.ts'
import { fail, lastCommand, pass, service } from '../../lessons/checks.ts'

/**
 * Which pods each source address reached in this step, by the traces of requests and terminal
 * commands that a kubia pod answered (the client pod's DNS queries are left out).
 */
function podsBySource(v: LessonView): Map<string, { pods: Set<string>; count: number }> {
  const out = new Map<string, { pods: Set<string>; count: number }>()
  const traces = [...v.results.map((r) => r.trace), ...v.terminal.flatMap((t) => t.traces)]
  for (const t of traces) {
    const src = t.hops[0]?.before.src
    if (t.outcome !== 'delivered' || !t.pod?.startsWith('default/kubia-') || src === undefined) continue
    const e = out.get(src) ?? { pods: new Set<string>(), count: 0 }
    e.pods.add(t.pod)
    e.count++
    out.set(src, e)
  }
  return out
}

const affinityOf = (v: LessonView): string => service(v, 'kubia')?.spec.sessionAffinity ?? 'None'

export const sessionAffinityLesson: Lesson = {
  id: 'session-affinity',
  section: 3,
  title: { en: 'Session affinity', ko: '세션 어피니티' },
  summary: {
    en: 'Turn on sessionAffinity: ClientIP and watch one client stick to one pod; see why there is no cookie affinity on a Service.',
    ko: 'sessionAffinity: ClientIP를 켜고 한 클라이언트가 한 파드에 붙는 모습을 봅니다. 서비스에 쿠키 기반 어피니티가 없는 이유도 알아봅니다.',
  },
  scenario: 'kubia-clusterip.yaml',
  steps: [
    {
      id: 'spread',
      title: { en: 'Without affinity: any pod, every time', ko: '어피니티가 없으면: 매번 아무 파드나' },
      narration: {
        en: 'The Service starts with the default sessionAffinity: None. Every new connection is a fresh random pick among the endpoints, even when it comes from the same client pod a moment after the last one.',
        ko: '서비스는 기본값인 sessionAffinity: None으로 시작합니다. 같은 클라이언트 파드가 방금 전에 연결했더라도, 새 연결마다 엔드포인트 중에서 새로 무작위로 고릅니다.',
      },
      actions: [{ kind: 'send', from: '$POD(app=kubia)', url: 'http://$CLUSTERIP(kubia)', times: 6 }],
      observe: {
        en: 'Six requests from one pod; the answers name more than one pod.',
        ko: '한 파드에서 요청을 여섯 번 보냅니다. 응답에 여러 파드 이름이 나옵니다.',
      },
      check: (v) => {
        if (affinityOf(v) !== 'None') return fail('This step needs the Service with sessionAffinity: None.', '이 단계는 sessionAffinity: None인 서비스가 필요합니다.')
        const spread = [...podsBySource(v).values()].find((e) => e.pods.size >= 2)
        if (!spread) return fail('Send several requests from one pod until two different pods answer.', '서로 다른 두 파드가 응답할 때까지 한 파드에서 요청을 여러 번 보내세요.')
        return pass({ en: `One client reached ${spread.pods.size} pods.`, ko: `한 클라이언트가 파드 ${spread.pods.size}개에 닿았습니다.` })
      },
      hint: {
        en: 'Repeat `kubectl exec <pod> -- curl -s http://<ClusterIP>` a few times, or send 6 requests from a kubia pod.',
        ko: '`kubectl exec <파드> -- curl -s http://<ClusterIP>`를 몇 번 반복하거나, kubia 파드에서 요청을 6번 보내세요.',
      },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'client-ip',
      title: { en: 'Set sessionAffinity: ClientIP', ko: 'sessionAffinity: ClientIP 설정하기' },
      narration: {
        en: 'Add `sessionAffinity: ClientIP` to the Service spec. The API server fills in the timeout, and kube-proxy rewrites its rules: ahead of the random choice it now checks whether this source address already went to an endpoint recently, and if so sends it there again.',
        ko: '서비스 spec에 `sessionAffinity: ClientIP`를 추가합니다. API 서버가 타임아웃 값을 채워 넣고, kube-proxy는 규칙을 다시 씁니다. 이제 무작위로 고르기 전에, 이 출발지 주소가 최근에 어느 엔드포인트로 갔는지 먼저 확인하고 그렇다면 같은 곳으로 다시 보냅니다.',
      },
      actions: [{ kind: 'edit', find: 'spec:\n  ports:\n    - port: 80', replace: 'spec:\n  sessionAffinity: ClientIP\n  ports:\n    - port: 80' }],
      observe: {
        en: 'The new line in the Service YAML; the ClusterIP on the diagram stays the same, because the Service was updated, not recreated.',
        ko: '서비스 YAML에 새 줄이 생깁니다. 서비스를 다시 만든 것이 아니라 갱신했으므로 다이어그램의 ClusterIP는 그대로입니다.',
      },
      check: (v) => {
        if (affinityOf(v) !== 'ClientIP') return fail('The Service kubia still has sessionAffinity: None.', 'kubia 서비스는 아직 sessionAffinity: None입니다.')
        return pass()
      },
      hint: {
        en: 'In the editor, under the Service\'s `spec:`, add the line `  sessionAffinity: ClientIP`.',
        ko: '편집기에서 서비스의 `spec:` 아래에 `  sessionAffinity: ClientIP` 줄을 추가하세요.',
      },
      focus: ['Service/default/kubia'],
    },
    {
      id: 'sticky',
      title: { en: 'One client, one pod', ko: '한 클라이언트에는 한 파드' },
      narration: {
        en: 'Send the same six requests again. The first connection is still a random pick, but kube-proxy records the source address with the endpoint it chose, and every later connection from that address goes to the same pod. A different client, such as a node, gets its own pick and sticks to it.',
        ko: '같은 요청 여섯 번을 다시 보냅니다. 첫 연결은 여전히 무작위로 고르지만, kube-proxy는 출발지 주소와 고른 엔드포인트를 기록해 두고, 그 주소에서 오는 이후 연결은 모두 같은 파드로 보냅니다. 노드 같은 다른 클라이언트는 따로 고른 파드에 붙습니다.',
      },
      actions: [
        { kind: 'send', from: '$POD(app=kubia)', url: 'http://$CLUSTERIP(kubia)', times: 6 },
        { kind: 'send', from: 'kind-worker', url: 'http://$CLUSTERIP(kubia)', times: 6 },
      ],
      observe: {
        en: 'All six answers from the pod name the same pod; the node\'s six answers agree with each other too.',
        ko: '파드에서 보낸 여섯 번의 응답이 모두 같은 파드 이름이고, 노드에서 보낸 여섯 번의 응답도 서로 같습니다.',
      },
      check: (v) => {
        if (affinityOf(v) !== 'ClientIP') return fail('Set sessionAffinity: ClientIP first.', '먼저 sessionAffinity: ClientIP를 설정하세요.')
        const groups = [...podsBySource(v).entries()]
        const loose = groups.find(([, e]) => e.pods.size > 1)
        if (loose) return fail(`Requests from ${loose[0]} reached ${loose[1].pods.size} pods.`, `${loose[0]}에서 보낸 요청이 파드 ${loose[1].pods.size}개에 닿았습니다.`)
        const busy = groups.find(([, e]) => e.count >= 5)
        if (!busy) return fail('Send at least five requests from one client.', '한 클라이언트에서 요청을 다섯 번 이상 보내세요.')
        const [src, e] = busy
        const pod = [...e.pods][0]!.split('/')[1]
        return pass({ en: `All ${e.count} requests from ${src} went to ${pod}.`, ko: `${src}에서 보낸 요청 ${e.count}개가 모두 ${pod}(으)로 갔습니다.` })
      },
      hint: {
        en: 'Repeat `kubectl exec <pod> -- curl -s http://<ClusterIP>` five times: the same pod name every time.',
        ko: '`kubectl exec <파드> -- curl -s http://<ClusterIP>`를 다섯 번 반복하세요. 매번 같은 파드 이름이 나옵니다.',
      },
      speakerNotes: {
        en: 'Ask: if every client sits behind one NAT gateway, what does ClientIP affinity do to the load? (All of it lands on one pod.)',
        ko: '질문: 모든 클라이언트가 NAT 게이트웨이 하나 뒤에 있다면 ClientIP 어피니티는 부하를 어떻게 만들까요? (전부 한 파드로 갑니다.)',
      },
      focus: ['Service/default/kubia', 'Pod/app=kubia', 'Node/kind-worker'],
    },
    {
      id: 'timeout',
      title: { en: 'How long a client sticks', ko: '클라이언트가 붙어 있는 시간' },
      narration: {
        en: 'Affinity is not forever. The API server defaulted `sessionAffinityConfig.clientIP.timeoutSeconds` to 10800 seconds, three hours, and kube-proxy writes that number into its rules; once it runs out, the next connection from that client is a fresh random pick. You may set it yourself, up to 86400 seconds.',
        ko: '어피니티는 영원하지 않습니다. API 서버가 `sessionAffinityConfig.clientIP.timeoutSeconds`를 기본값 10800초(3시간)로 채웠고, kube-proxy는 이 값을 규칙에 그대로 적어 둡니다. 시간이 지나면 그 클라이언트의 다음 연결은 다시 무작위로 고릅니다. 직접 지정할 수도 있으며, 최대 86400초까지 가능합니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl get svc kubia -o yaml' }],
      observe: {
        en: '`sessionAffinity: ClientIP` and, below it, `sessionAffinityConfig` with `timeoutSeconds: 10800` — a field you never wrote.',
        ko: '`sessionAffinity: ClientIP`와 그 아래 `timeoutSeconds: 10800`이 들어 있는 `sessionAffinityConfig`를 보세요. 직접 쓴 적 없는 필드입니다.',
      },
      check: (v) => {
        const timeout = service(v, 'kubia')?.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds
        if (timeout === undefined) return fail('The Service has no affinity timeout; is sessionAffinity ClientIP?', '서비스에 어피니티 타임아웃이 없습니다. sessionAffinity가 ClientIP인가요?')
        const out = lastCommand(v, 'kubectl get svc') ?? lastCommand(v, 'kubectl get service')
        if (!out?.output.includes(`timeoutSeconds: ${timeout}`)) return fail('Print the Service as YAML and find timeoutSeconds.', '서비스를 YAML로 출력해 timeoutSeconds를 찾아보세요.')
        return pass({ en: `The affinity lasts ${timeout} seconds.`, ko: `어피니티는 ${timeout}초 동안 유지됩니다.` })
      },
      hint: { en: '`kubectl get svc kubia -o yaml`', ko: '`kubectl get svc kubia -o yaml`' },
      focus: ['Service/default/kubia'],
    },
    {
      id: 'no-cookie',
      title: { en: 'No cookie affinity at L4', ko: 'L4에는 쿠키 어피니티가 없다' },
      narration: {
        en: 'A Service works at L4: kube-proxy\'s rules see addresses, ports and the protocol, never the HTTP bytes inside, so they cannot read a cookie. That is why None and ClientIP are the only values. Ask for Cookie and kubectl refuses before anything reaches the API server; type it in the editor and the API server\'s validation rejects it, while the running Service keeps ClientIP. Cookie-based stickiness belongs to an L7 proxy such as an Ingress controller.',
        ko: '서비스는 L4에서 동작합니다. kube-proxy 규칙은 주소, 포트, 프로토콜만 볼 뿐 그 안의 HTTP 바이트는 보지 않으므로 쿠키를 읽을 수 없습니다. 그래서 값은 None과 ClientIP 두 가지뿐입니다. Cookie를 요청하면 kubectl이 API 서버에 보내기도 전에 거부하고, 편집기에 입력하면 API 서버의 검증이 거부하며, 실행 중인 서비스는 ClientIP를 유지합니다. 쿠키 기반 고정은 인그레스 컨트롤러 같은 L7 프록시의 몫입니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl expose rc kubia --name=kubia-cookie --port=80 --target-port=8080 --session-affinity=Cookie' }],
      observe: {
        en: 'kubectl\'s `error: unknown session affinity: Cookie`, and no new Service. In the editor, `sessionAffinity: Cookie` is marked with `Unsupported value: "Cookie": supported values: "ClientIP", "None"`.',
        ko: 'kubectl의 `error: unknown session affinity: Cookie`가 나오고 새 서비스는 생기지 않습니다. 편집기에 `sessionAffinity: Cookie`를 쓰면 `Unsupported value: "Cookie": supported values: "ClientIP", "None"` 오류가 표시됩니다.',
      },
      check: (v) => {
        if (affinityOf(v) !== 'ClientIP') return fail('The Service kubia should still have sessionAffinity: ClientIP.', 'kubia 서비스는 여전히 sessionAffinity: ClientIP여야 합니다.')
        if (v.objects.some((o) => o.kind === 'Service' && (o as { spec?: { sessionAffinity?: string } }).spec?.sessionAffinity === 'Cookie')) {
          return fail('A Service with Cookie affinity exists; that should be impossible.', 'Cookie 어피니티를 가진 서비스가 있습니다. 있을 수 없는 일입니다.')
        }
        const refused = v.terminal.find((t) => t.line.startsWith('kubectl') && /cookie/i.test(t.line) && t.exitCode !== 0 && /cookie/i.test(t.output))
        const triedInEditor = /sessionAffinity:\s*Cookie/.test(v.editorText)
        if (!refused && !triedInEditor) return fail('Try to ask for Cookie affinity, with kubectl or in the editor.', 'kubectl이나 편집기에서 Cookie 어피니티를 요청해 보세요.')
        return pass({ en: 'Cookie was refused; the Service kept ClientIP.', ko: 'Cookie는 거부되었고 서비스는 ClientIP를 유지했습니다.' })
      },
      hint: {
        en: '`kubectl expose rc kubia --name=kubia-cookie --port=80 --target-port=8080 --session-affinity=Cookie`, or change the editor\'s line to `sessionAffinity: Cookie`.',
        ko: '`kubectl expose rc kubia --name=kubia-cookie --port=80 --target-port=8080 --session-affinity=Cookie`를 실행하거나, 편집기의 줄을 `sessionAffinity: Cookie`로 바꿔 보세요.',
      },
      speakerNotes: {
        en: 'Ask: with HTTPS, could kube-proxy read a cookie even if it wanted to? (No: the payload is encrypted end to end.) Section 9 shows cookie affinity at an Ingress.',
        ko: '질문: HTTPS라면 kube-proxy가 원하더라도 쿠키를 읽을 수 있을까요? (아니요. 내용이 처음부터 끝까지 암호화되어 있습니다.) 9절에서 인그레스의 쿠키 어피니티를 다룹니다.',
      },
      focus: ['Service/default/kubia'],
    },
  ],
}

/**
 * Lesson 9 (chapter section 9): an Ingress puts many Services behind one address and routes HTTP
 * by host and path. The ingress-nginx controller is an ordinary pod; it reads the rules, looks up
 * the backend Service's endpoints and sends straight to a pod (never through the ClusterIP); it can
 * pin a browser to a pod with a cookie, and it terminates TLS with a certificate from a Secret.
 */
import type { HttpResult, Lesson, LessonView, TerminalRecord } from '../../lessons/types.ts'
import type { Hop, Trace } from '../../engine/model/net.ts'
import type { IngressObj, PodObj, SecretObj } from '../../engine/model/k8s.ts'
import { fail, find, lastCommand, pass, readyAddresses, service } from '../../lessons/checks.ts'

/** The address ingress-nginx published in the status of the Ingress kubia (kubectl's ADDRESS). */
const ingressAddress = (v: LessonView): string | undefined => find<IngressObj>(v, 'Ingress', 'kubia')?.status?.loadBalancer?.ingress?.[0]?.ip

/** The running ingress-nginx controller pod. */
const controllerPod = (v: LessonView): PodObj | undefined =>
  v.objects.find(
    (o) => o.kind === 'Pod' && o.metadata.namespace === 'ingress-nginx' && o.metadata.labels?.['app.kubernetes.io/component'] === 'controller' && o.metadata.deletionTimestamp === undefined,
  ) as PodObj | undefined

/** True for the hop where a packet reaches the controller pod. */
const atController = (h: Hop): boolean => h.kind === 'deliver' && h.at.kind === 'pod' && h.at.namespace === 'ingress-nginx'

/** The request-direction hops after the controller received the request: its own leg to the backend. */
function controllerLeg(t: Trace): Hop[] {
  const i = t.hops.findIndex(atController)
  return i < 0 ? [] : t.hops.slice(i + 1).filter((h) => !h.reply)
}

/** The client a result was sent from. */
const clientOf = (r: HttpResult): string | undefined => {
  const at = r.trace.hops[0]?.at
  return at?.kind === 'client' ? at.name : undefined
}

/** The last terminal record of this step that ran curl on a URL containing `part`. */
function curlOf(v: LessonView, part: string): TerminalRecord | undefined {
  for (let i = v.terminal.length - 1; i >= 0; i--) {
    const t = v.terminal[i]!
    if (t.line.startsWith('curl ') && t.line.includes(part)) return t
  }
  return undefined
}

/** The trace of a curl that went through the controller to a backend pod. */
const answered = (t: TerminalRecord | undefined): Trace | undefined => t?.traces.find((tr) => tr.outcome === 'delivered' && tr.pod !== undefined && !tr.pod.startsWith('ingress-nginx/'))

/** The second host rule the `second-host` step adds after the kubia.example.com rule. */
const BAR_RULE = `
    - host: bar.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: bar
                port:
                  number: 80`

/** The last lines of the Ingress in the scenario (the /bar path of kubia.example.com). */
const INGRESS_TAIL = `                name: bar
                port:
                  number: 80`

export const ingressLesson: Lesson = {
  id: 'ingress',
  section: 9,
  title: { en: 'Ingress: one address, many services', ko: '인그레스: 주소 하나에 여러 서비스' },
  summary: {
    en: 'Route HTTP by path and by host through the ingress-nginx controller, see it go straight to a pod, pin a browser with a cookie, and terminate TLS with your own certificate.',
    ko: 'ingress-nginx 컨트롤러를 통해 HTTP를 경로와 호스트로 나눠 보내고, 컨트롤러가 파드로 바로 보내는 모습을 확인한 뒤, 쿠키로 브라우저를 한 파드에 묶고 직접 만든 인증서로 TLS를 종료합니다.',
  },
  scenario: 'ingress-paths.yaml',
  steps: [
    {
      id: 'controller',
      title: { en: 'The controller and its address', ko: '컨트롤러와 그 주소' },
      narration: {
        en: 'An Ingress object is only a list of HTTP rules; an ingress controller has to carry them out. The scenario enables the minikube ingress addon, which runs ingress-nginx as an ordinary pod in the ingress-nginx namespace, listening on ports 80 and 443 of its node through hostPort. The controller writes that node\'s address into the status of every Ingress it serves, and kubectl prints it as ADDRESS.',
        ko: '인그레스 오브젝트는 HTTP 규칙의 목록일 뿐이고, 이를 실제로 수행하는 것은 인그레스 컨트롤러입니다. 이 시나리오는 minikube의 ingress 애드온을 켜 두었습니다. 애드온은 ingress-nginx를 ingress-nginx 네임스페이스의 평범한 파드로 실행하며, 이 파드는 hostPort로 자기 노드의 80번과 443번 포트에서 요청을 받습니다. 컨트롤러는 그 노드의 주소를 자신이 담당하는 인그레스의 status에 기록하고, kubectl은 이를 ADDRESS로 보여 줍니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl get pods -n ingress-nginx -o wide' },
        { kind: 'command', line: 'kubectl get ingress' },
      ],
      observe: {
        en: 'The controller pod and its NODE; the Ingress row with HOSTS `kubia.example.com` and an ADDRESS that is that node\'s IP.',
        ko: '컨트롤러 파드와 그 NODE, 그리고 HOSTS가 `kubia.example.com`이고 ADDRESS가 그 노드의 IP인 인그레스 줄을 보세요.',
      },
      check: (v) => {
        const ctl = controllerPod(v)
        if (!ctl) return fail('No ingress-nginx controller pod is running.', '실행 중인 ingress-nginx 컨트롤러 파드가 없습니다.')
        const addr = ingressAddress(v)
        if (!addr) return fail('The Ingress kubia has no address in its status yet.', '인그레스 kubia의 status에 아직 주소가 없습니다.')
        const pods = v.terminal.find((t) => /^kubectl get (po|pods?)\b/.test(t.line) && t.output.includes(ctl.metadata.name))
        if (!pods) return fail('List the pods of the ingress-nginx namespace: `kubectl get pods -n ingress-nginx -o wide`.', 'ingress-nginx 네임스페이스의 파드를 보세요: `kubectl get pods -n ingress-nginx -o wide`.')
        const get = lastCommand(v, 'kubectl get ing')
        if (!get || !new RegExp(`^kubia\\s+nginx\\s+kubia\\.example\\.com\\s+${addr.replace(/\./g, '\\.')}\\s+80\\s`, 'm').test(get.output)) return fail('Run `kubectl get ingress` and read HOSTS and ADDRESS.', '`kubectl get ingress`를 실행해 HOSTS와 ADDRESS를 읽으세요.')
        return pass({ en: `kubia.example.com is served at ${addr}, the node of ${ctl.metadata.name}.`, ko: `kubia.example.com은 ${ctl.metadata.name}의 노드 주소 ${addr}에서 서비스됩니다.` })
      },
      hint: {
        en: '`kubectl get pods -n ingress-nginx -o wide`, then `kubectl get ingress`.',
        ko: '`kubectl get pods -n ingress-nginx -o wide`를 실행한 다음 `kubectl get ingress`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: a Service of type LoadBalancer needs one external IP per Service. How many does this Ingress need for two Services? (One, the controller\'s.)',
        ko: '질문: LoadBalancer 타입 서비스는 서비스마다 외부 IP가 하나씩 필요합니다. 서비스 두 개를 둔 이 인그레스에는 몇 개가 필요할까요? (컨트롤러의 주소 하나면 됩니다.)',
      },
      focus: ['Ingress/default/kubia', 'Pod/app.kubernetes.io/component=controller'],
    },
    {
      id: 'paths',
      title: { en: 'One host, two paths', ko: '호스트 하나, 경로 둘' },
      narration: {
        en: 'The laptop finds kubia.example.com in its /etc/hosts, which maps the name to the controller\'s address, so curl connects there and sends `Host: kubia.example.com` with the path. The controller matches the rules: /kubia goes to the Service kubia, /bar to the Service bar. A path no rule covers gets the controller\'s own 404 page.',
        ko: '노트북은 /etc/hosts에서 kubia.example.com을 찾는데, 이 파일이 그 이름을 컨트롤러의 주소로 연결해 둡니다. 그래서 curl은 그 주소로 접속해 경로와 함께 `Host: kubia.example.com` 헤더를 보냅니다. 컨트롤러는 규칙을 맞춰 봅니다. /kubia는 kubia 서비스로, /bar는 bar 서비스로 갑니다. 어떤 규칙에도 맞지 않는 경로에는 컨트롤러가 직접 404 페이지로 답합니다.',
      },
      actions: [
        { kind: 'command', line: 'cat /etc/hosts' },
        { kind: 'command', line: 'curl -s http://kubia.example.com/kubia' },
        { kind: 'command', line: 'curl -s http://kubia.example.com/bar' },
        { kind: 'command', line: 'curl -s http://kubia.example.com/' },
      ],
      observe: {
        en: 'The hosts line with the ADDRESS; "You\'ve hit kubia-…" for /kubia, "You\'ve hit bar-…" for /bar, and nginx\'s `404 Not Found` for /.',
        ko: 'ADDRESS가 적힌 hosts 줄, /kubia에는 "You\'ve hit kubia-…", /bar에는 "You\'ve hit bar-…", /에는 nginx의 `404 Not Found`가 나옵니다.',
      },
      check: (v) => {
        const addr = ingressAddress(v) ?? '-'
        const hosts = lastCommand(v, 'cat /etc/hosts')
        if (!hosts || !new RegExp(`^${addr.replace(/\./g, '\\.')}\\s+kubia\\.example\\.com$`, 'm').test(hosts.output)) return fail('Look at the laptop\'s /etc/hosts: `cat /etc/hosts`.', '노트북의 /etc/hosts를 보세요: `cat /etc/hosts`.')
        const kubia = answered(curlOf(v, 'kubia.example.com/kubia'))
        if (!kubia?.pod?.startsWith('default/kubia-')) return fail('curl http://kubia.example.com/kubia should be answered by a kubia pod.', 'curl http://kubia.example.com/kubia에는 kubia 파드가 답해야 합니다.')
        const bar = answered(curlOf(v, 'kubia.example.com/bar'))
        if (!bar?.pod?.startsWith('default/bar-')) return fail('curl http://kubia.example.com/bar should be answered by a bar pod.', 'curl http://kubia.example.com/bar에는 bar 파드가 답해야 합니다.')
        const none = v.terminal.find((t) => t.line.startsWith('curl ') && t.output.includes('404 Not Found'))
        if (!none) return fail('Also ask for a path no rule covers, e.g. http://kubia.example.com/.', '규칙에 없는 경로(예: http://kubia.example.com/)도 요청해 보세요.')
        return pass({ en: `/kubia → ${kubia.pod}, /bar → ${bar.pod}, anything else → 404.`, ko: `/kubia → ${kubia.pod}, /bar → ${bar.pod}, 그 밖의 경로 → 404.` })
      },
      hint: {
        en: '`cat /etc/hosts`, then `curl -s http://kubia.example.com/kubia`, `curl -s http://kubia.example.com/bar` and `curl -s http://kubia.example.com/`.',
        ko: '`cat /etc/hosts`를 실행하고 `curl -s http://kubia.example.com/kubia`, `curl -s http://kubia.example.com/bar`, `curl -s http://kubia.example.com/`를 차례로 실행하세요.',
      },
      focus: ['Client/laptop', 'Ingress/default/kubia', 'Service/default/kubia', 'Service/default/bar'],
    },
    {
      id: 'straight-to-pod',
      title: { en: 'Past the Service, straight to a pod', ko: '서비스를 거치지 않고 파드로' },
      narration: {
        en: 'The rule names the Service kubia, yet the controller does not send to its ClusterIP. It watches the Service\'s endpoints itself and opens its own connection to one pod IP on port 8080, so kube-proxy never rewrites this request. nginx balances each request in turn across the ready pods.',
        ko: '규칙에는 kubia 서비스가 적혀 있지만, 컨트롤러는 그 ClusterIP로 보내지 않습니다. 컨트롤러가 서비스의 엔드포인트를 직접 지켜보다가 파드 IP 하나의 8080번 포트로 직접 연결을 엽니다. 그래서 이 요청은 kube-proxy가 주소를 바꾸는 일이 없습니다. nginx는 요청마다 준비된 파드들에 차례로 나눠 보냅니다.',
      },
      actions: [
        { kind: 'send', from: 'laptop', url: 'http://kubia.example.com/kubia', times: 3 },
        { kind: 'command', line: 'kubectl get endpoints kubia' },
      ],
      observe: {
        en: 'On the diagram the packet leaves the controller for a pod without touching the Service box; in the inspector, the controller\'s hop goes to a pod IP:8080, and no DNAT follows it. The pod IPs are those in the Endpoints.',
        ko: '다이어그램에서 패킷이 서비스 상자를 거치지 않고 컨트롤러에서 파드로 갑니다. 인스펙터에서 컨트롤러 다음 홉의 목적지가 파드IP:8080이고 그 뒤에 DNAT가 없습니다. 그 파드 IP들은 엔드포인트에 있는 주소입니다.',
      },
      check: (v) => {
        const clusterIP = service(v, 'kubia')?.spec.clusterIP ?? '-'
        const ok = v.results.filter((r) => r.status === 200 && r.pod?.startsWith('default/kubia-'))
        if (ok.length < 3) return fail('Send three requests from the laptop to http://kubia.example.com/kubia.', '노트북에서 http://kubia.example.com/kubia로 요청을 세 번 보내세요.')
        const eps = readyAddresses(v, 'kubia')
        for (const r of ok) {
          const leg = controllerLeg(r.trace)
          if (leg.length === 0) return fail('The request did not pass the ingress controller.', '요청이 인그레스 컨트롤러를 거치지 않았습니다.')
          if (leg.some((h) => h.kind === 'dnat' || h.before.dst === clusterIP || h.after.dst === clusterIP)) return fail('After the controller the request went through the ClusterIP.', '컨트롤러 다음에 요청이 ClusterIP를 거쳤습니다.')
          const dst = (leg.find((h) => h.kind === 'wire') ?? leg[0]!).after
          if (dst.dport !== 8080 || !eps.includes(dst.dst)) return fail(`The controller sent to ${dst.dst}:${dst.dport}, not to a pod in the Endpoints of kubia.`, `컨트롤러가 kubia 엔드포인트의 파드가 아닌 ${dst.dst}:${dst.dport}(으)로 보냈습니다.`)
        }
        const get = lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl get ep')
        if (!get || !eps.every((ip) => get.output.includes(`${ip}:8080`))) return fail('Compare with the Endpoints: `kubectl get endpoints kubia`.', '엔드포인트와 비교해 보세요: `kubectl get endpoints kubia`.')
        return pass({ en: `The controller connected to pod IPs directly; ${clusterIP} was never used.`, ko: `컨트롤러가 파드 IP로 바로 연결했고 ${clusterIP}는 쓰이지 않았습니다.` })
      },
      hint: {
        en: 'In the traffic bar choose From: laptop and the URL http://kubia.example.com/kubia, send 3 requests, then run `kubectl get endpoints kubia`.',
        ko: '트래픽 막대에서 From은 laptop, URL은 http://kubia.example.com/kubia로 정하고 요청을 3번 보낸 뒤 `kubectl get endpoints kubia`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: if the controller bypasses the ClusterIP, why does the Ingress name a Service at all? (To find the pods: the Service\'s selector and its Endpoints.)',
        ko: '질문: 컨트롤러가 ClusterIP를 거치지 않는다면 인그레스에는 왜 서비스 이름을 적을까요? (파드를 찾기 위해서입니다. 서비스의 셀렉터와 엔드포인트가 그 목록입니다.)',
      },
      focus: ['Client/laptop', 'Pod/app.kubernetes.io/component=controller', 'Pod/app=kubia', 'Service/default/kubia'],
    },
    {
      id: 'second-host',
      title: { en: 'A second host on the same address', ko: '같은 주소에 두 번째 호스트' },
      narration: {
        en: 'Add a rule for bar.example.com that sends every path to the Service bar. Applying the edited Ingress updates it in place; the controller reloads its rules, and kubectl now lists both hosts. Both names lead to the same address, so only the Host header tells the controller which rule applies.',
        ko: 'bar.example.com에 대한 규칙을 추가해 모든 경로를 bar 서비스로 보내게 합니다. 수정한 인그레스를 적용하면 기존 오브젝트가 그 자리에서 갱신되고, 컨트롤러는 규칙을 다시 읽으며, kubectl에는 두 호스트가 함께 나옵니다. 두 이름 모두 같은 주소로 가므로 어느 규칙을 쓸지는 Host 헤더만으로 정해집니다.',
      },
      actions: [
        { kind: 'edit', find: INGRESS_TAIL, replace: `${INGRESS_TAIL}${BAR_RULE}` },
        { kind: 'command', line: 'kubectl get ingress' },
        { kind: 'command', line: 'curl -s -H "Host: bar.example.com" http://kubia.example.com/' },
      ],
      observe: {
        en: 'HOSTS now reads `kubia.example.com,bar.example.com`; the request to the same address with `Host: bar.example.com` is answered by a bar pod.',
        ko: '이제 HOSTS가 `kubia.example.com,bar.example.com`입니다. 같은 주소로 `Host: bar.example.com`을 보낸 요청에는 bar 파드가 답합니다.',
      },
      check: (v) => {
        const rules = find<IngressObj>(v, 'Ingress', 'kubia')?.spec?.rules ?? []
        if (!rules.some((r) => r.host === 'bar.example.com' && r.http?.paths.some((p) => p.backend.service?.name === 'bar'))) return fail('The Ingress kubia has no rule for host bar.example.com → bar yet.', '인그레스 kubia에 아직 bar.example.com → bar 규칙이 없습니다.')
        const get = lastCommand(v, 'kubectl get ing')
        if (!get?.output.includes('bar.example.com')) return fail('Run `kubectl get ingress` and look at HOSTS.', '`kubectl get ingress`를 실행해 HOSTS를 보세요.')
        const t = v.terminal.find((x) => x.line.startsWith('curl ') && x.traces.some((tr) => tr.hops[0]?.l7?.host === 'bar.example.com' && tr.pod?.startsWith('default/bar-')))
        if (!t) return fail('Send a request with the Host bar.example.com and get an answer from a bar pod.', 'Host가 bar.example.com인 요청을 보내 bar 파드의 응답을 받으세요.')
        return pass({ en: 'Same address, different Host header, different Service.', ko: '같은 주소라도 Host 헤더가 다르면 다른 서비스로 갑니다.' })
      },
      hint: {
        en: 'Under `rules:` add `- host: bar.example.com` with path `/` (pathType Prefix) to service bar port 80, then `kubectl get ingress` and `curl -s -H "Host: bar.example.com" http://kubia.example.com/`.',
        ko: '`rules:` 아래에 `- host: bar.example.com`과 경로 `/`(pathType Prefix), 백엔드 서비스 bar 포트 80을 추가한 뒤 `kubectl get ingress`와 `curl -s -H "Host: bar.example.com" http://kubia.example.com/`을 실행하세요.',
      },
      speakerNotes: {
        en: 'On a real laptop you would add bar.example.com to /etc/hosts with the same ADDRESS; curl -H sends exactly what the browser would then send.',
        ko: '실제 노트북이라면 /etc/hosts에 같은 ADDRESS로 bar.example.com을 추가합니다. curl -H는 그때 브라우저가 보낼 요청과 똑같은 것을 보냅니다.',
      },
      focus: ['Ingress/default/kubia', 'Service/default/bar', 'Pod/app=bar'],
    },
    {
      id: 'cookie-affinity',
      title: { en: 'Cookie affinity at the ingress', ko: '인그레스의 쿠키 어피니티' },
      narration: {
        en: 'Because nginx balances requests, not connections, even the browser\'s kept-alive connection lands on a different pod each time. The annotation `nginx.ingress.kubernetes.io/affinity: cookie` makes the controller set an INGRESSCOOKIE naming a pod; the browser sends it back and stays on that pod. curl keeps no cookies, so it still hops. A Service cannot do this: it works at L4 and never reads HTTP headers.',
        ko: 'nginx는 연결이 아니라 요청 단위로 부하를 나누므로, 브라우저가 연결을 유지해도 요청마다 다른 파드에 도착합니다. `nginx.ingress.kubernetes.io/affinity: cookie` 어노테이션을 붙이면 컨트롤러가 파드를 가리키는 INGRESSCOOKIE 쿠키를 내려보냅니다. 브라우저는 이 쿠키를 다시 보내므로 같은 파드에 머뭅니다. curl은 쿠키를 저장하지 않으므로 계속 파드를 옮겨 다닙니다. 서비스는 L4에서 동작하며 HTTP 헤더를 읽지 않으므로 이런 일을 할 수 없습니다.',
      },
      actions: [
        { kind: 'send', from: 'browser', url: 'http://kubia.example.com/kubia', times: 3 },
        { kind: 'edit', find: 'kind: Ingress\nmetadata:\n  name: kubia\n', replace: 'kind: Ingress\nmetadata:\n  name: kubia\n  annotations:\n    nginx.ingress.kubernetes.io/affinity: cookie\n' },
        { kind: 'send', from: 'browser', url: 'http://kubia.example.com/kubia', times: 4 },
        { kind: 'send', from: 'laptop', url: 'http://kubia.example.com/kubia', times: 4 },
      ],
      observe: {
        en: 'Before the annotation the browser\'s answers name different pods; after it, the first answer carries `Set-Cookie: INGRESSCOOKIE=…` and every later browser answer names the same pod, while every laptop answer sets a new cookie and names whichever pod the controller picked.',
        ko: '어노테이션을 붙이기 전에는 브라우저가 받는 응답의 파드 이름이 바뀝니다. 붙인 뒤에는 첫 응답에 `Set-Cookie: INGRESSCOOKIE=…`가 오고 그 뒤 브라우저의 응답은 모두 같은 파드 이름이지만, 노트북의 응답은 매번 새 쿠키를 받고 컨트롤러가 고른 파드 이름이 나옵니다.',
      },
      check: (v) => {
        const setsCookie = (r: HttpResult) => (r.headers ?? []).some(([k, val]) => k.toLowerCase() === 'set-cookie' && val.startsWith('INGRESSCOOKIE='))
        const browser = v.results.filter((r) => clientOf(r) === 'browser' && r.status === 200)
        const first = browser.findIndex(setsCookie)
        const before = first < 0 ? browser : browser.slice(0, first)
        const after = first < 0 ? [] : browser.slice(first)
        if (new Set(before.map((r) => r.pod)).size < 2) return fail('First send a few browser requests without the annotation: they should reach different pods.', '먼저 어노테이션 없이 브라우저 요청을 몇 번 보내세요. 서로 다른 파드에 도착해야 합니다.')
        if (after.length < 3) return fail('Add the affinity annotation to the Ingress and send at least 3 requests from the browser.', '인그레스에 어피니티 어노테이션을 붙이고 브라우저에서 요청을 3번 이상 보내세요.')
        if (new Set(after.map((r) => r.pod)).size !== 1) return fail('With the cookie the browser should stay on one pod.', '쿠키가 있으면 브라우저는 한 파드에 머물러야 합니다.')
        // curl sends no cookie, so every answer sets a fresh INGRESSCOOKIE and the controller picks a pod anew
        // each time (which pods it lands on is chance: the check counts new cookies, not pods).
        const laptop = v.results.filter((r) => clientOf(r) === 'laptop' && r.status === 200 && setsCookie(r))
        const cookies = new Set(laptop.map((r) => (r.headers ?? []).find(([k]) => k.toLowerCase() === 'set-cookie')![1].split(';')[0]))
        if (laptop.length < 3 || cookies.size !== laptop.length) return fail('Send a few requests from the laptop too: curl ignores the cookie, so each answer sets a new one.', '노트북에서도 요청을 몇 번 보내세요. curl은 쿠키를 무시하므로 응답마다 새 쿠키를 받습니다.')
        const pods = new Set(laptop.map((r) => r.pod)).size
        return pass({ en: `The browser stays on ${after[0]!.pod}; curl got ${laptop.length} new cookies and landed on ${pods} pod(s).`, ko: `브라우저는 ${after[0]!.pod}에 머물고, curl은 새 쿠키를 ${laptop.length}번 받아 파드 ${pods}개에 도착했습니다.` })
      },
      hint: {
        en: 'Send 3 requests from the browser; add `annotations:` with `nginx.ingress.kubernetes.io/affinity: cookie` under the Ingress metadata; then send 4 from the browser and 4 from the laptop.',
        ko: '브라우저에서 요청을 3번 보낸 뒤, 인그레스 metadata 아래에 `annotations:`와 `nginx.ingress.kubernetes.io/affinity: cookie`를 추가하고, 브라우저와 노트북에서 각각 4번씩 보내세요.',
      },
      speakerNotes: {
        en: 'Compare with section 7: through a Service the browser stuck to one pod by accident (one connection); here it sticks on purpose (a cookie), and the connection does not matter.',
        ko: '7절과 비교해 보세요. 서비스를 거칠 때 브라우저가 한 파드에 머문 것은 연결이 하나였기 때문인 우연이었습니다. 여기서는 쿠키로 의도해서 머물며, 연결은 상관이 없습니다.',
      },
      focus: ['Client/browser', 'Client/laptop', 'Ingress/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'tls-secret',
      title: { en: 'A key, a certificate, a Secret', ko: '키, 인증서, 시크릿' },
      narration: {
        en: 'For HTTPS the controller needs a private key and a certificate for kubia.example.com. On the laptop, openssl makes a 2048-bit RSA key and a self-signed certificate whose subject is CN=kubia.example.com. `kubectl create secret tls` checks that both are valid PEM and belong together, and stores them as tls.crt and tls.key in a Secret of type kubernetes.io/tls.',
        ko: 'HTTPS를 하려면 컨트롤러에 kubia.example.com용 개인 키와 인증서가 있어야 합니다. 노트북에서 openssl로 2048비트 RSA 키와, 주체(subject)가 CN=kubia.example.com인 자체 서명 인증서를 만듭니다. `kubectl create secret tls`는 두 파일이 올바른 PEM이고 서로 짝이 맞는지 확인한 뒤, kubernetes.io/tls 타입 시크릿에 tls.crt와 tls.key로 저장합니다.',
      },
      actions: [
        { kind: 'command', line: 'openssl genrsa -out tls.key 2048' },
        { kind: 'command', line: 'openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com' },
        { kind: 'command', line: 'kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key' },
      ],
      observe: {
        en: '`secret/tls-secret created`; the Secret appears with TYPE kubernetes.io/tls and two data keys.',
        ko: '`secret/tls-secret created`가 나오고, TYPE이 kubernetes.io/tls이고 데이터 키가 두 개인 시크릿이 생깁니다.',
      },
      check: (v) => {
        const s = find<SecretObj>(v, 'Secret', 'tls-secret')
        if (!s) return fail('There is no Secret tls-secret yet.', '아직 tls-secret 시크릿이 없습니다.')
        if (s.type !== 'kubernetes.io/tls' || !s.data?.['tls.crt'] || !s.data['tls.key']) return fail('tls-secret should be of type kubernetes.io/tls with tls.crt and tls.key.', 'tls-secret은 tls.crt와 tls.key를 가진 kubernetes.io/tls 타입이어야 합니다.')
        const made = lastCommand(v, 'kubectl create secret tls')
        if (!made || made.exitCode !== 0) return fail('Create the Secret with `kubectl create secret tls`.', '`kubectl create secret tls`로 시크릿을 만드세요.')
        return pass()
      },
      hint: {
        en: '`openssl genrsa -out tls.key 2048`, `openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com`, then `kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key`.',
        ko: '`openssl genrsa -out tls.key 2048`, `openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com`를 실행한 다음 `kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key`를 실행하세요.',
      },
      focus: ['Client/laptop'],
    },
    {
      id: 'tls',
      title: { en: 'TLS ends at the controller', ko: 'TLS는 컨트롤러에서 끝난다' },
      narration: {
        en: 'Add a `tls:` section naming kubia.example.com and tls-secret. curl connects to port 443 and sends the host name in the TLS handshake (SNI); the controller picks the certificate of the matching tls entry, decrypts the request and forwards it to a pod as plain HTTP on port 8080. `-k` lets curl accept the self-signed certificate; `-v` prints the handshake and the certificate\'s subject.',
        ko: '`tls:` 섹션에 kubia.example.com과 tls-secret을 적어 추가합니다. curl은 443번 포트로 접속하면서 TLS 핸드셰이크에 호스트 이름(SNI)을 실어 보냅니다. 컨트롤러는 그 이름에 맞는 tls 항목의 인증서를 골라 요청을 복호화하고, 8080번 포트의 파드에는 평문 HTTP로 전달합니다. `-k`는 curl이 자체 서명 인증서를 받아들이게 하고, `-v`는 핸드셰이크 과정과 인증서의 주체를 보여 줍니다.',
      },
      actions: [
        { kind: 'edit', find: '  ingressClassName: nginx\n', replace: '  ingressClassName: nginx\n  tls:\n    - hosts:\n        - kubia.example.com\n      secretName: tls-secret\n' },
        { kind: 'command', line: 'kubectl get ingress' },
        { kind: 'command', line: 'curl -k -v https://kubia.example.com/kubia' },
      ],
      observe: {
        en: 'PORTS becomes `80, 443`; in curl\'s output the TLS handshake lines, `subject: CN=kubia.example.com`, then "You\'ve hit kubia-…". On the diagram the lock ends at the controller.',
        ko: 'PORTS가 `80, 443`이 됩니다. curl 출력에는 TLS 핸드셰이크 줄과 `subject: CN=kubia.example.com`, 그리고 "You\'ve hit kubia-…"가 나옵니다. 다이어그램에서는 자물쇠가 컨트롤러에서 끝납니다.',
      },
      check: (v) => {
        const tls = find<IngressObj>(v, 'Ingress', 'kubia')?.spec?.tls ?? []
        if (!tls.some((t) => t.secretName === 'tls-secret' && t.hosts?.includes('kubia.example.com'))) return fail('The Ingress has no tls entry for kubia.example.com with tls-secret yet.', '인그레스에 아직 kubia.example.com과 tls-secret을 쓰는 tls 항목이 없습니다.')
        const get = lastCommand(v, 'kubectl get ing')
        if (!get || !/\s80, 443\s/.test(get.output)) return fail('Run `kubectl get ingress`: PORTS should read 80, 443.', '`kubectl get ingress`를 실행하세요. PORTS가 80, 443이어야 합니다.')
        const c = curlOf(v, 'https://kubia.example.com')
        const tr = answered(c)
        if (!c || c.exitCode !== 0 || !tr?.pod?.startsWith('default/kubia-')) return fail(`curl -k -v https://kubia.example.com/kubia should reach a kubia pod${c ? ` (it exited with ${c.exitCode})` : ''}.`, `curl -k -v https://kubia.example.com/kubia가 kubia 파드에 닿아야 합니다${c ? ` (종료 코드 ${c.exitCode})` : ''}.`)
        if (tr.tls?.secret !== 'Secret/default/tls-secret' || !/subject: CN=kubia\.example\.com/.test(c.output)) return fail('The controller did not present the certificate from tls-secret.', '컨트롤러가 tls-secret의 인증서를 내놓지 않았습니다.')
        const end = tr.hops.findIndex((h) => h.tls === 'terminated')
        if (end < 0 || tr.hops[end]!.at.kind !== 'pod' || (tr.hops[end]!.at as { namespace: string }).namespace !== 'ingress-nginx') return fail('TLS should end at the ingress controller.', 'TLS는 인그레스 컨트롤러에서 끝나야 합니다.')
        const plain = tr.hops.slice(end + 1).filter((h) => !h.reply)
        if (plain.some((h) => h.tls !== undefined) || plain.at(-1)?.after.dport !== 8080) return fail('After the controller the request should be plain HTTP to port 8080.', '컨트롤러 다음 구간은 8080번 포트로 가는 평문 HTTP여야 합니다.')
        return pass({ en: `TLS ended at the controller with CN=kubia.example.com; ${tr.pod} got plain HTTP.`, ko: `TLS는 CN=kubia.example.com 인증서로 컨트롤러에서 끝났고, ${tr.pod}는 평문 HTTP를 받았습니다.` })
      },
      hint: {
        en: 'Under the Ingress `spec:` add `tls:` → `- hosts: [kubia.example.com]` with `secretName: tls-secret`, then `kubectl get ingress` and `curl -k -v https://kubia.example.com/kubia`.',
        ko: '인그레스 `spec:` 아래에 `tls:` → `- hosts: [kubia.example.com]`와 `secretName: tls-secret`을 추가한 뒤 `kubectl get ingress`와 `curl -k -v https://kubia.example.com/kubia`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: the pod still listens only on 8080 with plain HTTP. Who holds the private key? (Only the controller, through the Secret.)',
        ko: '질문: 파드는 여전히 8080번 포트에서 평문 HTTP만 받습니다. 개인 키는 누가 갖고 있을까요? (시크릿을 통해 컨트롤러만 갖고 있습니다.)',
      },
      focus: ['Client/laptop', 'Ingress/default/kubia', 'Pod/app.kubernetes.io/component=controller', 'Pod/app=kubia'],
    },
  ],
}

/**
 * Lesson 5 (chapter section 5): how a client finds a Service. Environment variables are fixed when
 * a container starts, so pods started before the Service lack them until they are recreated; the
 * cluster DNS answers for the Service's name from any pod, at any time. The ClusterIP itself
 * answers no ping.
 */
import type { Lesson, LessonView } from '../../lessons/types.ts'
import { fail, lastCommand, pass, pods, readyPods, service } from '../../lessons/checks.ts'

/** The Service the lesson appends after the pods are running. */
const SERVICE_YAML = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  ports:
    - port: 80
      targetPort: 8080
  selector:
    app: kubia
`

/** The last `… env` (or `printenv`) terminal record of this step. */
function lastEnv(v: LessonView) {
  for (let i = v.terminal.length - 1; i >= 0; i--) {
    const t = v.terminal[i]!
    if (/(^|\s)(env|printenv)$/.test(t.line.trim()) && t.exitCode === 0) return t
  }
  return undefined
}

/** The host part of the first http URL on a command line. */
const urlHost = (line: string): string | undefined => line.match(/https?:\/\/([^/:\s'"]+)/)?.[1]

/** The three names of the Service that the search list makes equivalent, shortest first. */
const NAMES = ['kubia', 'kubia.default', 'kubia.default.svc.cluster.local'] as const

export const discoveryLesson: Lesson = {
  id: 'discovery',
  section: 5,
  title: { en: 'Service discovery', ko: '서비스 디스커버리' },
  summary: {
    en: 'Find the Service from inside a pod: environment variables, which only pods started after the Service get, and the cluster DNS, which always answers — for a name whose ClusterIP still answers no ping.',
    ko: '파드 안에서 서비스를 찾는 방법을 살펴봅니다. 서비스보다 나중에 시작한 파드만 받는 환경 변수와, 언제나 응답하는 클러스터 DNS입니다. 그 이름의 ClusterIP는 ping에 응답하지 않는다는 것도 확인합니다.',
  },
  scenario: 'discovery.yaml',
  steps: [
    {
      id: 'create-svc',
      title: { en: 'The Service comes last', ko: '서비스는 나중에 생긴다' },
      narration: {
        en: 'Three kubia pods are already running, and nothing points at them yet. Now apply the Service kubia. It gets a ClusterIP and its Endpoints at once, but the pods were started before it existed, and that will matter in the next step.',
        ko: 'kubia 파드 세 개가 이미 실행 중이지만, 아직 이들을 가리키는 것은 없습니다. 이제 kubia 서비스를 적용합니다. 서비스는 곧바로 ClusterIP와 Endpoints를 얻지만, 파드는 서비스가 생기기 전에 시작되었다는 점을 기억해 두세요. 다음 단계에서 중요해집니다.',
      },
      actions: [
        { kind: 'append', yaml: SERVICE_YAML },
        { kind: 'command', line: 'kubectl get svc kubia' },
      ],
      observe: {
        en: 'The new Service box with its ClusterIP, linked to the three pods that were already running.',
        ko: '새 서비스 상자와 ClusterIP, 그리고 이미 실행 중이던 파드 세 개로 이어진 연결을 보세요.',
      },
      check: (v) => {
        const s = service(v, 'kubia')
        if (!s?.spec.clusterIP) return fail('There is no Service kubia yet.', '아직 kubia 서비스가 없습니다.')
        const out = lastCommand(v, 'kubectl get svc') ?? lastCommand(v, 'kubectl get service')
        if (!out?.output.includes(s.spec.clusterIP)) return fail('Run `kubectl get svc kubia`.', '`kubectl get svc kubia`를 실행하세요.')
        return pass({ en: `kubia got ${s.spec.clusterIP}.`, ko: `kubia는 ${s.spec.clusterIP}을(를) 받았습니다.` })
      },
      hint: { en: 'Add the Service kubia (port 80 → targetPort 8080, selector app=kubia) to the editor.', ko: '편집기에 kubia 서비스(포트 80 → targetPort 8080, 셀렉터 app=kubia)를 추가하세요.' },
      focus: ['Service/default/kubia'],
    },
    {
      id: 'env-before',
      title: { en: 'Too late for the environment', ko: '환경 변수에는 너무 늦었다' },
      narration: {
        en: 'When the kubelet starts a container, it writes a set of variables for every Service with a ClusterIP in the pod\'s namespace, plus one for the API server\'s kubernetes Service. That set is frozen at start time: a Service created afterwards never reaches a running container.',
        ko: 'kubelet은 컨테이너를 시작할 때 파드의 네임스페이스에서 ClusterIP를 가진 서비스마다, 그리고 API 서버의 kubernetes 서비스에 대해 환경 변수 묶음을 넣어 줍니다. 이 묶음은 시작 시점에 정해지므로, 그 뒤에 만든 서비스는 실행 중인 컨테이너에 결코 들어가지 않습니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl exec $POD(app=kubia) -- env' }],
      observe: { en: 'KUBERNETES_SERVICE_HOST is there; no variable starts with KUBIA_.', ko: 'KUBERNETES_SERVICE_HOST는 있지만 KUBIA_로 시작하는 변수는 없습니다.' },
      check: (v) => {
        if (!service(v, 'kubia')) return fail('Create the Service kubia first.', '먼저 kubia 서비스를 만드세요.')
        const out = lastEnv(v)
        if (!out) return fail('Print the environment of a kubia pod with `kubectl exec <pod> -- env`.', '`kubectl exec <파드> -- env`로 kubia 파드의 환경 변수를 출력하세요.')
        if (!out.output.includes('KUBERNETES_SERVICE_HOST=')) return fail('That output is not a pod\'s environment.', '그 출력은 파드의 환경 변수가 아닙니다.')
        if (out.output.includes('KUBIA_SERVICE_HOST=')) return fail('This pod already has the KUBIA_ variables: it started after the Service.', '이 파드에는 이미 KUBIA_ 변수가 있습니다. 서비스보다 나중에 시작한 파드입니다.')
        return pass({ en: 'No KUBIA_ variables: the pod started before the Service.', ko: 'KUBIA_ 변수가 없습니다. 파드가 서비스보다 먼저 시작했기 때문입니다.' })
      },
      hint: { en: '`kubectl exec <pod> -- env`', ko: '`kubectl exec <파드> -- env`' },
      focus: ['Pod/app=kubia'],
    },
    {
      id: 'env-after',
      title: { en: 'Recreate the pods, get the variables', ko: '파드를 다시 만들면 변수가 생긴다' },
      narration: {
        en: 'Delete the pods; the ReplicationController starts replacements, and their containers start after the Service exists. Each now carries KUBIA_SERVICE_HOST and KUBIA_SERVICE_PORT (the name upper-cased, dashes turned into underscores) and the Docker-link style KUBIA_PORT_80_TCP family. The port is always the Service port, never the targetPort.',
        ko: '파드를 지우면 레플리케이션컨트롤러가 새 파드를 띄우고, 그 컨테이너는 서비스가 생긴 뒤에 시작합니다. 이제 각 파드에는 KUBIA_SERVICE_HOST와 KUBIA_SERVICE_PORT(서비스 이름을 대문자로, 대시는 밑줄로 바꾼 이름)와, 도커 링크 방식의 KUBIA_PORT_80_TCP 변수들이 들어 있습니다. 포트는 언제나 targetPort가 아니라 서비스 포트입니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl delete pods --all' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- env' },
      ],
      observe: {
        en: 'New pod names; in the environment, KUBIA_SERVICE_HOST equals the ClusterIP and KUBIA_PORT_80_TCP=tcp://<ClusterIP>:80.',
        ko: '파드 이름이 새로 바뀌고, 환경 변수의 KUBIA_SERVICE_HOST가 ClusterIP와 같으며 KUBIA_PORT_80_TCP=tcp://<ClusterIP>:80이 보입니다.',
      },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP
        if (!ip) return fail('Create the Service kubia first.', '먼저 kubia 서비스를 만드세요.')
        const out = lastEnv(v)
        if (!out) return fail('Print a recreated pod\'s environment with `kubectl exec <pod> -- env`.', '`kubectl exec <파드> -- env`로 새로 만든 파드의 환경 변수를 출력하세요.')
        const want = [`KUBIA_SERVICE_HOST=${ip}`, 'KUBIA_SERVICE_PORT=80', `KUBIA_PORT=tcp://${ip}:80`, `KUBIA_PORT_80_TCP_ADDR=${ip}`, 'KUBIA_PORT_80_TCP_PORT=80']
        const missing = want.filter((w) => !out.output.split('\n').includes(w))
        if (missing.length > 0) {
          return fail(`The environment lacks ${missing[0]}; was the pod recreated after the Service?`, `환경 변수에 ${missing[0]}이(가) 없습니다. 서비스를 만든 뒤 파드를 다시 만들었나요?`)
        }
        return pass({ en: `KUBIA_SERVICE_HOST=${ip} is there.`, ko: `KUBIA_SERVICE_HOST=${ip}이(가) 있습니다.` })
      },
      hint: { en: '`kubectl delete pods --all`, then `kubectl exec <new pod> -- env`.', ko: '`kubectl delete pods --all`을 실행한 뒤 `kubectl exec <새 파드> -- env`를 실행하세요.' },
      speakerNotes: {
        en: 'Ask: a client pod needs a database Service — what must be created first if it relies on variables? (The Service. DNS has no such ordering problem.)',
        ko: '질문: 클라이언트 파드가 데이터베이스 서비스를 환경 변수로 찾는다면 무엇을 먼저 만들어야 할까요? (서비스입니다. DNS에는 이런 순서 문제가 없습니다.)',
      },
      focus: ['Pod/app=kubia', 'Service/default/kubia'],
    },
    {
      id: 'resolv-conf',
      title: { en: 'Every pod asks the cluster DNS', ko: '모든 파드는 클러스터 DNS에 묻는다' },
      narration: {
        en: 'With the default dnsPolicy, ClusterFirst, the kubelet writes each pod\'s /etc/resolv.conf: the nameserver is the ClusterIP of the kube-dns Service in kube-system, in front of the CoreDNS pods, and the search list holds default.svc.cluster.local, svc.cluster.local and cluster.local. A short name is tried with each suffix in turn.',
        ko: '기본 dnsPolicy인 ClusterFirst에서는 kubelet이 파드마다 /etc/resolv.conf를 써 줍니다. nameserver는 CoreDNS 파드 앞에 있는 kube-system 네임스페이스의 kube-dns 서비스 ClusterIP이고, search 목록에는 default.svc.cluster.local, svc.cluster.local, cluster.local이 들어 있습니다. 짧은 이름은 이 접미사를 차례로 붙여 가며 조회합니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl get svc kube-dns -n kube-system' },
        { kind: 'command', line: 'cat /etc/resolv.conf', terminal: { kind: 'pod', name: '$POD(app=kubia)' } },
      ],
      observe: { en: 'The nameserver line matches kube-dns\'s CLUSTER-IP; the search line lists the three suffixes; options ndots:5.', ko: 'nameserver 줄이 kube-dns의 CLUSTER-IP와 같고, search 줄에 접미사 세 개가 있으며, options ndots:5가 보입니다.' },
      check: (v) => {
        const dns = service(v, 'kube-dns', 'kube-system')?.spec.clusterIP
        const conf = v.terminal.filter((t) => t.line.includes('/etc/resolv.conf') && t.exitCode === 0).pop()
        if (!conf) return fail('Print /etc/resolv.conf inside a kubia pod.', 'kubia 파드 안에서 /etc/resolv.conf를 출력하세요.')
        if (!conf.output.includes('search default.svc.cluster.local svc.cluster.local cluster.local')) return fail('That file has no cluster search list.', '그 파일에 클러스터 search 목록이 없습니다.')
        if (!dns || !conf.output.includes(`nameserver ${dns}`)) return fail('The nameserver should be the kube-dns Service\'s ClusterIP.', 'nameserver는 kube-dns 서비스의 ClusterIP여야 합니다.')
        return pass({ en: `Queries go to ${dns}, the kube-dns Service.`, ko: `DNS 질의는 kube-dns 서비스인 ${dns}(으)로 갑니다.` })
      },
      hint: {
        en: '`kubectl exec <pod> -- cat /etc/resolv.conf`, and `kubectl get svc -n kube-system` for the DNS Service.',
        ko: '`kubectl exec <파드> -- cat /etc/resolv.conf`를 실행하고, DNS 서비스는 `kubectl get svc -n kube-system`으로 확인하세요.',
      },
      focus: ['Pod/app=kubia', 'Service/kube-system/kube-dns'],
    },
    {
      id: 'names',
      title: { en: 'Short name, namespace, full name', ko: '짧은 이름, 네임스페이스, 전체 이름' },
      narration: {
        en: 'Thanks to the search list, kubia, kubia.default and kubia.default.svc.cluster.local all resolve to the same ClusterIP. The name gives only the address: the port comes from the URL, here port 80 for http, which is the Service port. Unlike the variables, DNS works for pods started before the Service too.',
        ko: 'search 목록 덕분에 kubia, kubia.default, kubia.default.svc.cluster.local이 모두 같은 ClusterIP로 풀립니다. 이름이 알려 주는 것은 주소뿐이고, 포트는 URL에서 옵니다. http이므로 80, 곧 서비스 포트입니다. 환경 변수와 달리 DNS는 서비스보다 먼저 시작한 파드에서도 동작합니다.',
      },
      actions: NAMES.map((n) => ({ kind: 'command' as const, line: `curl -s http://${n}`, terminal: { kind: 'pod' as const, name: '$POD(app=kubia)' } })),
      observe: {
        en: 'Three answers from kubia pods; before each request, small DNS packets travel to a CoreDNS pod in kube-system.',
        ko: 'kubia 파드에서 온 응답 세 개를 보세요. 요청마다 그 앞에서 작은 DNS 패킷이 kube-system의 CoreDNS 파드로 오갑니다.',
      },
      check: (v) => {
        const ok = (name: string) => v.terminal.some((t) => urlHost(t.line) === name && t.exitCode === 0 && /You've hit kubia-/.test(t.output))
        const missing = NAMES.filter((n) => !ok(n))
        if (missing.length > 0) return fail(`No answer yet through the name ${missing[0]}.`, `아직 ${missing[0]}(이)라는 이름으로 응답을 받지 못했습니다.`)
        const asked = v.terminal.some((t) => t.traces.some((tr) => tr.pod?.startsWith('kube-system/') === true))
        if (!asked) return fail('The names were not looked up through the cluster DNS.', '이름이 클러스터 DNS를 통해 조회되지 않았습니다.')
        return pass({ en: 'All three names reached the Service.', ko: '세 이름 모두 서비스에 닿았습니다.' })
      },
      hint: {
        en: 'In a kubia pod\'s shell: `curl -s http://kubia`, `curl -s http://kubia.default`, `curl -s http://kubia.default.svc.cluster.local`.',
        ko: 'kubia 파드의 셸에서 `curl -s http://kubia`, `curl -s http://kubia.default`, `curl -s http://kubia.default.svc.cluster.local`을 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: which name would a pod in another namespace have to use? (At least kubia.default.)',
        ko: '질문: 다른 네임스페이스의 파드라면 어떤 이름을 써야 할까요? (적어도 kubia.default입니다.)',
      },
      focus: ['Pod/app=kubia', 'Service/default/kubia', 'Service/kube-system/kube-dns'],
    },
    {
      id: 'nslookup',
      title: { en: 'Ask the DNS directly', ko: 'DNS에 직접 묻기' },
      narration: {
        en: 'The kubia image has no DNS tools, so start a pod from tutum/dnsutils with `kubectl run` and ask nslookup. The answer names the server (the kube-dns ClusterIP) and the record: kubia.default.svc.cluster.local with the Service\'s ClusterIP, one A record for the Service, not one per pod.',
        ko: 'kubia 이미지에는 DNS 도구가 없으므로, `kubectl run`으로 tutum/dnsutils 파드를 띄우고 nslookup으로 물어봅니다. 응답에는 질의한 서버(kube-dns의 ClusterIP)와 레코드가 나옵니다. kubia.default.svc.cluster.local이 서비스의 ClusterIP로 풀리며, A 레코드는 파드마다가 아니라 서비스에 하나입니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl run dnsutils --image=tutum/dnsutils --restart=Never --command -- sleep infinity' },
        { kind: 'command', line: 'kubectl exec dnsutils -- nslookup kubia' },
      ],
      observe: { en: 'Server: the kube-dns address; Name: kubia.default.svc.cluster.local; Address: the ClusterIP.', ko: 'Server에는 kube-dns 주소, Name에는 kubia.default.svc.cluster.local, Address에는 ClusterIP가 나옵니다.' },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP
        const out = v.terminal.filter((t) => /\bnslookup\s+kubia(\.|\s|$)/.test(t.line) && t.exitCode === 0).pop()
        if (!out) return fail('Look the name kubia up with nslookup in a dnsutils pod.', 'dnsutils 파드에서 nslookup으로 kubia를 조회하세요.')
        if (!out.output.includes('kubia.default.svc.cluster.local') || !ip || !out.output.includes(`Address: ${ip}`)) {
          return fail('The answer should name kubia.default.svc.cluster.local with the ClusterIP.', '응답에 kubia.default.svc.cluster.local과 ClusterIP가 나와야 합니다.')
        }
        return pass({ en: `kubia.default.svc.cluster.local is ${ip}.`, ko: `kubia.default.svc.cluster.local은 ${ip}입니다.` })
      },
      hint: {
        en: '`kubectl run dnsutils --image=tutum/dnsutils --restart=Never --command -- sleep infinity`, then `kubectl exec dnsutils -- nslookup kubia`.',
        ko: '`kubectl run dnsutils --image=tutum/dnsutils --restart=Never --command -- sleep infinity`를 실행한 뒤 `kubectl exec dnsutils -- nslookup kubia`를 실행하세요.',
      },
      focus: ['Pod/run=dnsutils', 'Service/kube-system/kube-dns'],
    },
    {
      id: 'ping',
      title: { en: 'A name that answers no ping', ko: 'ping에는 응답하지 않는 이름' },
      narration: {
        en: 'ping resolves kubia to the ClusterIP and sends ICMP echo requests, and none comes back. No interface owns the ClusterIP, and kube-proxy\'s rules match only the Service\'s protocol and ports, so the address means something only together with a service port.',
        ko: 'ping은 kubia를 ClusterIP로 풀어 ICMP 에코 요청을 보내지만, 하나도 돌아오지 않습니다. ClusterIP를 가진 인터페이스는 없고, kube-proxy 규칙은 서비스의 프로토콜과 포트만 잡아냅니다. 이 주소는 서비스 포트와 함께일 때만 의미가 있습니다.',
      },
      actions: [{ kind: 'command', line: 'ping -c 3 kubia', terminal: { kind: 'pod', name: '$POD(app=kubia)' } }],
      observe: { en: 'The PING line shows the full name and the ClusterIP; the summary says 100% packet loss.', ko: 'PING 줄에 전체 이름과 ClusterIP가 나오고, 요약에 100% packet loss가 보입니다.' },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP
        const out = v.terminal.filter((t) => /(^|\s)ping\s/.test(t.line)).pop()
        if (!out) return fail('ping the Service by name from a pod.', '파드에서 서비스 이름으로 ping을 보내세요.')
        if (!ip || !out.output.includes(`(${ip})`)) return fail('The name did not resolve to the ClusterIP.', '이름이 ClusterIP로 풀리지 않았습니다.')
        if (!out.output.includes('100% packet loss')) return fail('Some ping was answered; that should not happen for a ClusterIP.', '일부 ping이 응답을 받았습니다. ClusterIP에서는 일어나지 않아야 합니다.')
        const ready = readyPods(pods(v, { app: 'kubia' })).length
        return pass({
          en: `Resolved to ${ip}, 100% packet loss — with ${ready} ready pods behind it.`,
          ko: `${ip}(으)로 풀렸지만 패킷 손실 100%입니다. 뒤에는 준비된 파드가 ${ready}개나 있습니다.`,
        })
      },
      hint: { en: 'In a kubia pod: `ping -c 3 kubia`.', ko: 'kubia 파드에서 `ping -c 3 kubia`를 실행하세요.' },
      speakerNotes: {
        en: 'Ask: curl to the same name works and ping does not — what does that tell you about how a ClusterIP is implemented?',
        ko: '질문: 같은 이름으로 curl은 되는데 ping은 안 됩니다. ClusterIP가 어떻게 구현되어 있는지에 대해 무엇을 알려 줄까요?',
      },
      focus: ['Pod/app=kubia', 'Service/default/kubia'],
    },
  ],
}

/**
 * Lesson 6 (chapter section 6): Endpoints are an object of their own, so a Service without a
 * selector can point at addresses outside the cluster through an Endpoints object written by hand;
 * giving it a selector later hands the list to the endpoints controller (the ClusterIP stays); and
 * `type: ExternalName` is only a DNS CNAME, with no ClusterIP and no kube-proxy rule at all.
 */
import type { Lesson, LessonView } from '../../lessons/types.ts'
import { fail, lastCommand, pass, pods, readyAddresses, readyPods, service } from '../../lessons/checks.ts'

/** The two addresses the hand-written Endpoints object of the scenario lists. */
const OUTSIDE = ['11.11.11.11', '22.22.22.22']

/** The ReplicationController a later step appends: the "external" service moves into the cluster. */
const KUBIA_RC = `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
        - name: kubia
          image: luksa/kubia
          ports:
            - containerPort: 8080
`

/** The ExternalName Service a later step appends. */
const EXTERNAL_NAME_SVC = `apiVersion: v1
kind: Service
metadata:
  name: external-api
spec:
  type: ExternalName
  externalName: api.somecompany.com
  ports:
    - port: 80
`

/** Where kube-proxy DNATed this step's requests to (the DNAT hops' new destinations). */
const dnatTargets = (v: LessonView): string[] => v.results.flatMap((r) => r.trace.hops.filter((h) => h.kind === 'dnat' && !h.reply).map((h) => h.after.dst))

/** The IPs of the running kubia pods, sorted. */
const kubiaIps = (v: LessonView): string[] =>
  pods(v, { app: 'kubia' })
    .map((p) => p.status?.podIP ?? '')
    .filter((ip) => ip !== '')
    .sort()

/** The CLUSTER-IP cell of every `kubectl get svc external-service` this step ran, in order. */
const printedClusterIps = (v: LessonView): string[] =>
  v.terminal
    .filter((t) => t.line.startsWith('kubectl get svc external-service') && t.exitCode === 0)
    .map((t) => t.output.split('\n').find((l) => l.startsWith('external-service '))?.trim().split(/\s+/)[2] ?? '')

export const externalLesson: Lesson = {
  id: 'external',
  section: 6,
  title: { en: 'Services for things outside the cluster', ko: '클러스터 외부 서비스에 연결하기' },
  summary: {
    en: 'Write the Endpoints of a selector-less Service by hand so its ClusterIP leads outside the cluster, let Kubernetes take the list over with a selector, and meet ExternalName, which is nothing but a DNS alias.',
    ko: '셀렉터 없는 서비스의 엔드포인트를 직접 작성해 ClusterIP가 클러스터 밖을 가리키게 하고, 셀렉터를 붙여 쿠버네티스가 그 목록을 맡게 한 뒤, DNS 별칭일 뿐인 ExternalName 서비스를 살펴봅니다.',
  },
  scenario: 'external-endpoints.yaml',
  steps: [
    {
      id: 'endpoints-object',
      title: { en: 'Endpoints are an object of their own', ko: '엔드포인트는 별도의 오브젝트다' },
      narration: {
        en: 'A Service does not store the addresses it forwards to. They live in an Endpoints object with the same name as the Service. When a Service has a selector, the endpoints controller fills that object with the matching pods. The Service external-service in the editor has no selector, so no controller touches its Endpoints: the Endpoints document below it was written by hand and names two addresses outside the cluster.',
        ko: '서비스는 트래픽을 보낼 주소를 직접 들고 있지 않습니다. 그 주소들은 서비스와 이름이 같은 Endpoints 오브젝트에 있습니다. 서비스에 셀렉터가 있으면 엔드포인트 컨트롤러가 셀렉터에 맞는 파드로 이 오브젝트를 채웁니다. 편집기의 external-service에는 셀렉터가 없으므로 어떤 컨트롤러도 이 엔드포인트를 건드리지 않습니다. 그 아래의 Endpoints 문서는 사람이 직접 작성한 것이고, 클러스터 밖의 주소 두 개를 담고 있습니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl describe svc external-service' },
        { kind: 'command', line: 'kubectl get endpoints external-service' },
      ],
      observe: {
        en: '`Selector: <none>` in the description, yet its Endpoints line lists 11.11.11.11:80 and 22.22.22.22:80, the same addresses `kubectl get endpoints` prints.',
        ko: '설명에 `Selector: <none>`이 나오는데도 Endpoints 줄에는 11.11.11.11:80과 22.22.22.22:80이 있습니다. `kubectl get endpoints`가 출력하는 주소와 같습니다.',
      },
      check: (v) => {
        const desc = lastCommand(v, 'kubectl describe svc external-service') ?? lastCommand(v, 'kubectl describe service external-service')
        if (!desc || desc.exitCode !== 0) return fail('Describe the Service external-service with kubectl.', 'kubectl로 external-service 서비스를 describe 해 보세요.')
        if (!/^Selector:\s+<none>$/m.test(desc.output)) return fail('The description should show that the Service has no selector.', '설명에 서비스의 셀렉터가 없다고 나와야 합니다.')
        const epLine = desc.output.split('\n').find((l) => l.startsWith('Endpoints:')) ?? ''
        if (!OUTSIDE.every((ip) => epLine.includes(`${ip}:80`))) return fail('The Endpoints line does not list 11.11.11.11:80 and 22.22.22.22:80.', 'Endpoints 줄에 11.11.11.11:80과 22.22.22.22:80이 없습니다.')
        const get = lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl get ep')
        if (!get || !OUTSIDE.every((ip) => get.output.includes(ip))) return fail('Now look at the Endpoints object itself: `kubectl get endpoints external-service`.', '이제 Endpoints 오브젝트 자체를 확인하세요: `kubectl get endpoints external-service`.')
        return pass({ en: 'No selector, two hand-written endpoints outside the cluster.', ko: '셀렉터는 없고, 직접 작성한 클러스터 외부 엔드포인트가 두 개 있습니다.' })
      },
      hint: {
        en: '`kubectl describe svc external-service`, then `kubectl get endpoints external-service`.',
        ko: '`kubectl describe svc external-service`를 실행한 다음 `kubectl get endpoints external-service`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: if the Service has no selector, how does Kubernetes know where to send traffic? (It reads the Endpoints object of the same name, whoever wrote it.)',
        ko: '질문: 서비스에 셀렉터가 없는데 쿠버네티스는 트래픽을 어디로 보낼지 어떻게 알까요? (누가 작성했든 같은 이름의 Endpoints 오브젝트를 읽습니다.)',
      },
      focus: ['Service/default/external-service'],
    },
    {
      id: 'route-out',
      title: { en: 'The ClusterIP leads out of the cluster', ko: 'ClusterIP가 클러스터 밖으로 이어진다' },
      narration: {
        en: "kube-proxy does not care who wrote the Endpoints: it turns whatever addresses they list into DNAT rules. A request from the client pod to the Service's ClusterIP is rewritten on the pod's node to 11.11.11.11 or 22.22.22.22 and leaves the cluster. Those are made-up addresses with no server behind them in the playground, so the connection times out, but the DNAT hop shows where the packet was sent.",
        ko: 'kube-proxy는 Endpoints를 누가 썼는지 따지지 않고, 거기에 적힌 주소를 그대로 DNAT 규칙으로 만듭니다. client 파드가 서비스의 ClusterIP로 보낸 요청은 파드가 있는 노드에서 목적지가 11.11.11.11이나 22.22.22.22로 바뀌어 클러스터 밖으로 나갑니다. 플레이그라운드에는 이 가상의 주소 뒤에 서버가 없어서 연결은 시간 초과로 끝나지만, DNAT 홉을 보면 패킷이 어디로 보내졌는지 알 수 있습니다.',
      },
      actions: [{ kind: 'send', from: 'default/client', url: 'http://$CLUSTERIP(external-service)', times: 4 }],
      observe: {
        en: 'In the inspector, the DNAT hop of each request: destination ClusterIP:80 before, 11.11.11.11:80 or 22.22.22.22:80 after.',
        ko: '인스펙터에서 각 요청의 DNAT 홉을 보세요. 바뀌기 전 목적지는 ClusterIP:80이고, 바뀐 뒤에는 11.11.11.11:80이나 22.22.22.22:80입니다.',
      },
      check: (v) => {
        const targets = dnatTargets(v)
        if (targets.length === 0) return fail('Send a request from the client pod to the ClusterIP of external-service.', 'client 파드에서 external-service의 ClusterIP로 요청을 보내세요.')
        const stray = targets.filter((ip) => !OUTSIDE.includes(ip))
        if (stray.length > 0) return fail(`Some requests were sent to ${stray.join(', ')}, not to the hand-written endpoints.`, `일부 요청이 직접 작성한 엔드포인트가 아닌 ${stray.join(', ')}(으)로 갔습니다.`)
        const seen = [...new Set(targets)].sort()
        return pass({ en: `kube-proxy sent the requests to ${seen.join(' and ')}.`, ko: `kube-proxy가 요청을 ${seen.join(', ')}(으)로 보냈습니다.` })
      },
      hint: {
        en: 'In the traffic bar choose From: default/client and To: the ClusterIP of external-service, then press Send request a few times.',
        ko: '트래픽 막대에서 From은 default/client, To는 external-service의 ClusterIP로 고른 뒤 Send request를 몇 번 누르세요.',
      },
      focus: ['Pod/default/client', 'Service/default/external-service'],
    },
    {
      id: 'pods-arrive',
      title: { en: 'Pods alone change nothing', ko: '파드만으로는 아무것도 바뀌지 않는다' },
      narration: {
        en: 'Suppose the external service moves into the cluster. Append a ReplicationController that runs it as three kubia pods. The pods start and become ready, but the Service still has no selector, so the endpoints controller leaves its Endpoints alone: the list still names the two outside addresses.',
        ko: '외부에 있던 서비스를 클러스터 안으로 옮긴다고 해 봅시다. 이를 kubia 파드 세 개로 실행하는 레플리케이션컨트롤러를 추가합니다. 파드는 시작되어 준비 상태가 되지만, 서비스에 여전히 셀렉터가 없으므로 엔드포인트 컨트롤러는 그 엔드포인트를 건드리지 않습니다. 목록에는 여전히 외부 주소 두 개만 있습니다.',
      },
      actions: [
        { kind: 'append', yaml: KUBIA_RC },
        { kind: 'wait', seconds: 10 },
      ],
      observe: {
        en: 'Three kubia pods on the diagram with no link to external-service.',
        ko: '다이어그램에 kubia 파드 세 개가 나타나지만 external-service와는 연결되지 않습니다.',
      },
      check: (v) => {
        const ready = readyPods(pods(v, { app: 'kubia' }))
        if (ready.length < 3) return fail(`${ready.length} of 3 kubia pods are ready; append the ReplicationController and wait.`, `kubia 파드 3개 중 ${ready.length}개가 준비됐습니다. 레플리케이션컨트롤러를 추가하고 기다리세요.`)
        const eps = readyAddresses(v, 'external-service')
        if (eps.join() !== OUTSIDE.join()) return fail('The Endpoints of external-service should still list only the two outside addresses.', 'external-service의 엔드포인트에는 여전히 외부 주소 두 개만 있어야 합니다.')
        return pass({ en: 'Three ready pods, and the Endpoints did not move.', ko: '파드 세 개가 준비됐지만 엔드포인트는 그대로입니다.' })
      },
      hint: {
        en: 'Append a ReplicationController named kubia with 3 replicas of luksa/kubia labelled app=kubia (containerPort 8080), then let the pods start.',
        ko: 'app=kubia 레이블이 붙은 luksa/kubia 파드 3개(containerPort 8080)를 실행하는 kubia 레플리케이션컨트롤러를 추가하고, 파드가 뜰 때까지 기다리세요.',
      },
      focus: ['Pod/app=kubia', 'Service/default/external-service'],
    },
    {
      id: 'add-selector',
      title: { en: 'A selector hands the list to Kubernetes', ko: '셀렉터를 붙이면 쿠버네티스가 목록을 관리한다' },
      narration: {
        en: 'Give external-service the selector app=kubia and a targetPort of 8080. From now on the endpoints controller owns the Endpoints object: it replaces the two hand-written addresses with the ready kubia pods and keeps the list current. The Service itself is updated in place, so its ClusterIP does not change and clients that use it notice nothing.',
        ko: 'external-service에 셀렉터 app=kubia와 targetPort 8080을 추가합니다. 이제부터는 엔드포인트 컨트롤러가 Endpoints 오브젝트를 관리합니다. 직접 적은 주소 두 개를 준비된 kubia 파드로 바꾸고, 이후에도 목록을 최신으로 유지합니다. 서비스 오브젝트는 그 자리에서 수정되므로 ClusterIP가 바뀌지 않고, 이를 쓰던 클라이언트도 달라진 점을 느끼지 못합니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl get svc external-service' },
        { kind: 'edit', find: '    - port: 80\n---', replace: '    - port: 80\n      targetPort: 8080\n  selector:\n    app: kubia\n---' },
        { kind: 'command', line: 'kubectl get svc external-service' },
        { kind: 'command', line: 'kubectl get endpoints external-service' },
      ],
      observe: {
        en: 'The same CLUSTER-IP before and after the edit; the Endpoints now list three pod IPs on port 8080.',
        ko: '수정 전과 후의 CLUSTER-IP가 같습니다. 이제 엔드포인트에는 포트 8080의 파드 IP 세 개가 있습니다.',
      },
      check: (v) => {
        const svc = service(v, 'external-service')
        if (svc?.spec.selector?.app !== 'kubia') return fail('external-service has no selector app=kubia yet.', 'external-service에 아직 셀렉터 app=kubia가 없습니다.')
        const want = kubiaIps(v)
        const have = readyAddresses(v, 'external-service')
        if (have.join() !== want.join()) return fail(`The Endpoints list ${have.join(', ') || 'nothing'}; expected the kubia pods.`, `엔드포인트에 ${have.join(', ') || '아무것도 없음'}이(가) 있습니다. kubia 파드가 있어야 합니다.`)
        const printed = printedClusterIps(v)
        if (printed.length < 2) return fail('Run `kubectl get svc external-service` before and after the edit to compare the ClusterIP.', '수정 전과 후에 `kubectl get svc external-service`를 실행해 ClusterIP를 비교하세요.')
        if (new Set(printed).size !== 1 || printed[0] !== svc.spec.clusterIP) return fail(`The printed ClusterIPs differ: ${printed.join(' → ')}.`, `출력된 ClusterIP가 서로 다릅니다: ${printed.join(' → ')}.`)
        return pass({ en: `The ClusterIP stayed ${svc.spec.clusterIP}; the Endpoints now list the kubia pods.`, ko: `ClusterIP는 ${svc.spec.clusterIP} 그대로이고, 엔드포인트에는 kubia 파드가 있습니다.` })
      },
      hint: {
        en: 'Under the Service external-service add `targetPort: 8080` to the port and `selector:` with `app: kubia` to the spec; run `kubectl get svc external-service` before and after.',
        ko: 'external-service 서비스의 포트에 `targetPort: 8080`을, spec에 `app: kubia`를 담은 `selector:`를 추가하세요. 수정 전후에 `kubectl get svc external-service`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: what happens if you remove the selector again? (The controller stops updating the Endpoints; whatever they list stays until someone edits them.)',
        ko: '질문: 셀렉터를 다시 지우면 어떻게 될까요? (컨트롤러가 엔드포인트 갱신을 멈춥니다. 누군가 고치기 전까지 마지막 목록이 그대로 남습니다.)',
      },
      focus: ['Service/default/external-service', 'Pod/app=kubia'],
    },
    {
      id: 'external-name',
      title: { en: 'ExternalName: a DNS alias, nothing more', ko: 'ExternalName: DNS 별칭일 뿐' },
      narration: {
        en: 'A Service of type ExternalName gets no ClusterIP, no Endpoints and no kube-proxy rules. The cluster DNS answers a lookup of its name with a CNAME record pointing at externalName, so the client resolves the real host itself and connects to it directly, bypassing the service proxy. The playground has no public DNS, so api.somecompany.com itself does not resolve here; the CNAME is the whole point.',
        ko: 'ExternalName 타입 서비스에는 ClusterIP도, 엔드포인트도, kube-proxy 규칙도 없습니다. 클러스터 DNS는 이 이름을 조회하면 externalName을 가리키는 CNAME 레코드로 응답합니다. 그러면 클라이언트가 실제 호스트 이름을 스스로 조회해 서비스 프록시를 거치지 않고 직접 연결합니다. 플레이그라운드에는 공용 DNS가 없어서 api.somecompany.com 자체는 조회되지 않습니다. 여기서 볼 것은 CNAME입니다.',
      },
      actions: [
        { kind: 'append', yaml: EXTERNAL_NAME_SVC },
        { kind: 'command', line: 'kubectl get svc external-api' },
        { kind: 'command', line: 'kubectl exec client -- nslookup external-api' },
      ],
      observe: {
        en: 'CLUSTER-IP `<none>` and EXTERNAL-IP api.somecompany.com in the table; nslookup prints `canonical name = api.somecompany.com.`',
        ko: '표에서 CLUSTER-IP는 `<none>`, EXTERNAL-IP는 api.somecompany.com입니다. nslookup은 `canonical name = api.somecompany.com.`을 출력합니다.',
      },
      check: (v) => {
        const svc = service(v, 'external-api')
        if (svc?.spec.type !== 'ExternalName') return fail('There is no ExternalName Service external-api yet.', '아직 ExternalName 서비스 external-api가 없습니다.')
        if (svc.spec.clusterIP) return fail(`external-api has the ClusterIP ${svc.spec.clusterIP}; an ExternalName Service should have none.`, `external-api에 ClusterIP ${svc.spec.clusterIP}가 있습니다. ExternalName 서비스에는 없어야 합니다.`)
        const row = lastCommand(v, 'kubectl get svc')?.output.split('\n').find((l) => l.startsWith('external-api '))
        if (!row || !/\s<none>\s+api\.somecompany\.com\s/.test(row)) return fail('Run `kubectl get svc external-api` and look at CLUSTER-IP and EXTERNAL-IP.', '`kubectl get svc external-api`를 실행해 CLUSTER-IP와 EXTERNAL-IP를 확인하세요.')
        const dns = v.terminal.find((t) => /\b(nslookup|dig)\b/.test(t.line) && t.line.includes('external-api') && t.output.includes('api.somecompany.com.'))
        if (!dns || !/canonical name = api\.somecompany\.com\.|\sCNAME\s+api\.somecompany\.com\./.test(dns.output)) return fail('Look the name up from the client pod: `kubectl exec client -- nslookup external-api`.', 'client 파드에서 이름을 조회하세요: `kubectl exec client -- nslookup external-api`.')
        return pass({ en: 'DNS answered with a CNAME to api.somecompany.com; there is no ClusterIP.', ko: 'DNS가 api.somecompany.com을 가리키는 CNAME으로 응답했고, ClusterIP는 없습니다.' })
      },
      hint: {
        en: 'Append a Service external-api with `type: ExternalName` and `externalName: api.somecompany.com`, then run `kubectl exec client -- nslookup external-api`.',
        ko: '`type: ExternalName`과 `externalName: api.somecompany.com`을 가진 external-api 서비스를 추가하고 `kubectl exec client -- nslookup external-api`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: why does `kubectl get endpoints` list nothing for external-api, and why is there no DNAT for it on any node?',
        ko: '질문: `kubectl get endpoints`에 external-api가 나오지 않는 이유는 무엇이고, 어느 노드에도 이를 위한 DNAT가 없는 이유는 무엇일까요?',
      },
      focus: ['Service/default/external-api', 'Pod/default/client'],
    },
  ],
}

/**
 * Lesson 1 (chapter section 1): a Service gives a changing set of pods one stable address, and its
 * label selector — not the pods' owner — decides which pods stand behind it.
 */
import type { Lesson } from '../../lessons/types.ts'
import { fail, find, lastCommand, pass, pods, readyAddresses, service } from '../../lessons/checks.ts'
import type { PodObj, ServiceObj } from '../../engine/model/k8s.ts'

export const clusteripLesson: Lesson = {
  id: 'clusterip',
  section: 1,
  title: { en: 'Services and label selectors', ko: '서비스와 레이블 셀렉터' },
  summary: {
    en: 'Three kubia pods come and go; the Service in front of them keeps one virtual IP, and its selector picks the pods.',
    ko: '세 개의 kubia 파드는 생기고 사라지지만, 그 앞의 서비스는 하나의 가상 IP를 유지하고 셀렉터로 파드를 고릅니다.',
  },
  scenario: 'kubia-clusterip.yaml',
  steps: [
    {
      id: 'cluster-ip',
      title: { en: 'One stable virtual IP', ko: '변하지 않는 가상 IP 하나' },
      narration: {
        en: 'The editor holds a ReplicationController with three kubia pods and a Service named kubia. When the Service was created, the API server gave it a ClusterIP from the service range. That address belongs to no machine: kube-proxy on every node turns it into rules.',
        ko: '편집기에는 kubia 파드 세 개를 만드는 레플리케이션컨트롤러와 kubia라는 서비스가 있습니다. 서비스가 만들어질 때 API 서버가 서비스 대역에서 ClusterIP를 하나 배정했습니다. 이 주소는 어떤 기계의 것도 아니며, 각 노드의 kube-proxy가 규칙으로 바꿔 둡니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl get svc kubia' }],
      observe: {
        en: 'The CLUSTER-IP column, and the Service box on the diagram showing the same address.',
        ko: 'CLUSTER-IP 열과, 다이어그램의 서비스 상자에 같은 주소가 보이는지 확인하세요.',
      },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP
        if (!ip || ip === 'None') return fail('The Service kubia has no ClusterIP yet.', 'kubia 서비스에 아직 ClusterIP가 없습니다.')
        const out = lastCommand(v, 'kubectl get svc')
        if (!out?.output.includes(ip)) return fail('Run `kubectl get svc kubia` and find its ClusterIP.', '`kubectl get svc kubia`를 실행해 ClusterIP를 찾아보세요.')
        return pass({ en: `kubia got ${ip}.`, ko: `kubia는 ${ip}를 받았습니다.` })
      },
      hint: { en: 'Type `kubectl get svc kubia` in the terminal.', ko: '터미널에 `kubectl get svc kubia`를 입력하세요.' },
      speakerNotes: {
        en: 'Ask: which machine owns this IP? (None — ping it later and see.)',
        ko: '질문: 이 IP는 어느 기계의 것일까요? (아무 기계도 아닙니다. 나중에 ping으로 확인합니다.)',
      },
      focus: ['Service/default/kubia'],
    },
    {
      id: 'endpoints',
      title: { en: 'Endpoints follow the selector', ko: '엔드포인트는 셀렉터를 따른다' },
      narration: {
        en: 'The Endpoints object named like the Service lists the address and port of every ready pod whose labels match the selector app=kubia. The endpoints controller keeps it up to date.',
        ko: '서비스와 이름이 같은 Endpoints 오브젝트에는 셀렉터 app=kubia와 레이블이 맞고 준비된 모든 파드의 주소와 포트가 들어 있습니다. 엔드포인트 컨트롤러가 이를 계속 갱신합니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl get endpoints kubia' }],
      observe: { en: 'Three pod IPs with port 8080 — the targetPort, not 80.', ko: '포트 8080(80이 아니라 targetPort)과 함께 파드 IP 세 개가 보입니다.' },
      check: (v) => {
        const want = pods(v, { app: 'kubia' })
          .map((p: PodObj) => p.status?.podIP ?? '')
          .sort()
        const have = readyAddresses(v, 'kubia')
        if (have.length !== 3 || have.join() !== want.join()) return fail(`Endpoints lists ${have.length} ready addresses; expected the 3 kubia pods.`, `Endpoints에 준비된 주소가 ${have.length}개 있습니다. kubia 파드 3개가 있어야 합니다.`)
        const out = lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl get ep') ?? lastCommand(v, 'kubectl describe')
        if (!out || !have.every((ip) => out.output.includes(ip))) return fail('Look at the Endpoints object with kubectl.', 'kubectl로 Endpoints 오브젝트를 확인하세요.')
        return pass({ en: 'Endpoints now lists 3 ready pods.', ko: 'Endpoints에 준비된 파드 3개가 있습니다.' })
      },
      hint: { en: '`kubectl get endpoints kubia`, then compare with `kubectl get pods -o wide`.', ko: '`kubectl get endpoints kubia`를 실행하고 `kubectl get pods -o wide`와 비교하세요.' },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'relabel',
      title: { en: 'Change a label, leave the Service', ko: '레이블을 바꾸면 서비스에서 빠진다' },
      narration: {
        en: 'Relabel one pod to app=foo. It no longer matches the Service selector, so it leaves Endpoints. It also no longer matches the ReplicationController, which starts a replacement that does match.',
        ko: '파드 하나의 레이블을 app=foo로 바꿉니다. 이제 서비스 셀렉터와 맞지 않으므로 Endpoints에서 빠집니다. 레플리케이션컨트롤러의 셀렉터와도 맞지 않게 되어, 컨트롤러가 조건에 맞는 새 파드를 띄웁니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl label pod $POD(app=kubia) app=foo --overwrite' }],
      observe: { en: 'The relabelled pod loses its endpoint link on the diagram; a new pod appears and joins.', ko: '레이블이 바뀐 파드의 엔드포인트 연결이 사라지고, 새 파드가 나타나 합류합니다.' },
      check: (v) => {
        const foo = pods(v, { app: 'foo' })
        if (foo.length === 0) return fail('No pod has the label app=foo yet.', '아직 app=foo 레이블을 가진 파드가 없습니다.')
        const eps = readyAddresses(v, 'kubia')
        if (foo.some((p) => eps.includes(p.status?.podIP ?? ''))) return fail('The relabelled pod is still in Endpoints.', '레이블을 바꾼 파드가 아직 Endpoints에 있습니다.')
        if (eps.length !== 3) return fail(`Endpoints has ${eps.length} ready pods; wait for the replacement.`, `Endpoints에 준비된 파드가 ${eps.length}개입니다. 새 파드를 기다리세요.`)
        return pass({ en: 'The app=foo pod left; a replacement joined.', ko: 'app=foo 파드는 빠지고 새 파드가 들어왔습니다.' })
      },
      hint: { en: '`kubectl label pod <name> app=foo --overwrite` — take a name from `kubectl get pods`.', ko: '`kubectl get pods`에서 이름을 골라 `kubectl label pod <이름> app=foo --overwrite`를 실행하세요.' },
      focus: ['Service/default/kubia', 'Pod/app=foo'],
    },
    {
      id: 'expose',
      title: { en: 'kubectl expose writes the same Service', ko: 'kubectl expose로 같은 서비스 만들기' },
      narration: {
        en: '`kubectl expose` builds a Service from the controller: it copies the selector and takes the ports you give it.',
        ko: '`kubectl expose`는 컨트롤러를 보고 서비스를 만듭니다. 셀렉터를 그대로 가져오고 포트는 주어진 값을 씁니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl expose rc kubia --name=kubia-exposed --port=80 --target-port=8080' }],
      observe: { en: 'A second Service with its own ClusterIP and the same three endpoints.', ko: '자기 ClusterIP를 가진 두 번째 서비스가 같은 엔드포인트 세 개를 가리킵니다.' },
      check: (v) => {
        const s = find<ServiceObj>(v, 'Service', 'kubia-exposed')
        if (!s) return fail('There is no Service kubia-exposed yet.', '아직 kubia-exposed 서비스가 없습니다.')
        const p = s.spec.ports?.[0]
        if (s.spec.selector?.app !== 'kubia' || p?.port !== 80 || p.targetPort !== 8080) return fail('kubia-exposed should select app=kubia with port 80 → 8080.', 'kubia-exposed는 app=kubia를 고르고 포트 80 → 8080이어야 합니다.')
        return pass()
      },
      hint: { en: '`kubectl expose rc kubia --name=kubia-exposed --port=80 --target-port=8080`', ko: '`kubectl expose rc kubia --name=kubia-exposed --port=80 --target-port=8080`' },
      focus: ['Service/default/kubia-exposed'],
    },
    {
      id: 'inside',
      title: { en: 'Reachable from inside only', ko: '클러스터 안에서만 닿는다' },
      narration: {
        en: 'Ask the Service from inside a pod: kube-proxy rewrites the ClusterIP to one pod (DNAT). Each curl opens a new connection, so answers come from different pods.',
        ko: '파드 안에서 서비스에 요청해 봅니다. kube-proxy가 ClusterIP를 파드 하나의 주소로 바꿉니다(DNAT). curl은 요청마다 새 연결을 열기 때문에 응답하는 파드가 바뀝니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' },
      ],
      observe: { en: '"You\'ve hit kubia-…" with the name of the pod that answered; the DNAT badge on the diagram.', ko: '응답한 파드의 이름이 담긴 "You\'ve hit kubia-…"와 다이어그램의 DNAT 표시를 보세요.' },
      check: (v) => {
        const hits = v.terminal.filter((t) => t.exitCode === 0 && /^You've hit kubia-/.test(t.output))
        if (hits.length === 0) return fail('No curl inside a pod reached the Service yet.', '아직 파드 안의 curl이 서비스에 닿지 않았습니다.')
        const dnat = hits.some((t) => t.traces.some((tr) => tr.hops.some((h) => h.kind === 'dnat')))
        if (!dnat) return fail('The request did not go through the Service (no DNAT).', '요청이 서비스를 거치지 않았습니다(DNAT 없음).')
        return pass()
      },
      hint: { en: '`kubectl exec <pod> -- curl -s http://<ClusterIP>` — everything after `--` runs in the pod.', ko: '`kubectl exec <파드> -- curl -s http://<ClusterIP>` — `--` 뒤는 파드 안에서 실행됩니다.' },
      focus: ['Service/default/kubia'],
    },
  ],
}

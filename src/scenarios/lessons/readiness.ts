/**
 * Lesson 10 (chapter section 10): a readiness probe decides whether a pod's address is among the
 * ready addresses of its Service's Endpoints. The book's exec probe `ls /var/ready` keeps every pod
 * out until the file exists; a deleted pod leaves the Endpoints at once, without waiting for a probe;
 * and to take a pod out of service by hand you change its labels, not its probe.
 */
import type { Lesson, LessonView } from '../../lessons/types.ts'
import type { PodObj } from '../../engine/model/k8s.ts'
import { fail, lastCommand, notReadyAddresses, pass, pods, readyAddresses, readyPods, service } from '../../lessons/checks.ts'

/** The pod the last command of this step starting with `prefix` names right after it (`kubectl exec <pod>`). */
function podNamed(v: LessonView, prefix: string): string | undefined {
  const t = lastCommand(v, prefix)
  return t?.line.slice(prefix.length).trim().split(/\s+/)[0]
}

/** All running kubia pods (any labels beyond app=kubia). */
const kubia = (v: LessonView): PodObj[] => pods(v, { app: 'kubia' })

/** Every pod IP in the Endpoints of kubia, ready or not. */
const listed = (v: LessonView): string[] => [...readyAddresses(v, 'kubia'), ...notReadyAddresses(v, 'kubia')]

/** The Service part of the editor text the label step edits (the RC above it has the same selector lines). */
const SVC_SELECTOR = '    - port: 80\n      targetPort: 8080\n  selector:\n    app: kubia'

export const readinessLesson: Lesson = {
  id: 'readiness',
  section: 10,
  title: { en: 'Readiness probes', ko: '레디니스 프로브' },
  summary: {
    en: 'Watch the exec probe `ls /var/ready` keep pods out of the Endpoints, let one in by creating the file, delete a pod and see it leave at once, and pull a pod out of service by hand with a label.',
    ko: 'exec 프로브 `ls /var/ready`가 파드를 엔드포인트 밖에 두는 모습을 보고, 파일을 만들어 파드 하나를 들여보낸 뒤, 파드를 삭제하면 즉시 빠지는 것과 레이블로 파드를 직접 서비스에서 빼는 방법을 봅니다.',
  },
  scenario: 'readiness-probe.yaml',
  steps: [
    {
      id: 'not-ready',
      title: { en: 'Running, but not ready', ko: '실행 중이지만 준비되지 않음' },
      narration: {
        en: 'The pod template of the ReplicationController has a readiness probe: the kubelet runs `ls /var/ready` in the container, and only exit code 0 counts as ready. No container has that file, so all three pods run but stay not ready. The endpoints controller still lists them, under NotReadyAddresses, which kube-proxy never sends traffic to.',
        ko: '레플리케이션컨트롤러의 파드 템플릿에는 레디니스 프로브가 있습니다. kubelet이 컨테이너 안에서 `ls /var/ready`를 실행하고, 종료 코드가 0일 때만 준비된 것으로 봅니다. 어느 컨테이너에도 이 파일이 없으므로 파드 세 개는 실행 중이지만 준비되지 않은 상태로 남습니다. 엔드포인트 컨트롤러는 이들을 NotReadyAddresses에 올려 두며, kube-proxy는 그 주소로는 트래픽을 보내지 않습니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl get pods' },
        { kind: 'command', line: 'kubectl describe endpoints kubia' },
      ],
      observe: {
        en: 'READY `0/1` for every pod; `Addresses: <none>` and three IPs under `NotReadyAddresses`.',
        ko: '모든 파드의 READY가 `0/1`입니다. `Addresses: <none>`이고 `NotReadyAddresses`에 IP 세 개가 있습니다.',
      },
      check: (v) => {
        const all = kubia(v)
        if (all.length === 0 || readyPods(all).length > 0) return fail('This step expects kubia pods that are all not ready.', '이 단계에는 모두 준비되지 않은 kubia 파드가 필요합니다.')
        const get = lastCommand(v, 'kubectl get pods')
        if (!get || !all.every((p) => new RegExp(`^${p.metadata.name}\\s+0/1\\s`, 'm').test(get.output))) return fail('List the pods with `kubectl get pods` and read the READY column.', '`kubectl get pods`로 파드를 보고 READY 열을 읽으세요.')
        const desc = lastCommand(v, 'kubectl describe endpoints') ?? lastCommand(v, 'kubectl describe ep')
        const ips = all.map((p) => p.status?.podIP ?? '').sort()
        const line = desc?.output.split('\n').find((l) => l.trim().startsWith('NotReadyAddresses:')) ?? ''
        if (!desc || !ips.every((ip) => line.includes(ip))) return fail('Describe the Endpoints of kubia and find the NotReadyAddresses line.', 'kubia의 엔드포인트를 describe 해서 NotReadyAddresses 줄을 찾으세요.')
        return pass({ en: `${ips.length} pods, all under NotReadyAddresses.`, ko: `파드 ${ips.length}개가 모두 NotReadyAddresses에 있습니다.` })
      },
      hint: { en: '`kubectl get pods`, then `kubectl describe endpoints kubia`.', ko: '`kubectl get pods`를 실행한 다음 `kubectl describe endpoints kubia`를 실행하세요.' },
      speakerNotes: {
        en: 'Ask: a liveness probe would restart a failing container. What does a failing readiness probe do to it? (Nothing; the pod only leaves the Endpoints.)',
        ko: '질문: 라이브니스 프로브가 실패하면 컨테이너가 재시작됩니다. 레디니스 프로브가 실패하면 컨테이너는 어떻게 될까요? (아무 일도 없습니다. 파드가 엔드포인트에서 빠질 뿐입니다.)',
      },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'probe-line',
      title: { en: 'The probe in kubectl describe', ko: 'kubectl describe에 나오는 프로브' },
      narration: {
        en: 'kubectl describe pod prints the probe with the defaults the API server filled in: no initial delay, a 1 second timeout, a run every 10 seconds, one success to become ready and three failures to become not ready again. The events show each failed run with the output of ls.',
        ko: 'kubectl describe pod는 API 서버가 채운 기본값과 함께 프로브를 보여 줍니다. 초기 지연 없음, 제한 시간 1초, 10초마다 실행, 한 번 성공하면 준비, 세 번 실패하면 다시 준비되지 않음 상태가 됩니다. 이벤트에는 실패한 실행마다 ls의 출력이 남아 있습니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl describe pod $POD(app=kubia)' }],
      observe: {
        en: 'The line `Readiness: exec [ls /var/ready] delay=0s timeout=1s period=10s #success=1 #failure=3` and the `Unhealthy` warning events.',
        ko: '`Readiness: exec [ls /var/ready] delay=0s timeout=1s period=10s #success=1 #failure=3` 줄과 `Unhealthy` 경고 이벤트를 보세요.',
      },
      check: (v) => {
        const d = lastCommand(v, 'kubectl describe pod') ?? lastCommand(v, 'kubectl describe pods')
        if (!d || d.exitCode !== 0) return fail('Describe one of the kubia pods.', 'kubia 파드 하나를 describe 하세요.')
        if (!/Readiness:\s+exec \[ls \/var\/ready\] delay=0s timeout=1s period=10s #success=1 #failure=3/.test(d.output)) return fail('The description should show the readiness probe line.', '설명에 레디니스 프로브 줄이 있어야 합니다.')
        return pass({ en: 'The exec probe runs every 10 s.', ko: 'exec 프로브가 10초마다 실행됩니다.' })
      },
      hint: { en: '`kubectl describe pod <name>` with a name from `kubectl get pods`.', ko: '`kubectl get pods`에서 이름을 골라 `kubectl describe pod <이름>`을 실행하세요.' },
      focus: ['Pod/app=kubia'],
    },
    {
      id: 'make-ready',
      title: { en: 'Create the file, join the Service', ko: '파일을 만들면 서비스에 합류한다' },
      narration: {
        en: 'Create /var/ready in one pod. Nothing happens at once: the next probe run, at most one period (10 s) later, finds the file, exits 0, and the kubelet marks the container ready. The endpoints controller then moves that pod\'s IP from NotReadyAddresses to Addresses.',
        ko: '파드 하나에 /var/ready를 만듭니다. 곧바로 달라지지는 않습니다. 최대 한 주기(10초) 뒤의 다음 프로브 실행이 파일을 찾아 0으로 끝나면, kubelet이 컨테이너를 준비 상태로 표시합니다. 그러면 엔드포인트 컨트롤러가 그 파드의 IP를 NotReadyAddresses에서 Addresses로 옮깁니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- touch /var/ready' },
        { kind: 'wait', seconds: 10 },
        { kind: 'command', line: 'kubectl get endpoints kubia' },
      ],
      observe: {
        en: 'After the wait that pod shows READY `1/1`, and ENDPOINTS lists exactly its IP on port 8080.',
        ko: '기다린 뒤 그 파드의 READY가 `1/1`이 되고, ENDPOINTS에는 포트 8080의 그 파드 IP 하나만 나옵니다.',
      },
      check: (v) => {
        const name = podNamed(v, 'kubectl exec')
        const pod = kubia(v).find((p) => p.metadata.name === name)
        if (!pod || !v.terminal.some((t) => t.line.startsWith('kubectl exec') && t.line.includes('touch /var/ready') && t.exitCode === 0)) {
          return fail('Create the file in a kubia pod: `kubectl exec <pod> -- touch /var/ready`.', 'kubia 파드에 파일을 만드세요: `kubectl exec <파드> -- touch /var/ready`.')
        }
        const ready = readyAddresses(v, 'kubia')
        if (ready.join() !== (pod.status?.podIP ?? '-')) return fail(`Ready addresses: ${ready.join(', ') || 'none'}; wait a probe period for ${name}.`, `준비된 주소: ${ready.join(', ') || '없음'}. ${name}을(를) 위해 프로브 한 주기를 기다리세요.`)
        const get = lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl get ep')
        if (!get?.output.includes(`${pod.status?.podIP}:8080`)) return fail('Look at the Endpoints again: `kubectl get endpoints kubia`.', '엔드포인트를 다시 확인하세요: `kubectl get endpoints kubia`.')
        return pass({ en: `${name} is ready and is the only endpoint.`, ko: `${name}이(가) 준비됐고 유일한 엔드포인트입니다.` })
      },
      hint: {
        en: '`kubectl exec <pod> -- touch /var/ready`, wait about 10 seconds, then `kubectl get endpoints kubia`.',
        ko: '`kubectl exec <파드> -- touch /var/ready`를 실행하고 10초쯤 기다린 뒤 `kubectl get endpoints kubia`를 실행하세요.',
      },
      focus: ['Pod/app=kubia', 'Service/default/kubia'],
    },
    {
      id: 'only-ready',
      title: { en: 'Only the ready pod gets traffic', ko: '준비된 파드만 트래픽을 받는다' },
      narration: {
        en: 'The other two pods are running and their app would answer, but kube-proxy builds its rules from ready endpoints only. Every request to the ClusterIP therefore lands on the one ready pod.',
        ko: '나머지 두 파드도 실행 중이고 앱도 응답할 수 있지만, kube-proxy는 준비된 엔드포인트로만 규칙을 만듭니다. 그래서 ClusterIP로 가는 요청은 모두 준비된 파드 하나에 도착합니다.',
      },
      actions: [{ kind: 'send', from: 'kind-control-plane', url: 'http://$CLUSTERIP(kubia)', times: 4 }],
      observe: { en: 'Four answers, all naming the same pod.', ko: '응답 네 개가 모두 같은 파드 이름을 말합니다.' },
      check: (v) => {
        const ok = v.results.filter((r) => r.status === 200)
        if (ok.length < 4) return fail('Send four requests to the ClusterIP of kubia from a node.', '노드에서 kubia의 ClusterIP로 요청을 네 번 보내세요.')
        const ready = readyPods(kubia(v)).map((p) => `default/${p.metadata.name}`)
        const hit = [...new Set(ok.map((r) => r.pod))]
        if (hit.length !== 1 || !ready.includes(hit[0] ?? '')) return fail(`Answers came from ${hit.join(', ')}; only the ready pod should answer.`, `${hit.join(', ')}에서 응답이 왔습니다. 준비된 파드만 응답해야 합니다.`)
        return pass({ en: `All four went to ${hit[0]}.`, ko: `네 요청 모두 ${hit[0]}(으)로 갔습니다.` })
      },
      hint: {
        en: 'In the traffic bar choose From: kind-control-plane and To: the ClusterIP of kubia, then send 4 requests.',
        ko: '트래픽 막대에서 From은 kind-control-plane, To는 kubia의 ClusterIP로 고르고 요청을 4번 보내세요.',
      },
      focus: ['Node/kind-control-plane', 'Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'delete',
      title: { en: 'Deleted pods leave at once', ko: '삭제된 파드는 즉시 빠진다' },
      narration: {
        en: 'Delete the ready pod. The endpoints controller removes a pod from Endpoints as soon as it is marked for deletion, without waiting for a probe to fail, so there is no need to fail the readiness probe on shutdown. The ReplicationController starts a replacement, which has no /var/ready and stays not ready.',
        ko: '준비된 파드를 삭제합니다. 엔드포인트 컨트롤러는 파드가 삭제 표시를 받는 즉시, 프로브 실패를 기다리지 않고 엔드포인트에서 뺍니다. 그러니 종료할 때 일부러 레디니스 프로브를 실패시킬 필요가 없습니다. 레플리케이션컨트롤러가 대신할 파드를 띄우지만, 새 파드에는 /var/ready가 없어서 준비되지 않은 채로 남습니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl delete pod $POD(app=kubia)' },
        { kind: 'command', line: 'kubectl get endpoints kubia' },
      ],
      observe: {
        en: 'ENDPOINTS is empty again; `kubectl get pods` shows a new pod at READY `0/1`.',
        ko: 'ENDPOINTS가 다시 비었습니다. `kubectl get pods`에는 READY `0/1`인 새 파드가 보입니다.',
      },
      check: (v) => {
        const del = v.terminal.find((t) => t.exitCode === 0 && /^kubectl delete (pods?|po)[\s/]/.test(t.line))
        const name = del?.line.match(/^kubectl delete (?:pods?|po)(?:\s+|\/)(\S+)/)?.[1]
        if (!name) return fail('Delete the ready pod with kubectl.', 'kubectl로 준비된 파드를 삭제하세요.')
        if (kubia(v).some((p) => p.metadata.name === name)) return fail(`${name} is still there.`, `${name}이(가) 아직 있습니다.`)
        if (readyAddresses(v, 'kubia').length > 0) return fail('The Endpoints still list a ready address.', '엔드포인트에 아직 준비된 주소가 있습니다.')
        const all = kubia(v)
        if (all.length < 3 || readyPods(all).length > 0) return fail('Wait for the replacement pod; it should stay not ready.', '대체 파드를 기다리세요. 이 파드는 준비되지 않은 상태여야 합니다.')
        return pass({ en: `${name} left the Endpoints; its replacement is not ready.`, ko: `${name}은(는) 엔드포인트에서 빠졌고, 대체 파드는 준비되지 않았습니다.` })
      },
      hint: {
        en: '`kubectl delete pod <ready pod>`, then `kubectl get endpoints kubia`.',
        ko: '`kubectl delete pod <준비된 파드>`를 실행한 뒤 `kubectl get endpoints kubia`를 실행하세요.',
      },
      focus: ['Pod/app=kubia', 'Service/default/kubia'],
    },
    {
      id: 'enabled-label',
      title: { en: 'A label to switch a pod on', ko: '파드를 켜는 레이블' },
      narration: {
        en: 'Sometimes you want to take a healthy pod out of service by hand, for example to debug it. Do not break its probe; use labels. Add `enabled: "true"` to the Service\'s selector (the ReplicationController keeps its own selector, app=kubia, so nothing is replaced), make one pod ready again, and give it the label enabled=true. Only that pod now matches.',
        ko: '정상인 파드를 디버깅 등의 이유로 직접 서비스에서 빼고 싶을 때가 있습니다. 프로브를 망가뜨리지 말고 레이블을 쓰세요. 서비스 셀렉터에 `enabled: "true"`를 추가하고(레플리케이션컨트롤러는 자기 셀렉터 app=kubia를 그대로 쓰므로 파드가 교체되지 않습니다), 파드 하나를 다시 준비 상태로 만든 뒤 enabled=true 레이블을 붙입니다. 이제 그 파드만 셀렉터에 맞습니다.',
      },
      actions: [
        { kind: 'edit', find: SVC_SELECTOR, replace: `${SVC_SELECTOR}\n    enabled: "true"` },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- touch /var/ready' },
        { kind: 'command', line: 'kubectl label pod $POD(app=kubia) enabled=true' },
        { kind: 'wait', seconds: 10 },
        { kind: 'command', line: 'kubectl get endpoints kubia' },
      ],
      observe: {
        en: 'ENDPOINTS lists the labelled pod only; the other pods are not even under NotReadyAddresses now, because they no longer match the selector.',
        ko: 'ENDPOINTS에는 레이블을 붙인 파드만 있습니다. 다른 파드는 이제 셀렉터에 맞지 않으므로 NotReadyAddresses에도 없습니다.',
      },
      check: (v) => {
        if (service(v, 'kubia')?.spec.selector?.enabled !== 'true') return fail('The Service selector has no enabled: "true" yet.', '서비스 셀렉터에 아직 enabled: "true"가 없습니다.')
        const on = kubia(v).filter((p) => p.metadata.labels?.enabled === 'true')
        if (on.length !== 1) return fail(`${on.length} pods carry enabled=true; label exactly one.`, `enabled=true 레이블이 붙은 파드가 ${on.length}개입니다. 정확히 하나에만 붙이세요.`)
        const ip = on[0]!.status?.podIP ?? '-'
        if (readyAddresses(v, 'kubia').join() !== ip) return fail(`The labelled pod ${on[0]!.metadata.name} should be the one ready endpoint; is its /var/ready there?`, `레이블을 붙인 파드 ${on[0]!.metadata.name}이(가) 유일한 준비된 엔드포인트여야 합니다. /var/ready가 있나요?`)
        if (listed(v).length !== 1) return fail('Pods without the label should not be in the Endpoints at all.', '레이블이 없는 파드는 엔드포인트에 아예 없어야 합니다.')
        return pass({ en: `${on[0]!.metadata.name} is the only endpoint.`, ko: `${on[0]!.metadata.name}이(가) 유일한 엔드포인트입니다.` })
      },
      hint: {
        en: 'Add `enabled: "true"` under the Service\'s `selector:`, run `kubectl exec <pod> -- touch /var/ready` and `kubectl label pod <pod> enabled=true`.',
        ko: '서비스의 `selector:` 아래에 `enabled: "true"`를 추가하고, `kubectl exec <파드> -- touch /var/ready`와 `kubectl label pod <파드> enabled=true`를 실행하세요.',
      },
      focus: ['Service/default/kubia', 'Pod/enabled=true'],
    },
    {
      id: 'switch-off',
      title: { en: 'Switch it off by hand', ko: '직접 서비스에서 빼기' },
      narration: {
        en: 'Overwrite the label with enabled=false. The pod stays running and ready, and the ReplicationController still counts it, but it no longer matches the Service\'s selector, so it leaves the Endpoints right away. Set the label back to true and it returns, with no restart and no probe trick.',
        ko: '레이블을 enabled=false로 덮어씁니다. 파드는 계속 실행 중이고 준비 상태이며 레플리케이션컨트롤러도 여전히 이 파드를 셉니다. 하지만 서비스 셀렉터에는 더 이상 맞지 않으므로 곧바로 엔드포인트에서 빠집니다. 레이블을 다시 true로 바꾸면 재시작이나 프로브 조작 없이 돌아옵니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl label pod $POD(app=kubia,enabled=true) enabled=false --overwrite' },
        { kind: 'command', line: 'kubectl get pods --show-labels' },
      ],
      observe: {
        en: 'The pod is still `1/1 Running` with `enabled=false`, the pod count is unchanged, and the Endpoints are empty.',
        ko: '파드는 `enabled=false` 레이블을 단 채 여전히 `1/1 Running`이고, 파드 수는 그대로이며, 엔드포인트는 비어 있습니다.',
      },
      check: (v) => {
        const off = kubia(v).filter((p) => p.metadata.labels?.enabled === 'false')
        if (off.length === 0) return fail('No pod has enabled=false yet.', '아직 enabled=false인 파드가 없습니다.')
        const pod = off[0]!
        if (readyPods([pod]).length === 0) return fail(`${pod.metadata.name} should still be ready: only its label changed.`, `${pod.metadata.name}은(는) 여전히 준비 상태여야 합니다. 바뀐 것은 레이블뿐입니다.`)
        if (listed(v).includes(pod.status?.podIP ?? '-')) return fail(`${pod.metadata.name} is still in the Endpoints.`, `${pod.metadata.name}이(가) 아직 엔드포인트에 있습니다.`)
        if (kubia(v).length !== 3) return fail('The ReplicationController should still count three pods.', '레플리케이션컨트롤러가 여전히 파드 세 개를 세고 있어야 합니다.')
        const shown = lastCommand(v, 'kubectl get pods')
        if (!shown?.output.includes('enabled=false')) return fail('Look at the labels: `kubectl get pods --show-labels`.', '레이블을 확인하세요: `kubectl get pods --show-labels`.')
        return pass({ en: `${pod.metadata.name} is ready but out of service.`, ko: `${pod.metadata.name}은(는) 준비 상태지만 서비스에서 빠졌습니다.` })
      },
      hint: {
        en: '`kubectl label pod <pod> enabled=false --overwrite`, then `kubectl get pods --show-labels`.',
        ko: '`kubectl label pod <파드> enabled=false --overwrite`를 실행한 뒤 `kubectl get pods --show-labels`를 실행하세요.',
      },
      speakerNotes: {
        en: 'Summary for the class: always define a readiness probe; never use it for shutdown; use labels to pull a pod out by hand.',
        ko: '정리: 레디니스 프로브는 항상 정의하고, 종료 처리에는 쓰지 말고, 파드를 직접 빼려면 레이블을 쓰세요.',
      },
      focus: ['Service/default/kubia', 'Pod/enabled=false'],
    },
  ],
}

/**
 * Lesson 4 (chapter section 4): one Service, two ports on one ClusterIP, each mapped on its own;
 * every port of a multi-port Service needs a name; a targetPort that names a container port lets
 * the pods change the number behind the name while the Service stays as it is.
 */
import type { Lesson, LessonView, Trace } from '../../lessons/types.ts'
import { fail, find, lastCommand, pass, service, tracesOf } from '../../lessons/checks.ts'
import type { EndpointsObj, ServiceObj } from '../../engine/model/k8s.ts'


/** A trace's first DNAT of the request direction that rewrote `clusterIP:port`, if any. */
function dnatFrom(t: Trace, clusterIP: string | undefined, port: number) {
  return t.hops.find((h) => h.kind === 'dnat' && !h.reply && h.before.dst === clusterIP && h.before.dport === port)
}

/** The port number the Endpoints of kubia list under a port name (one subset per distinct port set). */
function endpointPorts(v: LessonView, name: string): number[] {
  const ep = find<EndpointsObj>(v, 'Endpoints', 'kubia')
  return [...new Set((ep?.subsets ?? []).flatMap((s) => (s.ports ?? []).filter((p) => p.name === name).map((p) => p.port)))].sort()
}

/** True when the kubia Service still maps http 80→http and https 443→https. */
function serviceUntouched(v: LessonView): boolean {
  const ports = service(v, 'kubia')?.spec.ports ?? []
  const byName = new Map(ports.map((p) => [p.name, p]))
  return ports.length === 2 && byName.get('http')?.port === 80 && byName.get('http')?.targetPort === 'http' && byName.get('https')?.port === 443 && byName.get('https')?.targetPort === 'https'
}

export const multiPortLesson: Lesson = {
  id: 'multi-port',
  section: 4,
  title: { en: 'Multiple ports and named ports', ko: '다중 포트와 이름 있는 포트' },
  summary: {
    en: 'One Service exposes http 80 and https 443 on the same ClusterIP; its targetPorts name the pods\' container ports, so the pods can change the numbers without a Service edit.',
    ko: '하나의 서비스가 같은 ClusterIP에서 http 80과 https 443을 노출합니다. targetPort가 파드의 컨테이너 포트를 이름으로 가리키므로, 서비스를 고치지 않고도 파드가 포트 번호를 바꿀 수 있습니다.',
  },
  scenario: 'multi-port.yaml',
  steps: [
    {
      id: 'two-ports',
      title: { en: 'Two ports, one ClusterIP', ko: '포트 둘, ClusterIP 하나' },
      narration: {
        en: 'This Service lists two ports, http 80 and https 443. They share one ClusterIP; what tells them apart is the port number a client connects to. Because there is more than one port, each carries a name.',
        ko: '이 서비스에는 http 80과 https 443, 두 포트가 있습니다. 두 포트는 ClusterIP 하나를 함께 쓰며, 클라이언트가 접속하는 포트 번호로 구분됩니다. 포트가 둘 이상이므로 각 포트에 이름이 붙어 있습니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl get svc kubia' }],
      observe: { en: 'The PORT(S) column: 80/TCP,443/TCP next to a single CLUSTER-IP.', ko: 'CLUSTER-IP 하나 옆의 PORT(S) 열에 80/TCP,443/TCP가 보입니다.' },
      check: (v) => {
        const s = service(v, 'kubia')
        const out = lastCommand(v, 'kubectl get svc') ?? lastCommand(v, 'kubectl get service')
        if (!s?.spec.clusterIP || s.spec.ports?.length !== 2) return fail('The Service kubia should have two ports.', 'kubia 서비스에는 포트가 두 개 있어야 합니다.')
        if (!out || !out.output.includes(s.spec.clusterIP) || !out.output.includes('80/TCP,443/TCP')) {
          return fail('List the Service with `kubectl get svc kubia`.', '`kubectl get svc kubia`로 서비스를 확인하세요.')
        }
        return pass({ en: `${s.spec.clusterIP} serves ports 80 and 443.`, ko: `${s.spec.clusterIP} 하나가 포트 80과 443을 받습니다.` })
      },
      hint: { en: '`kubectl get svc kubia`', ko: '`kubectl get svc kubia`' },
      focus: ['Service/default/kubia'],
    },
    {
      id: 'named-target',
      title: { en: 'targetPort by name', ko: '이름으로 가리키는 targetPort' },
      narration: {
        en: 'The Service says `targetPort: http` rather than a number. The pod template declares `containerPort: 8080` under the name http and 8443 under https, and the endpoints controller looks the name up in each pod to build the Endpoints.',
        ko: '서비스에는 숫자 대신 `targetPort: http`라고 적혀 있습니다. 파드 템플릿은 http라는 이름으로 `containerPort: 8080`을, https라는 이름으로 8443을 선언하고, 엔드포인트 컨트롤러가 파드마다 이름을 찾아 Endpoints를 만듭니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl describe svc kubia' }],
      observe: {
        en: 'Per port: TargetPort shows the name (http/TCP), and the Endpoints line below it shows the number it resolved to (:8080, :8443).',
        ko: '포트마다 TargetPort에는 이름(http/TCP)이, 그 아래 Endpoints 줄에는 이름이 풀린 번호(:8080, :8443)가 나옵니다.',
      },
      check: (v) => {
        const out = lastCommand(v, 'kubectl describe')
        if (!out || !/TargetPort:\s+http\/TCP/.test(out.output) || !/TargetPort:\s+https\/TCP/.test(out.output)) {
          return fail('Describe the Service and find its TargetPort lines.', '서비스를 describe해서 TargetPort 줄을 찾아보세요.')
        }
        if (endpointPorts(v, 'http').join() !== '8080' || endpointPorts(v, 'https').join() !== '8443') {
          return fail('The Endpoints should map http to 8080 and https to 8443.', 'Endpoints는 http를 8080에, https를 8443에 연결해야 합니다.')
        }
        if (!out.output.includes(':8080') || !out.output.includes(':8443')) return fail('The describe output has no endpoints yet.', 'describe 출력에 아직 엔드포인트가 없습니다.')
        return pass({ en: 'http resolved to 8080 and https to 8443.', ko: 'http는 8080으로, https는 8443으로 풀렸습니다.' })
      },
      hint: { en: '`kubectl describe svc kubia`', ko: '`kubectl describe svc kubia`' },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'each-port',
      title: { en: 'Each port maps on its own', ko: '포트마다 따로 연결된다' },
      narration: {
        en: 'kube-proxy writes separate rules for every service port, so port 80 is DNATed to a pod\'s 8080 and port 443 to a pod\'s 8443. kube-proxy does not know whether anything listens there: the kubia app serves only 8080, so the pod itself refuses the connection on 8443.',
        ko: 'kube-proxy는 서비스 포트마다 규칙을 따로 씁니다. 그래서 포트 80은 파드의 8080으로, 포트 443은 파드의 8443으로 DNAT됩니다. kube-proxy는 그 포트에서 무언가가 듣고 있는지 모릅니다. kubia 앱은 8080에서만 응답하므로, 8443 연결은 파드 자신이 거부합니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia):80' },
        { kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -k https://$CLUSTERIP(kubia):443' },
      ],
      observe: {
        en: 'Two packets: the one to :80 is rewritten to :8080 and answered; the one to :443 is rewritten to :8443 and rejected at the pod. The DNAT rules\' comments read default/kubia:http and default/kubia:https.',
        ko: '패킷 두 개를 보세요. :80으로 간 패킷은 :8080으로 바뀌어 응답을 받고, :443으로 간 패킷은 :8443으로 바뀐 뒤 파드에서 거부됩니다. DNAT 규칙의 주석은 default/kubia:http와 default/kubia:https입니다.',
      },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP
        const traces = tracesOf(v)
        const http = traces.find((t) => dnatFrom(t, ip, 80)?.after.dport === 8080 && t.outcome === 'delivered')
        const https = traces.find((t) => dnatFrom(t, ip, 443)?.after.dport === 8443)
        if (!http) return fail('Send a request to port 80 of the ClusterIP from a pod.', '파드에서 ClusterIP의 80번 포트로 요청을 보내세요.')
        if (!https) return fail('Now try port 443 of the ClusterIP.', '이제 ClusterIP의 443번 포트로 보내 보세요.')
        const pod = http.pod?.split('/')[1]
        return https.outcome === 'rejected'
          ? pass({ en: `:80 went to 8080 on ${pod}; :443 went to 8443, where the pod refused it.`, ko: `:80은 ${pod}의 8080으로 갔고, :443은 8443으로 가서 파드가 거부했습니다.` })
          : pass({ en: `:80 went to 8080 on ${pod}; :443 went to 8443.`, ko: `:80은 ${pod}의 8080으로, :443은 8443으로 갔습니다.` })
      },
      hint: {
        en: '`kubectl exec <pod> -- curl -s http://<ClusterIP>:80`, then `kubectl exec <pod> -- curl -k https://<ClusterIP>:443`.',
        ko: '`kubectl exec <파드> -- curl -s http://<ClusterIP>:80`을 실행한 뒤 `kubectl exec <파드> -- curl -k https://<ClusterIP>:443`을 실행하세요.',
      },
      speakerNotes: {
        en: 'Ask: who sent the refusal, kube-proxy or the pod? (The pod: the DNAT succeeded, then nothing listened on 8443.)',
        ko: '질문: 거부한 쪽은 kube-proxy일까요, 파드일까요? (파드입니다. DNAT는 성공했고, 8443에서 듣는 프로세스가 없었습니다.)',
      },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
    {
      id: 'names-required',
      title: { en: 'Every port needs a name', ko: '모든 포트에는 이름이 필요하다' },
      narration: {
        en: 'When a Service has more than one port, validation requires a name on every one of them, so that Endpoints, EndpointSlices and DNS SRV records can tell the ports apart. Remove the names in the editor and the API server answers `spec.ports[0].name: Required value`, leaving the running Service as it was. `kubectl expose` knows the rule: exposing the controller\'s two container ports, it names them port-1 and port-2 itself.',
        ko: '서비스에 포트가 둘 이상이면 검증 규칙이 모든 포트에 이름을 요구합니다. 그래야 Endpoints, EndpointSlice, DNS SRV 레코드가 포트를 구분할 수 있습니다. 편집기에서 이름을 지우면 API 서버가 `spec.ports[0].name: Required value`로 거부하고, 실행 중인 서비스는 그대로 남습니다. `kubectl expose`도 이 규칙을 알고 있어서, 컨트롤러의 컨테이너 포트 두 개를 노출할 때 스스로 port-1, port-2라는 이름을 붙입니다.',
      },
      actions: [
        { kind: 'command', line: 'kubectl expose rc kubia --name=kubia-auto' },
        { kind: 'command', line: 'kubectl describe svc kubia-auto' },
      ],
      observe: {
        en: 'The Port lines of kubia-auto: port-1 8080/TCP and port-2 8443/TCP. In the editor, deleting the `name:` lines of kubia\'s ports is refused with the validation error on that line.',
        ko: 'kubia-auto의 Port 줄에 port-1 8080/TCP와 port-2 8443/TCP가 보입니다. 편집기에서 kubia 포트의 `name:` 줄을 지우면 그 줄에 검증 오류가 표시되며 적용되지 않습니다.',
      },
      check: (v) => {
        if (!serviceUntouched(v)) return fail('The Service kubia should still have its named ports http and https.', 'kubia 서비스에는 여전히 이름 있는 포트 http와 https가 있어야 합니다.')
        const auto = v.objects.find((o) => o.kind === 'Service' && o.metadata.name !== 'kubia' && (o as ServiceObj).spec.ports !== undefined && (o as ServiceObj).spec.ports!.length > 1) as ServiceObj | undefined
        const autoNamed = auto !== undefined && auto.spec.ports!.every((p) => p.name !== undefined && p.name !== '')
        const out = auto ? lastCommand(v, `kubectl describe svc ${auto.metadata.name}`) ?? lastCommand(v, `kubectl get svc ${auto.metadata.name}`) : undefined
        // An edit that dropped a name is refused and the live Service keeps both names (checked above).
        const triedInEditor = /-\s+port:\s*(80|443)\b/.test(v.editorText)
        if (autoNamed && out && auto.spec.ports!.every((p) => out.output.includes(p.name!))) {
          return pass({ en: `kubectl named the ports of ${auto.metadata.name}: ${auto.spec.ports!.map((p) => p.name).join(', ')}.`, ko: `kubectl이 ${auto.metadata.name}의 포트에 ${auto.spec.ports!.map((p) => p.name).join(', ')}(이)라는 이름을 붙였습니다.` })
        }
        if (triedInEditor) return pass({ en: 'The unnamed ports were refused; kubia kept its names.', ko: '이름 없는 포트는 거부되었고 kubia는 이름을 유지했습니다.' })
        return fail('Expose the controller with kubectl and look at the port names it chose.', 'kubectl로 컨트롤러를 노출하고 kubectl이 고른 포트 이름을 확인하세요.')
      },
      hint: {
        en: '`kubectl expose rc kubia --name=kubia-auto`, then `kubectl describe svc kubia-auto`.',
        ko: '`kubectl expose rc kubia --name=kubia-auto`를 실행한 뒤 `kubectl describe svc kubia-auto`를 실행하세요.',
      },
      focus: ['Service/default/kubia', 'Service/default/kubia-auto'],
    },
    {
      id: 'new-number',
      title: { en: 'Change the number behind the name', ko: '이름 뒤의 번호 바꾸기' },
      narration: {
        en: 'Suppose a new release of the app listens on port 80 (nginx stands in for it here). Change the pod template: the new image, and `containerPort: 80` under the same name http. A controller uses its template only for pods it creates, so delete the running pods; their replacements declare http as 80. The Service was never edited.',
        ko: '앱의 새 버전이 포트 80에서 듣는다고 해 봅시다(여기서는 nginx가 그 역할을 합니다). 파드 템플릿을 바꿉니다. 새 이미지를 쓰고, 같은 이름 http 아래에 `containerPort: 80`을 적습니다. 컨트롤러는 새로 만드는 파드에만 템플릿을 쓰므로, 실행 중인 파드를 지웁니다. 새로 생긴 파드는 http를 80으로 선언합니다. 서비스는 한 번도 고치지 않았습니다.',
      },
      actions: [
        {
          kind: 'edit',
          find: '          image: luksa/kubia\n          ports:\n            - name: http\n              containerPort: 8080',
          replace: '          image: nginx\n          ports:\n            - name: http\n              containerPort: 80',
        },
        { kind: 'command', line: 'kubectl delete pods -l app=kubia' },
        { kind: 'command', line: 'kubectl describe endpoints kubia' },
      ],
      observe: {
        en: 'New pods replace the old ones; in the Endpoints, the port named http is now 80, while the Service still says targetPort: http.',
        ko: '새 파드가 예전 파드를 대신합니다. Endpoints에서 http라는 이름의 포트가 이제 80이고, 서비스에는 여전히 targetPort: http라고 적혀 있습니다.',
      },
      check: (v) => {
        if (!serviceUntouched(v)) return fail('Leave the Service as it is: the point is to change only the pods.', '서비스는 그대로 두세요. 파드만 바꾸는 것이 핵심입니다.')
        const http = endpointPorts(v, 'http')
        if (http.join() !== '80') {
          return fail(`The Endpoints' http port: ${http.join(', ') || 'none'}. The pods must declare http as 80.`, `Endpoints의 http 포트: ${http.join(', ') || '없음'}. 파드가 http를 80으로 선언해야 합니다.`)
        }
        const out = lastCommand(v, 'kubectl describe endpoints') ?? lastCommand(v, 'kubectl describe ep') ?? lastCommand(v, 'kubectl get endpoints') ?? lastCommand(v, 'kubectl describe svc')
        if (!out || !/http\s+80\s|:80\b/.test(out.output)) return fail('Look at the Endpoints with kubectl.', 'kubectl로 Endpoints를 확인하세요.')
        return pass({ en: 'http now resolves to 80; the Service is unchanged.', ko: 'http는 이제 80으로 풀리고, 서비스는 바뀌지 않았습니다.' })
      },
      hint: {
        en: 'In the RC template set `image: nginx` and `containerPort: 80` under `name: http`, then `kubectl delete pods -l app=kubia` and `kubectl describe endpoints kubia`.',
        ko: 'RC 템플릿에서 `image: nginx`로 바꾸고 `name: http` 아래를 `containerPort: 80`으로 고친 뒤, `kubectl delete pods -l app=kubia`와 `kubectl describe endpoints kubia`를 실행하세요.',
      },
      focus: ['Pod/app=kubia', 'Service/default/kubia'],
    },
    {
      id: 'still-works',
      title: { en: 'Same Service, new port', ko: '서비스는 그대로, 포트는 새로' },
      narration: {
        en: 'Ask the Service on port 80 again. kube-proxy rebuilt its rules from the new Endpoints, so the ClusterIP:80 packet is now rewritten to pod port 80, and the new app answers. Clients and the Service definition never noticed the change.',
        ko: '서비스의 포트 80으로 다시 요청합니다. kube-proxy가 새 Endpoints로 규칙을 다시 만들었으므로, ClusterIP:80 패킷은 이제 파드의 포트 80으로 바뀌고 새 앱이 응답합니다. 클라이언트도, 서비스 정의도 이 변화를 알아채지 못했습니다.',
      },
      actions: [{ kind: 'command', line: 'kubectl exec $POD(app=kubia) -- curl -s http://$CLUSTERIP(kubia)' }],
      observe: {
        en: 'nginx\'s welcome page in the terminal; on the DNAT hop, the destination after is pod IP:80.',
        ko: '터미널에 nginx 환영 페이지가 나오고, DNAT 홉에서 바뀐 뒤 목적지는 파드 IP:80입니다.',
      },
      check: (v) => {
        const ip = service(v, 'kubia')?.spec.clusterIP
        const t = tracesOf(v).find((tr) => tr.outcome === 'delivered' && dnatFrom(tr, ip, 80)?.after.dport === 80)
        if (!t) return fail('Send a request to port 80 of the ClusterIP; it should reach a pod on port 80.', 'ClusterIP의 80번 포트로 요청을 보내세요. 파드의 80번 포트에 닿아야 합니다.')
        if (!serviceUntouched(v)) return fail('The Service was changed; this step is about leaving it alone.', '서비스가 바뀌었습니다. 이 단계는 서비스를 그대로 두는 것이 핵심입니다.')
        return pass({ en: `${t.pod?.split('/')[1]} answered on port 80.`, ko: `${t.pod?.split('/')[1]}이(가) 포트 80에서 응답했습니다.` })
      },
      hint: { en: '`kubectl exec <pod> -- curl -s http://<ClusterIP>`', ko: '`kubectl exec <파드> -- curl -s http://<ClusterIP>`' },
      focus: ['Service/default/kubia', 'Pod/app=kubia'],
    },
  ],
}

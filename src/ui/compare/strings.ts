/**
 * Every text of the "Compare clients" view (curl vs browser side by side), in English and Korean:
 * `strings` is a table `{ en, ko }` of one type, read with `useStrings(strings)`. Sentence case.
 */
import type { Localized } from '../../i18n/lang.ts'
import type { ClientSide } from './rows.ts'
import type { CompareTargetKind } from './compareTargets.ts'
import type { ExplanationMain, ExplanationNote } from './explain.ts'

const en = {
  heading: 'curl vs browser',
  intro: 'Send the same requests from a curl-like client and a browser-like client, one after the other, and see which connection each used and which pod answered.',
  target: 'Target',
  count: 'Requests per client',
  run: 'Run',
  running: (done: number, total: number) => `Running… ${done} of ${total}`,
  stop: 'Stop',
  stopped: 'Stopped.',
  done: (total: number) => `Done: ${total} ${total === 1 ? 'request' : 'requests'} sent.`,
  noTargets: 'No Service or Ingress to send to yet.',
  targetGroups: {
    nodePort: 'NodePort on a node',
    loadBalancer: 'Load balancer',
    clusterIP: 'ClusterIP (from a pod)',
    ingress: 'Ingress (by host name)',
  } satisfies Record<CompareTargetKind, string>,
  targetLabel: (address: string, service: string, node?: string) => (node ? `${address} · ${node} · ${service}` : `${address} · ${service}`),
  insecure: 'Accept a self-signed certificate',
  insecureTitle: 'curl -k, or clicking through the browser\'s certificate warning',
  side: { curl: 'curl', browser: 'browser' } satisfies Record<ClientSide, string>,
  sideTitle: (side: ClientSide, from: string) => `${side} · ${from}`,
  sideHint: {
    curl: 'A new connection for every request',
    browser: 'One kept-alive connection',
  } satisfies Record<ClientSide, string>,
  tableLabel: (side: ClientSide) => `Requests of the ${side} client`,
  colNumber: '#',
  colConnection: 'Connection',
  colPod: 'Pod',
  connectionNew: 'new',
  connectionKept: 'kept alive',
  connectionTitle: (connection: string) => `Client address and source port ${connection}`,
  failure: { refused: 'refused', timeout: 'timed out', unresolved: 'host not found', certificate: 'certificate not trusted', other: 'failed' },
  statusPrefix: (status: number) => `${status} `,
  cookieSent: 'Cookie:',
  cookieSet: 'Set-Cookie:',
  cookieFrom: (n: number) => `(from #${n})`,
  showPacket: (n: number, side: ClientSide) => `Show the packet of ${side} request ${n} in the inspector`,
  tallyHeading: 'Answers per pod',
  tallyItem: (pod: string, count: number) => `${pod}: ${count}`,
  summary: (requests: number, connections: number, pods: number) =>
    `${requests} ${requests === 1 ? 'request' : 'requests'} over ${connections} ${connections === 1 ? 'connection' : 'connections'}, answered by ${pods} ${pods === 1 ? 'pod' : 'pods'}.`,
  waiting: 'Not run yet.',
  missingClient: (side: ClientSide) => `This scenario has no ${side}-kind client, so there is no ${side} column.`,
  missingHowTo: 'Add one under spec.clients of the Scenario document in the editor, for example:',
  noBrowserInside:
    'A ClusterIP answers only inside the cluster, and no browser runs there: only the curl column (from a pod) runs. Pick a NodePort, load balancer or Ingress target to compare both.',
  noPod: 'No running pod to send from.',
  failed: (message: string) => `The simulation refused: ${message}`,
  explanationHeading: 'Why',
  explanation: {
    service:
      'Services balance connections, not requests. kube-proxy picks a backend when a new connection arrives (the first packet hits the Service rules), and conntrack sends every later packet of that connection to the same pod. curl opens a new connection for every request, so each request gets a fresh pick and hops between pods; the browser keeps one connection alive and sends every request down it, so it keeps hitting one pod even with sessionAffinity: None.',
    ingress:
      'Through an Ingress the balancing happens at layer 7: ingress-nginx reads each HTTP request and picks a backend pod for every request, opening its own connections to the pods (not via the ClusterIP). So the browser hops between pods too, although its own connection to the controller stays the same, unless cookie affinity is on.',
  } satisfies Record<ExplanationMain, string>,
  notes: {
    clientIP:
      'This Service has sessionAffinity: ClientIP, so kube-proxy sends every new connection from the same client address to the same pod: curl sticks to one pod too.',
    cookieAffinity:
      'This Ingress asks for cookie affinity (nginx.ingress.kubernetes.io/affinity: cookie): the controller sets a cookie on its first answer and the browser sends it back, so the browser stays on one pod; curl keeps no cookies unless told to (-b/-c), so it still hops.',
    cookieSeen: 'Cookies were exchanged: the browser sent back the cookie the controller set.',
    onePod: 'This Service has a single ready endpoint, so every connection lands on that one pod whichever client opens it. Scale the workload up to see the difference.',
    failures: 'Some requests got no answer from a pod; the inspector shows where each packet ended.',
  } satisfies Record<ExplanationNote, string>,
}

/** The shape of the comparison's texts (both languages). */
export type CompareStrings = typeof en

/** The two clients' names in Korean sentences. */
const SIDE_KO: Record<ClientSide, string> = { curl: 'curl', browser: '브라우저' }

const ko: CompareStrings = {
  heading: 'curl과 브라우저',
  intro: 'curl 같은 클라이언트와 브라우저 같은 클라이언트에서 같은 요청을 번갈아 보내고, 각각 어떤 연결을 썼고 어떤 파드가 응답했는지 확인합니다.',
  target: '대상',
  count: '클라이언트당 요청 수',
  run: '실행',
  running: (done, total) => `실행하는 중… ${total}개 중 ${done}개`,
  stop: '중지',
  stopped: '중지했습니다.',
  done: (total) => `완료: 요청 ${total}개를 보냈습니다.`,
  noTargets: '아직 요청을 보낼 서비스나 인그레스가 없습니다.',
  targetGroups: {
    nodePort: '노드의 NodePort',
    loadBalancer: '로드 밸런서',
    clusterIP: 'ClusterIP(파드에서)',
    ingress: '인그레스(호스트 이름으로)',
  },
  targetLabel: (address, service, node) => (node ? `${address} · ${node} · ${service}` : `${address} · ${service}`),
  insecure: '자체 서명 인증서 받아들이기',
  insecureTitle: 'curl -k, 또는 브라우저의 인증서 경고를 무시하고 계속 진행하는 것과 같습니다',
  side: { curl: 'curl', browser: '브라우저' },
  sideTitle: (side, from) => `${SIDE_KO[side]} · ${from}`,
  sideHint: {
    curl: '요청마다 새 연결',
    browser: '계속 유지되는 연결 하나(keep-alive)',
  },
  tableLabel: (side) => `${SIDE_KO[side]} 클라이언트의 요청`,
  colNumber: '#',
  colConnection: '연결',
  colPod: '파드',
  connectionNew: '새 연결',
  connectionKept: '연결 유지',
  connectionTitle: (connection) => `클라이언트 주소와 출발지 포트 ${connection}`,
  failure: { refused: '연결 거부', timeout: '시간 초과', unresolved: '호스트를 찾을 수 없음', certificate: '신뢰할 수 없는 인증서', other: '실패' },
  statusPrefix: (status) => `${status} `,
  cookieSent: 'Cookie:',
  cookieSet: 'Set-Cookie:',
  cookieFrom: (n) => `(#${n}에서 받음)`,
  showPacket: (n, side) => `${SIDE_KO[side]} 요청 ${n}의 패킷을 인스펙터에서 보기`,
  tallyHeading: '파드별 응답 수',
  tallyItem: (pod, count) => `${pod}: ${count}`,
  summary: (requests, connections, pods) => `요청 ${requests}개, 연결 ${connections}개, 응답한 파드 ${pods}개.`,
  waiting: '아직 실행하지 않았습니다.',
  missingClient: (side) => `이 시나리오에는 ${side} 종류의 클라이언트가 없어서 ${SIDE_KO[side]} 열이 없습니다.`,
  missingHowTo: '편집기에서 Scenario 문서의 spec.clients 아래에 하나를 추가하세요. 예를 들면 다음과 같습니다:',
  noBrowserInside:
    'ClusterIP는 클러스터 안에서만 응답하는데, 그곳에는 브라우저가 없습니다. 그래서 (파드에서 보내는) curl 열만 실행됩니다. 둘을 비교하려면 NodePort, 로드 밸런서 또는 인그레스 대상을 고르세요.',
  noPod: '요청을 보낼 실행 중인 파드가 없습니다.',
  failed: (message) => `시뮬레이션이 거부했습니다: ${message}`,
  explanationHeading: '이유',
  explanation: {
    service:
      '서비스는 요청이 아니라 연결 단위로 부하를 분산합니다. kube-proxy는 새 연결이 들어올 때(첫 패킷이 서비스 규칙에 걸릴 때) 백엔드를 고르고, conntrack은 그 연결의 이후 패킷을 모두 같은 파드로 보냅니다. curl은 요청마다 새 연결을 열기 때문에 요청마다 새로 골라져 여러 파드를 오갑니다. 브라우저는 연결 하나를 유지하며 모든 요청을 그 연결로 보내므로, sessionAffinity: None이어도 계속 같은 파드에 도달합니다.',
    ingress:
      '인그레스를 거치면 부하 분산은 7계층에서 일어납니다. ingress-nginx는 HTTP 요청을 하나하나 읽어 요청마다 백엔드 파드를 고르고, (ClusterIP를 거치지 않고) 파드로 직접 자기 연결을 엽니다. 그래서 컨트롤러까지의 브라우저 연결은 그대로여도, 쿠키 어피니티를 켜지 않았다면 브라우저 요청도 여러 파드를 오갑니다.',
  },
  notes: {
    clientIP:
      '이 서비스는 sessionAffinity: ClientIP이므로 kube-proxy가 같은 클라이언트 주소에서 온 새 연결을 모두 같은 파드로 보냅니다. 그래서 curl도 한 파드에 고정됩니다.',
    cookieAffinity:
      '이 인그레스는 쿠키 어피니티를 요청합니다(nginx.ingress.kubernetes.io/affinity: cookie). 컨트롤러가 첫 응답에 쿠키를 설정하고 브라우저가 이를 다시 보내므로 브라우저는 한 파드에 머뭅니다. curl은 따로 지시하지 않으면(-b/-c) 쿠키를 보관하지 않으므로 계속 파드를 오갑니다.',
    cookieSeen: '쿠키를 주고받았습니다. 브라우저가 컨트롤러가 설정한 쿠키를 다시 보냈습니다.',
    onePod: '이 서비스에는 준비된 엔드포인트가 하나뿐이라, 어느 클라이언트가 연결을 열든 모두 그 파드에 도달합니다. 워크로드를 스케일 업하면 차이를 볼 수 있습니다.',
    failures: '일부 요청은 파드에서 응답을 받지 못했습니다. 각 패킷이 어디서 끝났는지는 인스펙터에서 볼 수 있습니다.',
  },
}

/** The comparison's texts in both languages. */
export const strings: Localized<CompareStrings> = { en, ko }

/**
 * Every text of the "Why no response?" explainer, in English and Korean (합니다체), in one place.
 * The engine's findings carry only a check, a status and params (names, addresses, ports, counts,
 * a reason code; see src/engine/explain/*Checks.ts); the sentences are built here. Sentence case;
 * Kubernetes names (targetPort, externalTrafficPolicy) as the API spells them.
 */
import type { Lang, Localized } from '../../i18n/lang.ts'
import type { Check, Finding, FindingParams } from '../../engine/explain/types.ts'

type Fn<A extends unknown[]> = Localized<(...args: A) => string>
type Sentence = Localized<(p: Params) => string>

/** A finding's params with typed reads (missing values read as ''). */
export class Params {
  constructor(private readonly p: FindingParams) {}
  /** A value as text. */
  s(key: string): string {
    const v = this.p[key]
    return v === undefined ? '' : String(v)
  }
  /** A value as a number (0 when missing). */
  n(key: string): number {
    const v = this.p[key]
    return typeof v === 'number' ? v : Number(v ?? 0) || 0
  }
  /** True when the key is present. */
  has(key: string): boolean {
    return this.p[key] !== undefined && this.p[key] !== ''
  }
}

/** The panel's own texts. */
export const explainStrings = {
  heading: { en: 'Troubleshooting', ko: '문제 해결' },
  button: { en: 'Why no response?', ko: '왜 응답이 없나요?' },
  again: { en: 'Check again', ko: '다시 점검' },
  buttonTitle: {
    en: 'Walk the troubleshooting checklist for this request against the cluster as it is now',
    ko: '지금 클러스터 상태를 기준으로 이 요청의 문제 해결 체크리스트를 차례로 점검합니다',
  },
  checking: { en: 'Checking…', ko: '점검하는 중…' },
  listLabel: { en: 'Troubleshooting checklist', ko: '문제 해결 체크리스트' },
  found: {
    en: (title: string) => `Likely cause: ${title}.`,
    ko: (title: string) => `가장 유력한 원인: ${title}.`,
  } as Fn<[string]>,
  nothingFound: {
    en: 'Nothing on the checklist explains it.',
    ko: '체크리스트에서는 원인을 찾지 못했습니다.',
  },
  appAnswered: {
    en: (status: number) => `The request reached the app, which itself answered ${status}.`,
    ko: (status: number) => `요청은 앱까지 도달했고, 앱이 직접 ${status}로 응답했습니다.`,
  } as Fn<[number]>,
  failed: {
    en: (message: string) => `The checklist could not run: ${message}`,
    ko: (message: string) => `체크리스트를 실행하지 못했습니다: ${message}`,
  } as Fn<[string]>,
  showInEditor: { en: 'Show in editor', ko: '편집기에서 보기' },
  showInEditorTitle: {
    en: (field: string, line: number) => `Put the editor's cursor on ${field} (line ${line})`,
    ko: (field: string, line: number) => `편집기 커서를 ${field} 필드(${line}행)로 옮깁니다`,
  } as Fn<[string, number]>,
  showRelated: { en: 'Show the other field', ko: '관련 필드 보기' },
  notWritten: {
    en: (field: string) => `${field} is not written in the manifest: the default applies. The cursor goes where it belongs.`,
    ko: (field: string) => `${field} 필드는 매니페스트에 없어서 기본값이 적용됩니다. 커서는 이 필드가 들어갈 자리로 갑니다.`,
  } as Fn<[string]>,
  status: {
    ok: { en: 'fine', ko: '정상' },
    problem: { en: 'problem', ko: '문제' },
    skipped: { en: 'not checked', ko: '점검 안 함' },
  },
  skipped: { en: 'Not checked: an earlier item already failed.', ko: '앞 항목에서 이미 문제가 있어 점검하지 않았습니다.' },
}

/** Short titles of the checklist items. */
export const checkTitles: Record<Check, Localized> = {
  dns: { en: 'DNS name', ko: 'DNS 이름' },
  'clusterip-outside': { en: 'ClusterIP from outside', ko: '클러스터 밖에서 ClusterIP 사용' },
  'ping-clusterip': { en: 'Ping to a ClusterIP', ko: 'ClusterIP로 ping' },
  'service-exists': { en: 'Service', ko: '서비스' },
  port: { en: 'Service port', ko: '서비스 포트' },
  selector: { en: 'Selector and labels', ko: '셀렉터와 레이블' },
  readiness: { en: 'Readiness', ko: '레디니스' },
  'target-port': { en: 'targetPort', ko: 'targetPort' },
  'local-policy': { en: 'Local traffic policy', ko: 'Local 트래픽 정책' },
  'ingress-rule': { en: 'Ingress rule', ko: '인그레스 규칙' },
  'ingress-backend': { en: 'Ingress backend', ko: '인그레스 백엔드' },
  listening: { en: 'App listening', ko: '앱의 수신 포트' },
  'localhost-bind': { en: 'Listen address', ko: '앱의 수신 주소' },
}

const VIA: Record<string, Localized> = {
  'cluster-ip': { en: 'its ClusterIP', ko: 'ClusterIP' },
  'node-port': { en: 'a NodePort', ko: '노드포트' },
  'load-balancer': { en: 'its load balancer', ko: '로드밸런서' },
  'external-ip': { en: 'an externalIP', ko: 'externalIP' },
}
const via = (p: Params, lang: Lang) => VIA[p.s('via')]?.[lang] ?? p.s('via')

/** The socket's address and port as `ss` prints them (`127.0.0.1:8080`, `[::1]:8080`). */
const bound = (p: Params) => `${p.s('address').includes(':') ? `[${p.s('address')}]` : p.s('address')}:${p.s('port')}`

/** The sentences of `ok` findings. */
const OK: Record<Check, Sentence> = {
  dns: { en: (p) => `${p.s('name')} resolved to ${p.s('ip')}.`, ko: (p) => `${p.s('name')} 이름은 ${p.s('ip')} 주소로 풀렸습니다.` },
  'clusterip-outside': {
    en: (p) => `${p.s('ip')} is a ClusterIP${p.has('service') ? ` (of ${p.s('service')})` : ''}, used from inside the cluster, where it works.`,
    ko: (p) => `${p.s('ip')} 주소는 ClusterIP${p.has('service') ? `(${p.s('service')})` : ''}이고, 동작하는 곳인 클러스터 안에서 사용했습니다.`,
  },
  'ping-clusterip': { en: () => '', ko: () => '' },
  'service-exists': {
    en: (p) => `${p.s('ip')} reaches Service ${p.s('service')} through ${via(p, 'en')}.`,
    ko: (p) => `${p.s('ip')} 주소는 ${via(p, 'ko')}를 통해 서비스 ${p.s('service')}에 닿습니다.`,
  },
  port: {
    en: (p) => (p.s('via') === 'node-port' ? `NodePort ${p.s('port')} belongs to ${p.s('service')}.` : `${p.s('port')} is a port of ${p.s('service')}.`),
    ko: (p) => (p.s('via') === 'node-port' ? `노드포트 ${p.s('port')}번은 ${p.s('service')} 서비스의 포트입니다.` : `${p.s('port')}번은 ${p.s('service')} 서비스의 포트입니다.`),
  },
  selector: {
    en: (p) => (p.has('selector') ? `The selector ${p.s('selector')} picks ${p.n('pods')} ${p.n('pods') === 1 ? 'pod' : 'pods'}.` : `${p.s('service')} has no selector; its endpoints are written by hand.`),
    ko: (p) => (p.has('selector') ? `셀렉터 ${p.s('selector')}에 맞는 파드가 ${p.n('pods')}개 있습니다.` : `${p.s('service')} 서비스에는 셀렉터가 없고, 엔드포인트를 직접 적어 두었습니다.`),
  },
  readiness: {
    en: (p) => (p.n('ready') > 0 ? `${p.s('service')} has ${p.n('ready')} ready ${p.n('ready') === 1 ? 'endpoint' : 'endpoints'}.` : 'The selected pods are ready.'),
    ko: (p) => (p.n('ready') > 0 ? `${p.s('service')} 서비스에 준비된 엔드포인트가 ${p.n('ready')}개 있습니다.` : '고른 파드는 준비되어 있습니다.'),
  },
  'target-port': {
    en: (p) => `targetPort ${p.s('targetPort')}${p.has('name') ? ` (${p.s('name')})` : ''}: the app listens there.`,
    ko: (p) => `targetPort ${p.s('targetPort')}${p.has('name') ? `(${p.s('name')})` : ''}: 앱이 그 포트에서 듣고 있습니다.`,
  },
  'local-policy': {
    en: (p) => `${p.s('policy')} is Local and node ${p.s('node')} has ${p.n('local')} local ${p.n('local') === 1 ? 'endpoint' : 'endpoints'}.`,
    ko: (p) => `${p.s('policy')}가 Local이고, ${p.s('node')} 노드에 로컬 엔드포인트가 ${p.n('local')}개 있습니다.`,
  },
  'ingress-rule': {
    en: (p) => `Ingress ${p.s('ingress')} routes ${p.s('host')}${p.s('path')} ${p.s('rule') === 'defaultBackend' ? 'to its defaultBackend' : `by its path ${p.s('rule')}`}.`,
    ko: (p) => `인그레스 ${p.s('ingress')}가 ${p.s('host')}${p.s('path')} 요청을 ${p.s('rule') === 'defaultBackend' ? 'defaultBackend로' : `경로 ${p.s('rule')} 규칙으로`} 보냅니다.`,
  },
  'ingress-backend': {
    en: (p) => `The backend is Service ${p.s('service')}, port ${p.s('port')}.`,
    ko: (p) => `백엔드는 서비스 ${p.s('service')}의 ${p.s('port')} 포트입니다.`,
  },
  listening: { en: (p) => `Pod ${p.s('pod')} listens on ${p.s('port')}.`, ko: (p) => `파드 ${p.s('pod')}는 ${p.s('port')}번 포트에서 듣고 있습니다.` },
  'localhost-bind': {
    en: (p) => `The app in pod ${p.s('pod')} listens on ${bound(p)}, which accepts connections to ${p.s('ip')}.`,
    ko: (p) => `파드 ${p.s('pod')}의 앱은 ${bound(p)}에서 듣고 있어 ${p.s('ip')} 주소로 오는 연결을 받습니다.`,
  },
}

/** The sentences of `problem` findings, by check and then by `reason` (`''` when the check has one sentence). */
const PROBLEM: Record<Check, Record<string, Sentence>> = {
  dns: {
    outside: {
      en: (p) => `${p.s('client')} is outside the cluster: it does not use cluster DNS and knows only the names in its hosts file (hostAliases), so ${p.s('name')} (Service ${p.s('service')}) does not resolve there. Expose the Service (NodePort, LoadBalancer or Ingress) and put its address in hostAliases.`,
      ko: (p) => `${p.s('client')} 클라이언트는 클러스터 밖에 있어 클러스터 DNS를 쓰지 않고 hosts 파일(hostAliases)에 있는 이름만 압니다. 그래서 ${p.s('name')} 이름(서비스 ${p.s('service')})을 찾지 못합니다. 서비스를 NodePort, LoadBalancer 또는 인그레스로 노출하고 그 주소를 hostAliases에 넣으세요.`,
    },
    'hosts-file': {
      en: (p) => `${p.s('client')} is outside the cluster and resolves names only from its hosts file (hostAliases); ${p.s('name')} is not in it.`,
      ko: (p) => `${p.s('client')} 클라이언트는 클러스터 밖에 있어 hosts 파일(hostAliases)로만 이름을 찾는데, ${p.s('name')} 이름이 거기에 없습니다.`,
    },
    'node-resolver': {
      en: (p) => `Node ${p.s('node')} does not use cluster DNS; it resolves only node names, and ${p.s('name')} is not one.`,
      ko: (p) => `${p.s('node')} 노드는 클러스터 DNS를 쓰지 않고 노드 이름만 찾을 수 있는데, ${p.s('name')}은 노드 이름이 아닙니다.`,
    },
    'pod-dns-policy': {
      en: (p) => `Pod ${p.s('pod')} has dnsPolicy ${p.s('policy')}: it asks the node's resolver, not cluster DNS, so Service names do not resolve.`,
      ko: (p) => `파드 ${p.s('pod')}의 dnsPolicy가 ${p.s('policy')}라서 클러스터 DNS가 아닌 노드의 리졸버에 묻습니다. 그래서 서비스 이름을 찾지 못합니다.`,
    },
    'other-namespace': {
      en: (p) => `A short name finds only Services in the pod's own namespace; ${p.s('service')} is in namespace ${p.s('namespace')}. Use ${p.s('suggestion')}.`,
      ko: (p) => `짧은 이름으로는 파드와 같은 네임스페이스의 서비스만 찾습니다. ${p.s('service')} 서비스는 ${p.s('namespace')} 네임스페이스에 있으니 ${p.s('suggestion')}을(를) 쓰세요.`,
    },
    namespace: {
      en: (p) => `Namespace ${p.s('namespace')} has no such Service; it is ${p.s('service')}. Use ${p.s('suggestion')}.`,
      ko: (p) => `${p.s('namespace')} 네임스페이스에는 그런 서비스가 없습니다. 서비스는 ${p.s('service')}에 있으니 ${p.s('suggestion')}을(를) 쓰세요.`,
    },
    suffix: {
      en: (p) => `Cluster DNS has no name ${p.s('name')}: the full name of ${p.s('service')} is ${p.s('suggestion')} (cluster domain ${p.s('zone')}).`,
      ko: (p) => `클러스터 DNS에는 ${p.s('name')} 이름이 없습니다. ${p.s('service')} 서비스의 전체 이름은 ${p.s('suggestion')}입니다(클러스터 도메인 ${p.s('zone')}).`,
    },
    'headless-empty': {
      en: (p) => `${p.s('service')} is headless and has no ready endpoint, so its name has no record (NXDOMAIN).`,
      ko: (p) => `${p.s('service')}는 헤드리스 서비스인데 준비된 엔드포인트가 없어 이름에 레코드가 없습니다(NXDOMAIN).`,
    },
    'external-name': {
      en: (p) => `${p.s('service')} is an ExternalName for ${p.s('target')}; that name is resolved by an upstream DNS server, which the playground does not have.`,
      ko: (p) => `${p.s('service')}는 ${p.s('target')}을(를) 가리키는 ExternalName 서비스입니다. 그 이름은 상위 DNS 서버가 풀어야 하는데, 플레이그라운드에는 상위 DNS가 없습니다.`,
    },
    misspelled: {
      en: (p) => `No Service is called ${p.s('name')}. Did you mean ${p.s('suggestion')} (Service ${p.s('service')})?`,
      ko: (p) => `${p.s('name')}이라는 서비스는 없습니다. ${p.s('suggestion')}(서비스 ${p.s('service')})을(를) 뜻했나요?`,
    },
    unresolved: {
      en: (p) => `${p.s('name')} should resolve to Service ${p.s('service')}, but it did not.`,
      ko: (p) => `${p.s('name')} 이름은 서비스 ${p.s('service')}로 풀려야 하는데 풀리지 않았습니다.`,
    },
    'no-service': { en: (p) => `No Service is called ${p.s('name')}.`, ko: (p) => `${p.s('name')}이라는 서비스는 없습니다.` },
  },
  'clusterip-outside': {
    'cluster-ip': {
      en: (p) => `${p.s('ip')} is a ClusterIP${p.has('service') ? ` (of ${p.s('service')})` : ''}: it is virtual and works only inside the cluster. From outside, expose the Service as a NodePort or LoadBalancer (its type), or through an Ingress.`,
      ko: (p) => `${p.s('ip')} 주소는 ClusterIP${p.has('service') ? `(${p.s('service')})` : ''}입니다. 가상 주소라서 클러스터 안에서만 동작합니다. 밖에서 쓰려면 서비스 type을 NodePort나 LoadBalancer로 하거나 인그레스를 두세요.`,
    },
    'pod-ip': {
      en: (p) => `${p.s('ip')} is the IP of pod ${p.s('pod')}: pod IPs are not routable from outside the cluster.`,
      ko: (p) => `${p.s('ip')} 주소는 파드 ${p.s('pod')}의 IP입니다. 파드 IP는 클러스터 밖에서 라우팅되지 않습니다.`,
    },
  },
  'ping-clusterip': {
    '': {
      en: (p) => `A ClusterIP never answers ping: kube-proxy has rules only for the Service's ports (TCP, UDP, SCTP) and no host owns ${p.s('ip')}. Test it with curl on the Service port instead.`,
      ko: (p) => `ClusterIP는 ping에 응답하지 않습니다. kube-proxy 규칙은 서비스 포트(TCP, UDP, SCTP)에만 있고 ${p.s('ip')} 주소를 가진 호스트도 없습니다. 대신 서비스 포트로 curl을 보내 확인하세요.`,
    },
  },
  'service-exists': {
    'no-cluster-ip': { en: (p) => `No Service has the ClusterIP ${p.s('ip')}.`, ko: (p) => `ClusterIP가 ${p.s('ip')}인 서비스가 없습니다.` },
    'no-node-port': {
      en: (p) => `No Service has NodePort ${p.s('port')}, so nothing on node ${p.s('node')} (${p.s('ip')}) listens there. ${p.has('nodePorts') ? `NodePorts in use: ${p.s('nodePorts')}.` : 'No Service has a NodePort.'}`,
      ko: (p) => `노드포트 ${p.s('port')}번을 가진 서비스가 없어서 ${p.s('node')} 노드(${p.s('ip')})의 그 포트에서 듣는 것이 없습니다. ${p.has('nodePorts') ? `사용 중인 노드포트: ${p.s('nodePorts')}.` : '노드포트를 가진 서비스가 없습니다.'}`,
    },
    'unknown-address': {
      en: (p) => `${p.s('ip')} is not the address of any Service, node or pod in the cluster.`,
      ko: (p) => `${p.s('ip')} 주소는 클러스터의 어떤 서비스, 노드, 파드의 주소도 아닙니다.`,
    },
  },
  port: {
    'target-port-used': {
      en: (p) => `${p.s('service')} has no port ${p.s('port')}: ${p.s('port')} is its targetPort, the pod's port. Connect to the Service port (${p.s('ports')}); the Service forwards it to the targetPort.`,
      ko: (p) => `${p.s('service')} 서비스에는 ${p.s('port')}번 포트가 없습니다. ${p.s('port')}번은 파드의 포트인 targetPort입니다. 서비스 포트(${p.s('ports')})로 접속하면 서비스가 targetPort로 넘겨 줍니다.`,
    },
    'node-port-used': {
      en: (p) => `${p.s('port')} is a NodePort of ${p.s('service')}: it opens on the nodes' addresses. Here, use the Service port (${p.s('ports')}).`,
      ko: (p) => `${p.s('port')}번은 ${p.s('service')} 서비스의 노드포트로, 노드 주소에서 열립니다. 여기서는 서비스 포트(${p.s('ports')})를 쓰세요.`,
    },
    'no-such-port': {
      en: (p) => `${p.s('service')} has no port ${p.s('port')}; its ports are ${p.s('ports')}.`,
      ko: (p) => `${p.s('service')} 서비스에는 ${p.s('port')}번 포트가 없습니다. 포트는 ${p.s('ports')}입니다.`,
    },
  },
  selector: {
    'no-match': {
      en: (p) => `No pod matches the selector ${p.s('selector')} of ${p.s('service')}${p.has('value') ? `: pod ${p.s('pod')} has ${p.s('key')}=${p.s('value')}` : p.has('pod') ? `: pod ${p.s('pod')} has ${p.s('labels') || 'no labels'}` : ''}. Make the selector and the pod labels agree.`,
      ko: (p) => `${p.s('service')} 서비스의 셀렉터 ${p.s('selector')}에 맞는 파드가 없습니다${p.has('value') ? `. 파드 ${p.s('pod')}의 레이블은 ${p.s('key')}=${p.s('value')}입니다` : p.has('pod') ? `. 파드 ${p.s('pod')}의 레이블은 ${p.s('labels') || '없음'}입니다` : ''}. 셀렉터와 파드 레이블을 맞추세요.`,
    },
    'no-selector': {
      en: (p) => `${p.s('service')} has no selector and no hand-written endpoints, so it has nowhere to send traffic.`,
      ko: (p) => `${p.s('service')} 서비스에는 셀렉터도, 직접 적은 엔드포인트도 없어서 트래픽을 보낼 곳이 없습니다.`,
    },
    'answered-by-other': {
      en: (p) => `Pod ${p.s('pod')} answered, but the selector ${p.s('selector')} does not pick it.`,
      ko: (p) => `파드 ${p.s('pod')}가 응답했지만 셀렉터 ${p.s('selector')}는 이 파드를 고르지 않습니다.`,
    },
  },
  readiness: {
    probe: {
      en: (p) => `No selected pod is ready: ${p.n('notReady')} of ${p.n('pods')} fail their readiness probe (${p.s('probe')} in container ${p.s('container')} of ${p.s('pod')}). Pods that are not ready are left out of the endpoints.`,
      ko: (p) => `준비된 파드가 없습니다. 파드 ${p.n('pods')}개 중 ${p.n('notReady')}개가 레디니스 프로브(${p.s('pod')}의 ${p.s('container')} 컨테이너, ${p.s('probe')})에 실패합니다. 준비되지 않은 파드는 엔드포인트에서 빠집니다.`,
    },
    'not-running': {
      en: (p) => `No selected pod is ready: ${p.s('pod')} is ${p.s('phase')}.`,
      ko: (p) => `준비된 파드가 없습니다. ${p.s('pod')} 파드의 상태는 ${p.s('phase')}입니다.`,
    },
    'not-ready': { en: (p) => `No selected pod is ready (${p.s('pod')} is not).`, ko: (p) => `준비된 파드가 없습니다(${p.s('pod')} 파드도 준비되지 않았습니다).` },
    'no-endpoints': { en: (p) => `${p.s('service')} has no ready endpoint.`, ko: (p) => `${p.s('service')} 서비스에 준비된 엔드포인트가 없습니다.` },
  },
  'target-port': {
    'name-not-found': {
      en: (p) => `targetPort ${p.s('targetPort')} names a container port that pod ${p.s('pod')} does not have (${p.has('names') ? `its named ports: ${p.s('names')}` : 'it has no named port'}); such pods are left out of the endpoints.`,
      ko: (p) => `targetPort ${p.s('targetPort')}은(는) 파드 ${p.s('pod')}에 없는 컨테이너 포트 이름입니다(${p.has('names') ? `이름 있는 포트: ${p.s('names')}` : '이름 있는 포트가 없습니다'}). 이런 파드는 엔드포인트에서 빠집니다.`,
    },
    'not-listening': {
      en: (p) => `targetPort is ${p.s('targetPort')}, but the app in pod ${p.s('pod')} listens on ${p.s('listens')}. Set targetPort to the port the app listens on.`,
      ko: (p) => `targetPort는 ${p.s('targetPort')}인데 파드 ${p.s('pod')}의 앱은 ${p.s('listens')}번 포트에서 듣습니다. targetPort를 앱이 듣는 포트로 바꾸세요.`,
    },
    'no-listener': {
      en: (p) => `targetPort is ${p.s('targetPort')}, but nothing in pod ${p.s('pod')} listens on any port.`,
      ko: (p) => `targetPort는 ${p.s('targetPort')}인데 파드 ${p.s('pod')}에는 듣고 있는 포트가 하나도 없습니다.`,
    },
  },
  'local-policy': {
    '': {
      en: (p) => `${p.s('policy')} is Local and node ${p.s('node')} has no ready endpoint of ${p.s('service')} (they run on ${p.s('nodes')}), so kube-proxy there does not forward the traffic. Send it to a node that runs a pod, or use Cluster.`,
      ko: (p) => `${p.s('policy')}가 Local인데 ${p.s('node')} 노드에는 ${p.s('service')}의 준비된 엔드포인트가 없어서(엔드포인트는 ${p.s('nodes')}에 있습니다) 그 노드의 kube-proxy가 트래픽을 넘기지 않습니다. 파드가 있는 노드로 보내거나 Cluster를 쓰세요.`,
    },
  },
  'ingress-rule': {
    class: {
      en: (p) => `Ingress ${p.s('ingress')} would match, but its class is ${p.s('className') || '(none)'} and the controller serves ${p.s('served')}: it ignores this Ingress and answers 404.`,
      ko: (p) => `인그레스 ${p.s('ingress')}가 맞기는 하지만 클래스가 ${p.s('className') || '(없음)'}이고 컨트롤러는 ${p.s('served')} 클래스만 처리합니다. 그래서 이 인그레스를 무시하고 404로 응답합니다.`,
    },
    'no-path': {
      en: (p) => `Ingress ${p.s('ingress')} has host ${p.s('host')} but no path matching ${p.s('path')} (paths: ${p.s('paths')}); the controller answers 404.`,
      ko: (p) => `인그레스 ${p.s('ingress')}에 ${p.s('host')} 호스트는 있지만 ${p.s('path')} 경로에 맞는 규칙이 없습니다(경로: ${p.s('paths')}). 컨트롤러가 404로 응답합니다.`,
    },
    'no-host': {
      en: (p) => `No Ingress rule names host ${p.s('host') || '(none)'} (hosts: ${p.s('hosts')}); the controller's default backend answers 404.`,
      ko: (p) => `${p.s('host') || '(없음)'} 호스트를 다루는 인그레스 규칙이 없습니다(호스트: ${p.s('hosts')}). 컨트롤러의 기본 백엔드가 404로 응답합니다.`,
    },
    'no-ingress': {
      en: () => 'The controller serves no Ingress, so its default backend answers 404.',
      ko: () => '컨트롤러가 처리하는 인그레스가 없어서 기본 백엔드가 404로 응답합니다.',
    },
  },
  'ingress-backend': {
    'no-service': {
      en: (p) => `The rule's backend is Service ${p.s('service')}, which does not exist; the controller answers 503.`,
      ko: (p) => `규칙의 백엔드인 ${p.s('service')} 서비스가 없습니다. 컨트롤러가 503으로 응답합니다.`,
    },
    'no-port': {
      en: (p) => `Service ${p.s('service')} has no port ${p.s('port')} (its ports: ${p.s('ports')}); the controller answers 503.`,
      ko: (p) => `${p.s('service')} 서비스에는 ${p.s('port')} 포트가 없습니다(포트: ${p.s('ports')}). 컨트롤러가 503으로 응답합니다.`,
    },
    resource: {
      en: () => 'The backend is a resource, not a Service; the playground does not model resource backends.',
      ko: () => '백엔드가 서비스가 아닌 리소스입니다. 플레이그라운드는 리소스 백엔드를 다루지 않습니다.',
    },
  },
  listening: {
    '': {
      en: (p) => `Nothing in pod ${p.s('pod')} listens on port ${p.s('port')}${p.has('listens') ? ` (the app listens on ${p.s('listens')})` : ''}.`,
      ko: (p) => `파드 ${p.s('pod')}에서 ${p.s('port')}번 포트로 듣는 것이 없습니다${p.has('listens') ? `(앱은 ${p.s('listens')}번 포트에서 듣습니다)` : ''}.`,
    },
  },
  'localhost-bind': {
    '': {
      en: (p) => `The app in pod ${p.s('pod')} (container ${p.s('container')}) listens on ${bound(p)} only. Its socket accepts connections to ${p.s('address')} — from inside the pod, such as curl localhost — so the kernel refuses connections to ${p.s('ip')} with a TCP RST. Make the app listen on all addresses (0.0.0.0) in the container's command or args.`,
      ko: (p) => `파드 ${p.s('pod')}의 앱(${p.s('container')} 컨테이너)은 ${bound(p)}에서만 듣고 있습니다. 이 소켓은 ${p.s('address')} 주소로 오는 연결, 즉 curl localhost처럼 파드 안에서 오는 연결만 받으므로 ${p.s('ip')} 주소로 오는 연결은 커널이 TCP RST로 거부합니다. 컨테이너의 command나 args에서 앱이 모든 주소(0.0.0.0)에서 듣도록 바꾸세요.`,
    },
  },
}

/** The sentence of one finding in `lang`. */
export function findingText(f: Finding, lang: Lang): string {
  const p = new Params(f.params)
  if (f.status === 'skipped') return explainStrings.skipped[lang]
  if (f.status === 'ok') return OK[f.check][lang](p)
  const byReason = PROBLEM[f.check]
  const key = f.check === 'clusterip-outside' ? p.s('address') : p.s('reason')
  const sentence = byReason[key] ?? byReason[''] ?? Object.values(byReason)[0]!
  return sentence[lang](p)
}

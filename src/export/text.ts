/**
 * Every sentence the exported bundle says (README.md, run.sh's messages and comments,
 * kind-config.yaml's comments), in English and Korean (합니다체). Read with `exportText(lang)`.
 * Commands and Kubernetes names are never translated.
 */
import type { Lang } from '../i18n/lang.ts'

const en = {
  readmeTitle: (title: string) => `# ${title} on a real cluster`,
  exportedFrom: (file: string, lesson: string | undefined) =>
    `Exported from the Kubernetes Service Playground: the scenario \`${file}\`${lesson ? `, with the lesson “${lesson}”` : ''}. ` +
    'It runs the same manifests on a real Kubernetes cluster that [kind](https://kind.sigs.k8s.io/) (Kubernetes in Docker) creates on your machine.',
  needHeading: '## What you need',
  needDocker: 'Docker (or Podman), running',
  needKind: (nft: boolean) => `kind${nft ? ' v0.24 or newer (kube-proxy in nftables mode needs Kubernetes 1.31+)' : ''}: https://kind.sigs.k8s.io/docs/user/quick-start/#installation`,
  needKubectl: 'kubectl: https://kubernetes.io/docs/tasks/tools/',
  needCloudProvider: 'cloud-provider-kind, for the LoadBalancer Services: `go install sigs.k8s.io/cloud-provider-kind@latest` (https://kind.sigs.k8s.io/docs/user/loadbalancer/)',
  needInternet: 'Internet access: kind downloads its node image, and the pods pull their images from Docker Hub.',
  filesHeading: '## Files',
  fileKindConfig: 'the cluster: its nodes, pod and service ranges, kube-proxy mode, and the ports mapped to your machine',
  fileManifests: 'the scenario’s Kubernetes objects, exactly as written (comments included)',
  fileReadme: 'this guide',
  fileRun: 'runs the steps below in order',
  runHeading: '## Run it',
  runProse:
    '`bash run.sh` runs every step below in order and waits for Enter before each one (`NO_PAUSE=1 bash run.sh` runs straight through). ' +
    'Or copy the commands one by one: they are the same.',
  differsLegend: 'Steps marked **Differs on kind** do not behave exactly as in the simulator; the note under the commands says what changes and why.',
  stepsHeading: '## Step by step',
  setupSection: 'Set up the cluster',
  lessonSection: (title: string) => `Lesson: ${title}`,
  trySection: 'Try it',
  whereSection: 'Where the simulator’s views are on a real cluster',
  cleanupSection: 'Clean up',
  notTranslatedHeading: '## Not translated',
  notTranslatedProse: 'These parts of the scenario or the lesson have no exact equivalent on kind:',

  createTitle: 'Create the cluster',
  createProse: (n: number, names: string) => `kind starts one Docker container per node, ${n} here: ${names}.`,
  renamedProse: (cluster: string, pairs: string) =>
    `The cluster is named \`${cluster}\`, so kind names its nodes after it; the commands below use these names (the simulator’s names in brackets): ${pairs}.`,
  mappingProse: (list: string) => `kind-config.yaml maps these ports of your machine to the same ports of a node: ${list}.`,
  mappingNodePort: (port: number, node: string, svc: string, local: boolean) =>
    `${port} → \`${node}\` (nodePort of \`${svc}\`${local ? ', on a worker because of externalTrafficPolicy: Local' : ''})`,
  mappingIngress: (port: number, node: string) => `${port} → \`${node}\` (the ingress controller)`,
  reuseCluster: (name: string) => `A kind cluster named ${name} exists already: using it.`,
  addressesProse:
    'Docker gives the node containers their addresses, so node IPs, pod IPs, ClusterIPs and load-balancer addresses differ from the simulator’s; the commands look them up with kubectl instead of writing them down.',

  ingressTitle: 'Install the ingress controller (kind’s way)',
  ingressProse: (node: string) =>
    `\`minikube addons enable ingress\` has no kind equivalent; ingress-nginx publishes a manifest made for kind instead. Its controller runs on the node labelled \`ingress-ready=true\` (\`${node}\`) and listens on that node’s ports 80 and 443 (hostPort), which kind-config.yaml maps to ports 80 and 443 of your machine. The ingress must be ready before Ingress objects are applied (its admission webhook checks them).`,
  ingressDiffers: (node: string) =>
    `The simulator runs minikube’s ingress addon; here the same controller (ingress-nginx) comes from its kind manifest and runs on \`${node}\`, reached at localhost.`,

  lbTitle: 'Load balancers: start cloud-provider-kind',
  lbProse:
    'kind has no cloud, so a LoadBalancer Service keeps EXTERNAL-IP `<pending>` until something plays the cloud’s part. cloud-provider-kind does: it runs on your machine, watches the cluster and starts a small load-balancer container for each LoadBalancer Service, whose address it writes into the Service’s status. Start it in another terminal and leave it running (it needs the rights to use Docker: on some systems `sudo cloud-provider-kind`).',
  lbCommand: 'cloud-provider-kind',
  lbNote: 'In another terminal, start cloud-provider-kind and leave it running (see README.md).',
  lbNoneTitle: 'No cloud load balancer',
  lbNoneProse:
    'The scenario has no cloud load balancer (`cloud.loadBalancer: false`), so do not run cloud-provider-kind: EXTERNAL-IP stays `<pending>`, as in the simulator.',

  applyTitle: 'Apply the manifests',
  applyProse: (dropped: string) =>
    `manifests.yaml holds the scenario’s Kubernetes objects as written${dropped ? `; the playground’s own documents (${dropped}) became kind-config.yaml and this README` : ''}.`,
  waitTitle: 'Wait for the pods',
  waitProse:
    'Waits until the controllers have created the pods and every pod runs. Running, not Ready: some scenarios keep pods unready on purpose (a readiness probe that fails), and the lesson looks at exactly that.',

  lessonStepTitle: (i: number, n: number, title: string) => `Step ${i} of ${n}: ${title}`,
  observe: 'Look at',
  noCommands: 'Nothing to run in this step: it is about what you see.',
  differs: 'Differs on kind',
  linuxAlt: 'On Linux, the same request to the node itself',

  tryProse: 'Requests like the ones the playground’s traffic controls send, from your machine and from inside the cluster.',
  tryFromHost: 'From your machine',
  tryFromNode: (node: string) => `From a node (${node})`,
  tryFromNodeProse: 'A kind node is a container: `docker exec` runs curl on the node itself, like the simulator’s “send from a node”.',
  manifestsHeader: (file: string) => `The Kubernetes objects of the playground scenario ${file}, as written. Apply with: kubectl apply -f manifests.yaml`,

  whereHops:
    'The packet’s hops (the diagram and the hop inspector): kube-proxy’s rules that rewrite them are on each node, `docker exec NODE iptables-save -t nat` (iptables mode) or `docker exec NODE nft list table ip kube-proxy` (nftables mode); follow `KUBE-SERVICES` → `KUBE-SVC-…` → `KUBE-SEP-…` (DNAT) and `KUBE-POSTROUTING` (the SNAT mark).',
  whereConntrack: 'Connections kept on their backend (conntrack, session affinity): `docker exec NODE conntrack -L -p tcp`.',
  wherePod: 'The pod that answered: the response body of the kubia image says it (“You’ve hit <pod>”); `kubectl logs POD` shows the client address each request came from.',
  whereEndpoints: 'Which pods a Service sends to: `kubectl get endpointslices -l kubernetes.io/service-name=SERVICE` and `kubectl describe svc SERVICE`.',
  whereEvents: 'What the controllers did (the simulator’s event log): `kubectl get events --sort-by=.lastTimestamp`.',
  whereDns: 'DNS answers (the simulator’s DNS hops): `kubectl exec POD -- nslookup NAME`, and CoreDNS’s own log with `kubectl logs -n kube-system -l k8s-app=kube-dns`.',
  whereNodes: (names: string) => `Node names for NODE: ${names}.`,

  cleanupProse: 'The cluster keeps running until you delete it:',

  // Differences, one per translated action.
  nodePortElsewhere: (port: number, mapped: string, sim: string) =>
    `kind maps localhost:${port} to \`${mapped}\`; the simulator sent this request to \`${sim}\`, so the path differs (an extra hop, or none). On Linux, the alternative command reaches \`${sim}\` itself (in run.sh it is the commented line).`,
  nodeDirect:
    'This reaches the node container at its own address: your machine can on Linux (Docker’s bridge network), Docker Desktop on macOS and Windows cannot. There, `kubectl port-forward` is the nearest substitute (it skips kube-proxy).',
  clientAddress:
    'The pod sees a Docker address as the client (the bridge gateway, a docker-proxy or the load balancer’s container), not the simulator’s client address.',
  lbCloud:
    'kind has no cloud load balancer: with cloud-provider-kind running, the Service gets an EXTERNAL-IP on Docker’s network and this request reaches it (from macOS or Windows, cloud-provider-kind may have to forward a local port instead); without it, EXTERNAL-IP stays <pending> and the request fails.',
  lbNone: 'The scenario has no cloud load balancer: EXTERNAL-IP stays <pending> on kind too, and the request fails as in the simulator.',
  clusterIpOutside:
    'A ClusterIP is reachable only from inside the cluster. Your machine has no route to it either, so curl fails here too (after `--max-time`).',
  resolvedIngress: (client: string, host: string, ip: string, node: string) =>
    `The simulator’s ${client} found ${host} in its hostAliases (${ip}); here \`curl --resolve\` sends it to localhost, which kind maps to the ingress controller on \`${node}\`. To use the name everywhere instead, add the line \`127.0.0.1 ${host}\` to /etc/hosts.`,
  resolvedNodePort: (client: string, host: string, ip: string) =>
    `The simulator’s ${client} found ${host} in its hostAliases (${ip}); here \`curl --resolve\` points it at localhost, where kind maps the port.`,
  resolvedLb: (client: string, host: string) =>
    `The simulator’s ${client} found ${host} in its hostAliases; here \`curl --resolve\` points it at the Service’s load-balancer address.`,
  resolvedOther: (client: string, host: string, ip: string) =>
    `The simulator’s ${client} found ${host} in its hostAliases (${ip}); \`curl --resolve\` does the same for this one request (or add the line to /etc/hosts).`,
  browser: (n: number) =>
    `The simulator’s browser reuses one keep-alive connection. curl does the same when one command fetches several URLs, so this is one curl with ${n} URLs.`,
  simAddress: (ip: string) => `${ip} is an address the simulator allocated; the real cluster allocates its own, so this address may not exist there.`,
  addonIngress: (node: string) =>
    `\`minikube addons enable ingress\` has no kind equivalent: this installs ingress-nginx from its kind manifest instead. Its controller runs on \`${node}\` (labelled ingress-ready=true), whose ports 80 and 443 kind-config.yaml maps to your machine.`,
  addonAlready: 'The ingress controller was installed when the cluster was set up.',
  minikubeService: (svc: string) =>
    `\`minikube service ${svc}\` prints the node’s address and the nodePort (and opens a browser). On kind, the URL is the mapped port on localhost, or the node’s own address on Linux.`,
  minikubeIp: (node: string) => `\`minikube ip\` is the control-plane node’s InternalIP: here, \`${node}\`’s.`,
  minikubeSsh: (node: string) => `\`minikube ssh\` opens a shell on the minikube node; a kind node is a container: \`docker exec\` into \`${node}\`.`,
  minikubeOther: (line: string) => `\`${line}\` has no kind equivalent and is left out.`,
  scenarioEdit: (what: string) =>
    `This step changes the playground’s Scenario document (${what}), which is not a Kubernetes object: there is nothing to apply.`,
  lbOff:
    'Turning the cloud load balancer off in the simulator is, on kind, stopping cloud-provider-kind (Ctrl+C in its terminal) before this step. Services that already have an address keep it.',
  lbOn: 'Turning the cloud load balancer on in the simulator is, on kind, starting cloud-provider-kind (see “Load balancers”).',
  clientsEdit: 'the simulator’s external clients: on kind, requests come from your machine',
  clusterEdit: (kind: string) =>
    `This step changes the cluster’s configuration (${kind}), which kind cannot change on a running cluster. kind-config.yaml was written from the scenario as it was before the lesson; to follow this step, edit kind-config.yaml the same way and create the cluster again.`,
  editMissing: (find: string) => `The lesson edits text that is not in the exported scenario (\`${find}\`), so this edit was left out.`,
  editApplied: 'The lesson edits the scenario in the editor; on kind, `kubectl apply` sends the changed object (or `kubectl delete` removes it).',
  podShell: (pod: string) => `The simulator ran this in a shell in the pod (${pod}); here \`kubectl exec\` runs it there.`,
  dropsNodes: (names: string) =>
    `The scenario’s Node objects (${names}) were left out of manifests.yaml: kind creates the nodes, with addresses of its own.`,
  scenarioProblems: (n: number) =>
    `The simulator reports ${n} problem(s) in this scenario; kubectl will likely reject the same objects.`,

  // run.sh
  runHeader: (title: string) => `${title}: the playground scenario on a kind cluster. README.md explains each step.`,
  runDiffersNote: 'Steps marked "Differs on kind" do not behave exactly as in the simulator (see README.md).',
  runMissing: 'is not installed; see README.md, "What you need".',
  runPrompt: 'Press Enter to run this step (Ctrl+C stops) ',
  runExit: 'exit status',
  runDone: (cluster: string) => `Done. The cluster keeps running; delete it with: kind delete cluster --name ${cluster}`,

  // kind-config.yaml
  kindHeader: (title: string, file: string) => `kind cluster for the playground scenario "${title}" (${file}).`,
  kindCreate: (cluster: string) => `Create it with: kind create cluster --name ${cluster} --config kind-config.yaml`,
  kindIngressNode: 'The ingress controller (ingress-nginx, kind manifest) runs here: it selects ingress-ready=true.',
  kindNodePort: (svc: string) => `nodePort of ${svc}: curl localhost:<port> from your machine`,
  kindIngressPort: 'the ingress controller’s hostPort',
  kindProxyPatch: 'The scenario’s KubeProxyConfiguration, merged into the one kind gives kube-proxy.',
  kindPortRangePatch: 'The scenario’s serviceNodePortRange (kube-apiserver --service-node-port-range).',

  // The self-extracting script
  bundleHeader: (dir: string) =>
    `Writes ${dir}/ (kind-config.yaml, manifests.yaml, README.md, run.sh), then runs ${dir}/run.sh. Read it first: it is plain text.`,
  bundleUsage: (file: string) => `bash ${file} --extract-only   writes the files and stops.`,
  bundleWrote: (dir: string) => `Wrote ${dir}/: kind-config.yaml manifests.yaml README.md run.sh`,
}

/** The bundle's sentences in one language. */
export type ExportText = typeof en

const ko: ExportText = {
  readmeTitle: (title) => `# ${title} — 실제 클러스터에서 실행하기`,
  exportedFrom: (file, lesson) =>
    `Kubernetes Service Playground에서 내보낸 시나리오 \`${file}\`${lesson ? `(레슨 “${lesson}” 포함)` : ''}입니다. ` +
    '같은 매니페스트를 여러분의 컴퓨터에서 [kind](https://kind.sigs.k8s.io/)(Kubernetes in Docker)가 만드는 실제 쿠버네티스 클러스터에서 실행합니다.',
  needHeading: '## 준비물',
  needDocker: '실행 중인 Docker(또는 Podman)',
  needKind: (nft) => `kind${nft ? ' v0.24 이상(nftables 모드의 kube-proxy에는 쿠버네티스 1.31 이상이 필요합니다)' : ''}: https://kind.sigs.k8s.io/docs/user/quick-start/#installation`,
  needKubectl: 'kubectl: https://kubernetes.io/docs/tasks/tools/',
  needCloudProvider: 'LoadBalancer 서비스용 cloud-provider-kind: `go install sigs.k8s.io/cloud-provider-kind@latest` (https://kind.sigs.k8s.io/docs/user/loadbalancer/)',
  needInternet: '인터넷 연결: kind가 노드 이미지를 내려받고, 파드가 Docker Hub에서 이미지를 가져옵니다.',
  filesHeading: '## 파일',
  fileKindConfig: '클러스터 설정: 노드, 파드와 서비스 주소 범위, kube-proxy 모드, 내 컴퓨터로 연결되는 포트',
  fileManifests: '시나리오의 쿠버네티스 오브젝트를 주석까지 적힌 그대로 담은 파일',
  fileReadme: '이 안내서',
  fileRun: '아래 단계를 차례대로 실행하는 스크립트',
  runHeading: '## 실행하기',
  runProse:
    '`bash run.sh`는 아래 단계를 모두 차례대로 실행하며, 단계마다 Enter를 누를 때까지 기다립니다(`NO_PAUSE=1 bash run.sh`는 멈추지 않고 끝까지 실행합니다). ' +
    '명령을 하나씩 복사해 실행해도 결과는 같습니다.',
  differsLegend: '**kind에서 다름** 표시가 붙은 단계는 시뮬레이터와 똑같이 동작하지 않습니다. 무엇이 왜 다른지는 명령 아래의 설명에 있습니다.',
  stepsHeading: '## 단계별 안내',
  setupSection: '클러스터 준비',
  lessonSection: (title) => `레슨: ${title}`,
  trySection: '직접 해 보기',
  whereSection: '시뮬레이터의 화면이 실제 클러스터에서는 어디에 있는지',
  cleanupSection: '정리',
  notTranslatedHeading: '## 옮기지 못한 부분',
  notTranslatedProse: '시나리오나 레슨의 다음 부분은 kind에 딱 맞는 대응이 없습니다.',

  createTitle: '클러스터 만들기',
  createProse: (n, names) => `kind는 노드마다 Docker 컨테이너를 하나씩 띄웁니다. 여기서는 ${n}개입니다: ${names}.`,
  renamedProse: (cluster, pairs) =>
    `클러스터 이름이 \`${cluster}\`이므로 kind는 노드 이름도 그에 맞춰 짓습니다. 아래 명령은 이 이름을 씁니다(괄호 안은 시뮬레이터의 이름): ${pairs}.`,
  mappingProse: (list) => `kind-config.yaml은 내 컴퓨터의 다음 포트를 노드의 같은 포트로 연결합니다: ${list}.`,
  mappingNodePort: (port, node, svc, local) =>
    `${port} → \`${node}\` (\`${svc}\`의 nodePort${local ? ', externalTrafficPolicy: Local이라서 워커 노드에 연결' : ''})`,
  mappingIngress: (port, node) => `${port} → \`${node}\` (인그레스 컨트롤러)`,
  reuseCluster: (name) => `이름이 ${name}인 kind 클러스터가 이미 있어서 그대로 사용합니다.`,
  addressesProse:
    '노드 컨테이너의 주소는 Docker가 정하므로 노드 IP, 파드 IP, ClusterIP, 로드밸런서 주소가 시뮬레이터와 다릅니다. 그래서 명령에 주소를 직접 적지 않고 kubectl로 조회합니다.',

  ingressTitle: '인그레스 컨트롤러 설치(kind 방식)',
  ingressProse: (node) =>
    `\`minikube addons enable ingress\`는 kind에 대응하는 명령이 없습니다. 대신 ingress-nginx가 kind용으로 배포하는 매니페스트를 씁니다. 컨트롤러는 \`ingress-ready=true\` 레이블이 붙은 노드(\`${node}\`)에서 실행되며 그 노드의 포트 80과 443(hostPort)에서 기다리고, kind-config.yaml이 이 포트를 내 컴퓨터의 포트 80과 443으로 연결합니다. 인그레스 오브젝트를 적용하기 전에 컨트롤러가 준비되어 있어야 합니다(어드미션 웹훅이 오브젝트를 검사합니다).`,
  ingressDiffers: (node) =>
    `시뮬레이터는 minikube의 인그레스 애드온을 실행합니다. 여기서는 같은 컨트롤러(ingress-nginx)를 kind용 매니페스트로 설치하며, \`${node}\`에서 실행되고 localhost로 접속합니다.`,

  lbTitle: '로드밸런서: cloud-provider-kind 시작하기',
  lbProse:
    'kind에는 클라우드가 없어서, 누군가 클라우드 역할을 하기 전까지 LoadBalancer 서비스의 EXTERNAL-IP는 `<pending>`으로 남습니다. cloud-provider-kind가 그 역할을 합니다. 내 컴퓨터에서 실행되면서 클러스터를 지켜보다가 LoadBalancer 서비스마다 작은 로드밸런서 컨테이너를 띄우고, 그 주소를 서비스의 status에 기록합니다. 다른 터미널에서 시작해 계속 실행해 두세요(Docker를 쓸 권한이 필요하므로 시스템에 따라 `sudo cloud-provider-kind`로 실행합니다).',
  lbCommand: 'cloud-provider-kind',
  lbNote: '다른 터미널에서 cloud-provider-kind를 시작해 계속 실행해 두세요(README.md 참고).',
  lbNoneTitle: '클라우드 로드밸런서 없음',
  lbNoneProse:
    '이 시나리오에는 클라우드 로드밸런서가 없으므로(`cloud.loadBalancer: false`) cloud-provider-kind를 실행하지 마세요. 시뮬레이터에서처럼 EXTERNAL-IP가 `<pending>`으로 남습니다.',

  applyTitle: '매니페스트 적용하기',
  applyProse: (dropped) =>
    `manifests.yaml에는 시나리오의 쿠버네티스 오브젝트가 적힌 그대로 들어 있습니다${dropped ? `. 플레이그라운드 전용 문서(${dropped})는 kind-config.yaml과 이 README가 되었습니다` : ''}.`,
  waitTitle: '파드 기다리기',
  waitProse:
    '컨트롤러가 파드를 만들고 모든 파드가 실행될 때까지 기다립니다. Ready가 아니라 Running을 기다립니다. 어떤 시나리오는 일부러 파드를 준비되지 않은 상태로 둡니다(실패하는 레디니스 프로브). 레슨이 바로 그 모습을 살펴봅니다.',

  lessonStepTitle: (i, n, title) => `${n}단계 중 ${i}단계: ${title}`,
  observe: '살펴볼 곳',
  noCommands: '이 단계에서는 실행할 명령이 없습니다. 화면에서 보이는 것을 살펴보는 단계입니다.',
  differs: 'kind에서 다름',
  linuxAlt: 'Linux에서는 같은 요청을 노드로 직접',

  tryProse: '플레이그라운드의 트래픽 컨트롤이 보내는 것과 같은 요청을 내 컴퓨터와 클러스터 안에서 보냅니다.',
  tryFromHost: '내 컴퓨터에서',
  tryFromNode: (node) => `노드(${node})에서`,
  tryFromNodeProse: 'kind 노드는 컨테이너이므로 `docker exec`가 노드 자체에서 curl을 실행합니다. 시뮬레이터의 “노드에서 보내기”와 같습니다.',
  manifestsHeader: (file) => `플레이그라운드 시나리오 ${file}의 쿠버네티스 오브젝트를 적힌 그대로 담았습니다. 적용: kubectl apply -f manifests.yaml`,

  whereHops:
    '패킷의 홉(다이어그램과 홉 인스펙터): 패킷을 바꾸는 kube-proxy 규칙은 각 노드에 있습니다. `docker exec NODE iptables-save -t nat`(iptables 모드) 또는 `docker exec NODE nft list table ip kube-proxy`(nftables 모드)로 보고, `KUBE-SERVICES` → `KUBE-SVC-…` → `KUBE-SEP-…`(DNAT)와 `KUBE-POSTROUTING`(SNAT 표시)을 따라가세요.',
  whereConntrack: '백엔드에 묶인 연결(conntrack, 세션 어피니티): `docker exec NODE conntrack -L -p tcp`.',
  wherePod: '응답한 파드: kubia 이미지는 응답 본문에 파드 이름을 적습니다(“You’ve hit <pod>”). `kubectl logs POD`로 요청마다 클라이언트 주소를 볼 수 있습니다.',
  whereEndpoints: '서비스가 어느 파드로 보내는지: `kubectl get endpointslices -l kubernetes.io/service-name=SERVICE`와 `kubectl describe svc SERVICE`.',
  whereEvents: '컨트롤러가 한 일(시뮬레이터의 이벤트 기록): `kubectl get events --sort-by=.lastTimestamp`.',
  whereDns: 'DNS 응답(시뮬레이터의 DNS 홉): `kubectl exec POD -- nslookup NAME`, 그리고 CoreDNS 자체 로그는 `kubectl logs -n kube-system -l k8s-app=kube-dns`.',
  whereNodes: (names) => `NODE 자리에 쓸 노드 이름: ${names}.`,

  cleanupProse: '클러스터는 지울 때까지 계속 실행됩니다:',

  nodePortElsewhere: (port, mapped, sim) =>
    `kind는 이 포트(localhost:${port})를 \`${mapped}\` 노드로 연결하지만 시뮬레이터는 이 요청을 \`${sim}\` 노드로 보냈으므로 경로가 다릅니다(추가 홉이 생기거나 없어집니다). Linux에서는 대안 명령(run.sh에서는 주석 처리된 줄)으로 \`${sim}\` 노드에 직접 보낼 수 있습니다.`,
  nodeDirect:
    '이 명령은 노드 컨테이너의 주소로 직접 접속합니다. Linux에서는 Docker 브리지 네트워크에 닿으므로 가능하지만, macOS와 Windows의 Docker Desktop에서는 불가능합니다. 그럴 때는 `kubectl port-forward`가 가장 가까운 대안입니다(kube-proxy를 거치지 않습니다).',
  clientAddress: '파드가 보는 클라이언트 주소는 시뮬레이터의 클라이언트 주소가 아니라 Docker의 주소(브리지 게이트웨이, docker-proxy, 로드밸런서 컨테이너)입니다.',
  lbCloud:
    'kind에는 클라우드 로드밸런서가 없습니다. cloud-provider-kind가 실행 중이면 서비스가 Docker 네트워크의 EXTERNAL-IP를 받고 이 요청이 그 주소에 닿습니다(macOS나 Windows에서는 cloud-provider-kind가 대신 로컬 포트를 연결해 줄 수 있습니다). 실행 중이 아니면 EXTERNAL-IP가 <pending>으로 남고 요청이 실패합니다.',
  lbNone: '이 시나리오에는 클라우드 로드밸런서가 없습니다. kind에서도 EXTERNAL-IP가 <pending>으로 남고, 시뮬레이터에서처럼 요청이 실패합니다.',
  clusterIpOutside:
    'ClusterIP는 클러스터 안에서만 닿습니다. 내 컴퓨터에도 그 주소로 가는 경로가 없어서 여기서도 curl이 실패합니다(`--max-time` 이후).',
  resolvedIngress: (client, host, ip, node) =>
    `시뮬레이터의 ${client} 클라이언트는 hostAliases에서 ${host} 이름을 찾았습니다(${ip}). 여기서는 \`curl --resolve\`가 요청을 localhost로 보내고, kind가 이를 \`${node}\`의 인그레스 컨트롤러로 연결합니다. 모든 곳에서 이 이름을 쓰려면 /etc/hosts에 \`127.0.0.1 ${host}\` 줄을 추가하세요.`,
  resolvedNodePort: (client, host, ip) =>
    `시뮬레이터의 ${client} 클라이언트는 hostAliases에서 ${host} 이름을 찾았습니다(${ip}). 여기서는 \`curl --resolve\`가 kind가 포트를 연결해 둔 localhost로 보냅니다.`,
  resolvedLb: (client, host) =>
    `시뮬레이터의 ${client} 클라이언트는 hostAliases에서 ${host} 이름을 찾았습니다. 여기서는 \`curl --resolve\`가 서비스의 로드밸런서 주소로 보냅니다.`,
  resolvedOther: (client, host, ip) =>
    `시뮬레이터의 ${client} 클라이언트는 hostAliases에서 ${host} 이름을 찾았습니다(${ip}). \`curl --resolve\`가 이 요청 하나에 같은 일을 합니다(/etc/hosts에 줄을 추가해도 됩니다).`,
  browser: (n) =>
    `시뮬레이터의 브라우저는 keep-alive 연결 하나를 계속 씁니다. curl도 명령 하나로 여러 URL을 가져오면 연결을 재사용하므로, 여기서는 URL ${n}개를 가진 curl 하나로 보냅니다.`,
  simAddress: (ip) => `${ip} 주소는 시뮬레이터가 할당한 주소입니다. 실제 클러스터는 주소를 따로 할당하므로 이 주소가 없을 수 있습니다.`,
  addonIngress: (node) =>
    `\`minikube addons enable ingress\`는 kind에 대응하는 명령이 없어서, 대신 ingress-nginx를 kind용 매니페스트로 설치합니다. 컨트롤러는 \`${node}\`(ingress-ready=true 레이블)에서 실행되며, kind-config.yaml이 그 노드의 포트 80과 443을 내 컴퓨터로 연결합니다.`,
  addonAlready: '인그레스 컨트롤러는 클러스터를 준비할 때 이미 설치했습니다.',
  minikubeService: (svc) =>
    `\`minikube service ${svc}\` 명령은 노드 주소와 nodePort를 출력합니다(브라우저도 엽니다). kind에서는 localhost에 연결된 포트가 URL이며, Linux에서는 노드 자체의 주소도 쓸 수 있습니다.`,
  minikubeIp: (node) => `\`minikube ip\`는 컨트롤 플레인 노드의 InternalIP입니다. 여기서는 \`${node}\`의 주소입니다.`,
  minikubeSsh: (node) => `\`minikube ssh\`는 minikube 노드의 셸을 엽니다. kind 노드는 컨테이너이므로 \`docker exec\`로 \`${node}\`에 들어갑니다.`,
  minikubeOther: (line) => `\`${line}\` 명령은 kind에 대응하는 명령이 없어서 뺐습니다.`,
  scenarioEdit: (what) =>
    `이 단계는 플레이그라운드의 Scenario 문서(${what})를 바꿉니다. 쿠버네티스 오브젝트가 아니므로 적용할 것이 없습니다.`,
  lbOff:
    '시뮬레이터에서 클라우드 로드밸런서를 끄는 것은 kind에서 이 단계 전에 cloud-provider-kind를 멈추는 것(그 터미널에서 Ctrl+C)에 해당합니다. 이미 주소를 받은 서비스는 그 주소를 유지합니다.',
  lbOn: '시뮬레이터에서 클라우드 로드밸런서를 켜는 것은 kind에서 cloud-provider-kind를 시작하는 것에 해당합니다(“로드밸런서” 참고).',
  clientsEdit: '시뮬레이터의 외부 클라이언트. kind에서는 요청이 내 컴퓨터에서 나갑니다',
  clusterEdit: (kind) =>
    `이 단계는 클러스터 설정(${kind})을 바꾸는데, kind는 실행 중인 클러스터의 설정을 바꿀 수 없습니다. kind-config.yaml은 레슨 전의 시나리오로 만들었으므로, 이 단계를 따라 하려면 kind-config.yaml을 같은 방식으로 고친 뒤 클러스터를 다시 만드세요.`,
  editMissing: (find) => `레슨이 고치는 텍스트(\`${find}\`)가 내보낸 시나리오에 없어서(이미 바뀌었나요?) 이 수정은 뺐습니다.`,
  editApplied: '레슨은 편집기의 시나리오를 고칩니다. kind에서는 `kubectl apply`가 바뀐 오브젝트를 보내고, `kubectl delete`가 지워진 오브젝트를 없앱니다.',
  podShell: (pod) => `시뮬레이터는 이 명령을 파드(${pod})의 셸에서 실행했습니다. 여기서는 \`kubectl exec\`로 그 파드에서 실행합니다.`,
  dropsNodes: (names) => `시나리오의 Node 오브젝트(${names})는 manifests.yaml에서 뺐습니다. 노드는 kind가 자체 주소로 만듭니다.`,
  scenarioProblems: (n) => `시뮬레이터가 이 시나리오에서 문제 ${n}개를 보고합니다. kubectl도 같은 오브젝트를 거부할 가능성이 큽니다.`,

  runHeader: (title) => `${title}: 플레이그라운드 시나리오를 kind 클러스터에서 실행합니다. 단계별 설명은 README.md에 있습니다.`,
  runDiffersNote: '"kind에서 다름" 표시가 붙은 단계는 시뮬레이터와 똑같이 동작하지 않습니다(README.md 참고).',
  runMissing: '명령이 설치되어 있지 않습니다. README.md의 "준비물"을 보세요.',
  runPrompt: '이 단계를 실행하려면 Enter를 누르세요(중단: Ctrl+C) ',
  runExit: '종료 상태',
  runDone: (cluster) => `끝났습니다. 클러스터는 계속 실행됩니다. 지우려면: kind delete cluster --name ${cluster}`,

  kindHeader: (title, file) => `플레이그라운드 시나리오 "${title}"(${file})의 kind 클러스터입니다.`,
  kindCreate: (cluster) => `만드는 명령: kind create cluster --name ${cluster} --config kind-config.yaml`,
  kindIngressNode: '인그레스 컨트롤러(ingress-nginx, kind용 매니페스트)가 여기서 실행됩니다. ingress-ready=true를 선택합니다.',
  kindNodePort: (svc) => `${svc}의 nodePort: 내 컴퓨터에서 curl localhost:<port>`,
  kindIngressPort: '인그레스 컨트롤러의 hostPort',
  kindProxyPatch: '시나리오의 KubeProxyConfiguration. kind가 kube-proxy에 주는 설정에 합쳐집니다.',
  kindPortRangePatch: '시나리오의 serviceNodePortRange(kube-apiserver --service-node-port-range).',

  bundleHeader: (dir) =>
    `${dir}/에 kind-config.yaml, manifests.yaml, README.md, run.sh를 쓴 다음 ${dir}/run.sh를 실행합니다. 평범한 텍스트이니 먼저 읽어 보세요.`,
  bundleUsage: (file) => `bash ${file} --extract-only   파일만 쓰고 멈춥니다.`,
  bundleWrote: (dir) => `${dir}/에 썼습니다: kind-config.yaml manifests.yaml README.md run.sh`,
}

/** The bundle's sentences in `lang`. */
export const exportText = (lang: Lang): ExportText => (lang === 'ko' ? ko : en)

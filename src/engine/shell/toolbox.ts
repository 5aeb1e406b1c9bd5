/**
 * Which programs a host has, and which implementation of each: a container has only what its
 * image ships (the kubia image has curl but no nslookup — the chapter switches to tutum/dnsutils
 * for that; busybox has wget and its own nslookup but no curl; CoreDNS's image has no shell at
 * all; python:3 has curl, python:3-alpine only BusyBox's wget). Nodes are kind's node image; external clients are a Linux laptop. Images the playground
 * does not know get every tool, so any sample still works.
 */
import type { Libc } from '../net/stubResolver.ts'
import { PYTHON_VERSION } from '../kubelet/pythonHttp.ts'

/** The programs and flavours of one host. */
export interface Toolbox {
  /** Profile name (for the UI and tests). */
  name: string
  /** The interactive shell: bash (`bash: x: command not found`), BusyBox ash (`sh: x: not found`), or none. */
  shell: 'bash' | 'ash' | 'none'
  libc: Libc
  /** External programs on the PATH (shell builtins are always there). */
  programs: ReadonlySet<string>
  ping: 'inetutils' | 'busybox' | 'iputils'
  nslookup: 'bind' | 'busybox'
  wget: 'gnu' | 'busybox'
  /** `ls` flavour: GNU coreutils or BusyBox (their error texts differ). */
  coreutils: 'gnu' | 'busybox'
  /** Environment the image sets (its Dockerfile ENV), before the kubelet's variables. */
  imageEnv: readonly { name: string; value: string }[]
}

const PATH = { name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }
const CORE = ['cat', 'ls', 'touch', 'rm', 'mkdir', 'head', 'tail', 'grep', 'wc', 'env', 'printenv', 'hostname', 'sleep', 'sort', 'tee', 'date', 'id', 'whoami', 'uname']

const set = (...xs: string[][]) => new Set(xs.flat())

/** luksa/kubia: node:7 (Debian jessie) with curl, wget and inetutils ping — the book's `ping kubia` output. */
const KUBIA: Toolbox = {
  name: 'kubia',
  shell: 'bash',
  libc: 'glibc',
  programs: set(CORE, ['curl', 'wget', 'ping']),
  ping: 'inetutils',
  nslookup: 'bind',
  wget: 'gnu',
  coreutils: 'gnu',
  imageEnv: [PATH, { name: 'NPM_CONFIG_LOGLEVEL', value: 'info' }, { name: 'NODE_VERSION', value: '7.10.1' }, { name: 'YARN_VERSION', value: '0.24.4' }],
}

/** tutum/dnsutils: Ubuntu with bind's dnsutils (nslookup, dig, host) and nothing else. */
const DNSUTILS: Toolbox = { name: 'dnsutils', shell: 'bash', libc: 'glibc', programs: set(CORE, ['nslookup', 'dig']), ping: 'iputils', nslookup: 'bind', wget: 'gnu', coreutils: 'gnu', imageEnv: [PATH] }

/** busybox: every applet, no curl, no dig. */
const BUSYBOX: Toolbox = { name: 'busybox', shell: 'ash', libc: 'glibc', programs: set(CORE, ['wget', 'ping', 'nslookup']), ping: 'busybox', nslookup: 'busybox', wget: 'busybox', coreutils: 'busybox', imageEnv: [PATH] }

/** alpine: BusyBox on musl. */
const ALPINE: Toolbox = { ...BUSYBOX, name: 'alpine', libc: 'musl' }

/** curlimages/curl: Alpine plus curl. */
const CURLIMAGE: Toolbox = { ...ALPINE, name: 'curl', programs: set([...ALPINE.programs], ['curl']) }

/** nginx (Debian): curl, no ping or DNS tools. */
const NGINX: Toolbox = { name: 'nginx', shell: 'bash', libc: 'glibc', programs: set(CORE, ['curl']), ping: 'iputils', nslookup: 'bind', wget: 'gnu', coreutils: 'gnu', imageEnv: [PATH] }

/**
 * The python images' ENV (docker-library/python's Dockerfile template): /usr/local/bin put in
 * front of PATH, LANG kept at C.UTF-8, the Python version (pythonHttp.ts PYTHON_VERSION).
 */
const PYTHON_ENV = [
  { name: 'PATH', value: `/usr/local/bin:${PATH.value}` },
  { name: 'LANG', value: 'C.UTF-8' },
  { name: 'PYTHON_VERSION', value: PYTHON_VERSION },
]

/** python (Debian): built on buildpack-deps, so curl, GNU wget and openssl are there; no ping or DNS tools. */
const PYTHON: Toolbox = {
  name: 'python',
  shell: 'bash',
  libc: 'glibc',
  programs: set(CORE, ['curl', 'wget', 'openssl']),
  ping: 'iputils',
  nslookup: 'bind',
  wget: 'gnu',
  coreutils: 'gnu',
  imageEnv: PYTHON_ENV,
}

/** python:*-slim (Debian without buildpack-deps): neither curl nor wget. */
const PYTHON_SLIM: Toolbox = { ...PYTHON, name: 'python-slim', programs: set(CORE) }

/** python:*-alpine: Alpine's BusyBox, so wget but no curl. */
const PYTHON_ALPINE: Toolbox = { ...ALPINE, name: 'python-alpine', imageEnv: PYTHON_ENV }

/** A full toolbox (nicolaka/netshoot, which ships openssl too, and images the playground does not know). */
const FULL: Toolbox = { name: 'full', shell: 'bash', libc: 'glibc', programs: set(CORE, ['curl', 'wget', 'ping', 'nslookup', 'dig', 'ip', 'openssl']), ping: 'iputils', nslookup: 'bind', wget: 'gnu', coreutils: 'gnu', imageEnv: [PATH] }

/** Distroless images (CoreDNS): no shell and no tools. */
const DISTROLESS: Toolbox = { name: 'distroless', shell: 'none', libc: 'glibc', programs: new Set(), ping: 'iputils', nslookup: 'bind', wget: 'gnu', coreutils: 'gnu', imageEnv: [PATH] }

/** A kind node (Debian): curl, iputils ping, and the netfilter and iproute2 tools. */
export const NODE_TOOLBOX: Toolbox = {
  name: 'node',
  shell: 'bash',
  libc: 'glibc',
  programs: set(CORE, ['curl', 'ping', 'iptables-save', 'nft', 'conntrack', 'ip']),
  ping: 'iputils',
  nslookup: 'bind',
  wget: 'gnu',
  coreutils: 'gnu',
  imageEnv: [PATH],
}

/** An external client: a Linux laptop with curl, wget, ping and openssl (the book makes its TLS key and certificate there). */
export const CLIENT_TOOLBOX: Toolbox = { name: 'client', shell: 'bash', libc: 'glibc', programs: set(CORE, ['curl', 'wget', 'ping', 'sudo', 'openssl']), ping: 'iputils', nslookup: 'bind', wget: 'gnu', coreutils: 'gnu', imageEnv: [PATH] }

/** The toolbox of a container image (registry, tag and digest ignored). */
export function toolboxForImage(image: string): Toolbox {
  const name = image.split('@')[0]!.split(':')[0]!.split('/').pop() ?? ''
  if (/^kubia/.test(name)) return KUBIA
  if (name === 'dnsutils' || name === 'jessie-dnsutils') return DNSUTILS
  if (name === 'busybox') return BUSYBOX
  if (name === 'alpine') return ALPINE
  if (name === 'curl') return CURLIMAGE
  if (name === 'nginx' || name === 'nginx-unprivileged') return NGINX
  if (name === 'coredns' || name === 'pause') return DISTROLESS
  if (name === 'python') {
    const tag = image.split('@')[0]!.split('/').pop()!.split(':')[1] ?? ''
    return tag.includes('alpine') ? PYTHON_ALPINE : tag.includes('slim') ? PYTHON_SLIM : PYTHON
  }
  return FULL
}

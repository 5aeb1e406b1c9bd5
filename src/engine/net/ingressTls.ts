/**
 * TLS at the ingress-nginx controller (§7b): which certificate its HTTPS port presents for an SNI
 * name, and what the controller logs when a TLS Secret cannot be used.
 *
 * Mirrors ingress-nginx v1.9: the controller builds one nginx server per rule host
 * (controller.go createServers); the first Ingress (oldest first) that has a rule for the host
 * and a `tls:` section gives the server its certificate — the Secret of the tls entry that lists
 * the host (extractTLSSecretName), or the default "Kubernetes Ingress Controller Fake
 * Certificate" when the entry has no secretName, the Secret could not be loaded
 * (store/backend_ssl.go getPemCertificate → ssl.CreateSSLCert), or its certificate does not
 * cover the host. At handshake time the Lua certificate module looks the SNI name up among the
 * servers that have a certificate — exact name, then `*.` + the name minus its first label —
 * and falls back to the default server, whose certificate is the fake one
 * (rootfs/etc/nginx/lua/certificate.lua). The same lookup decides the HTTP→HTTPS redirect
 * (lua_ingress.lua redirect_to_https: `ssl_redirect and certificate_configured_for_current_request()`).
 *
 * The controller does not look at the Secret's `type`: only `data["tls.crt"]`/`data["tls.key"]`
 * (and `ca.crt`, `auth`) matter, so an Opaque Secret with those keys works too.
 */
import type { ApiReader } from '../api/reader.ts'
import type { IngressRef } from '../ingress/index.ts'
import { isWildcardHost, sortIngresses, tlsCertificateFor } from '../ingress/index.ts'
import { x509KeyPairError } from '../kubectl/format/pem.ts'
import type { ContainerRuntime } from '../kubelet/runtime.ts'
import type { IngressObj, SecretObj } from '../model/k8s.ts'
import type { CertificateSummary } from '../model/net.ts'
import { fromBase64, parseCertificatePem, parsePrivateKeyPem, pemDecodeAll, publicKeyMatches } from '../tls/index.ts'
import { SIM_EPOCH_MS, formatTimestamp, parseTimestamp } from '../util/time.ts'
import { servedIngresses } from './ingressProxy.ts'

/** The subject (and issuer) of ingress-nginx's default certificate (internal/net/ssl/ssl.go getFakeHostSSLCert). */
export const FAKE_CERTIFICATE_NAME: [string, string][] = [['O', 'Acme Co'], ['CN', 'Kubernetes Ingress Controller Fake Certificate']]
/** The one DNS name of the fake certificate (`getFakeHostSSLCert("ingress.local")`). */
export const FAKE_CERTIFICATE_DNS_NAME = 'ingress.local'
const YEAR_MS = 365 * 24 * 3600 * 1000

/**
 * The fake certificate a controller generates when it starts (`notBefore := time.Now()`, valid
 * 365 days, self-signed); `startedAt` is the controller container's start in simulated ms.
 */
export function fakeCertificate(startedAt: number): CertificateSummary {
  const notBefore = Math.floor((SIM_EPOCH_MS + startedAt) / 1000) * 1000
  return {
    subject: FAKE_CERTIFICATE_NAME, issuer: FAKE_CERTIFICATE_NAME, notBefore, notAfter: notBefore + YEAR_MS,
    dnsNames: [FAKE_CERTIFICATE_DNS_NAME], selfSigned: true, fake: true,
  }
}

/** One line the controller logs (klog), with the simulated time it was logged at. */
export interface ControllerLogLine {
  at: number
  level: 'W' | 'I'
  /** `file.go:line` as klog prints it. */
  source: string
  text: string
}

// Source positions as ingress-nginx prints them: backend_ssl.go:47 holds from v1.5 to v1.11; the
// controller.go lines are those of a v1.7 build (v1.9.4's may be off by a few lines).
const BACKEND_SSL = 'backend_ssl.go:47'
const GET_CERT = 'controller.go:1372'
const NO_CERT = ['controller.go:1378', 'controller.go:1379'] as const
const VERIFY = ['controller.go:1386', 'controller.go:1387', 'controller.go:1392', 'controller.go:1393'] as const

/** A klog line: `W0101 00:00:12.000000       7 controller.go:1372] text` (pid 7, as in the controller image). */
export function klogLine(l: ControllerLogLine): string {
  const iso = formatTimestamp(l.at)
  const micros = String((((l.at % 1000) + 1000) % 1000) * 1000).padStart(6, '0')
  return `${l.level}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 19)}.${micros}       7 ${l.source}] ${l.text}`
}

/** A Secret as the controller's local SSL store holds it (getPemCertificate's outcome). */
type LocalCert =
  | { kind: 'cert'; certificate: CertificateSummary }
  | { kind: 'ca-only' }
  | { kind: 'error'; error: string; silent?: boolean }

const decoded = (v: string | undefined): string | undefined => {
  if (v === undefined) return undefined
  const bytes = fromBase64(v)
  if (!bytes) return undefined
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}

const certCache = new Map<string, LocalCert>()

/**
 * ssl.CreateSSLCert(cert, key): the first PEM block of `cert + "\n" + key` must be a
 * CERTIFICATE that parses, and tls.X509KeyPair(cert, key) must succeed.
 */
function createSslCert(cert: string, key: string): LocalCert {
  const cacheKey = `${cert}\u0000${key}`
  const hit = certCache.get(cacheKey)
  if (hit) return hit
  const fail = (e: string): LocalCert => ({ kind: 'error', error: `unexpected error creating SSL Cert: ${e}` })
  let out: LocalCert
  const first = pemDecodeAll(`${cert}\n${key}`)[0]
  if (!first) out = fail('no valid PEM formatted block found')
  else if (first.type !== 'CERTIFICATE') out = fail("no certificate PEM data found, make sure certificate content starts with 'BEGIN CERTIFICATE'")
  else {
    const summary = parseCertificatePem(cert)
    if ('error' in summary) out = fail(summary.error)
    else {
      const pairErr = x509KeyPairError(cert, key) ?? ('error' in parsePrivateKeyPem(key) ? 'tls: failed to parse private key' : publicKeyMatches(cert, key) ? undefined : 'tls: private key does not match public key')
      out = pairErr ? fail(`certificate and private key do not have a matching public key: ${pairErr}`) : { kind: 'cert', certificate: summary }
    }
  }
  if (certCache.size >= 256) certCache.clear()
  certCache.set(cacheKey, out)
  return out
}

/** store/backend_ssl.go getPemCertificate for `namespace/name`. */
function localCert(store: ApiReader, key: string, secret: SecretObj | undefined): LocalCert {
  if (!secret) return { kind: 'error', error: `no object matching key "${key}" in local store` }
  const data = { ...(secret.data ?? {}) } as Record<string, string>
  for (const [k, v] of Object.entries((secret as { stringData?: Record<string, string> }).stringData ?? {})) data[k] = btoaAscii(v)
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k)
  if (has('tls.crt') && has('tls.key')) return createSslCert(decoded(data['tls.crt']) ?? '', decoded(data['tls.key']) ?? '')
  if ((decoded(data['ca.crt']) ?? '') !== '') return { kind: 'ca-only' }
  // A basic-auth Secret (ErrSecretForAuth) is skipped without a log line.
  if (has('auth')) return { kind: 'error', error: 'secret is used for authentication', silent: true }
  return { kind: 'error', error: `secret "${key}" contains no keypair or CA certificate` }
}

/** Base64 of ASCII text (stringData values, which the API server would have encoded). */
function btoaAscii(s: string): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const n = ((s.charCodeAt(i) & 255) << 16) | ((s.charCodeAt(i + 1) & 255) << 8) | (s.charCodeAt(i + 2) & 255)
    out += A[(n >> 18) & 63]! + A[(n >> 12) & 63]! + (i + 1 < s.length ? A[(n >> 6) & 63] : '=') + (i + 2 < s.length ? A[n & 63] : '=')
  }
  return out
}

/** crypto/x509 matchHostnames: one leading `*` label in the certificate name matches one label. */
function matchHostnames(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase()
  const h = host.toLowerCase().replace(/\.$/, '')
  if (p === '' || h === '' || h.includes('*')) return p === h
  const pp = p.split('.')
  const hp = h.split('.')
  if (pp.length !== hp.length) return false
  return pp.every((x, i) => (i === 0 && x === '*') || x === hp[i])
}

const commonName = (c: CertificateSummary): string | undefined => c.subject.filter(([t]) => t === 'CN').pop()?.[1]

/** x509.HostnameError's text for a certificate that does not cover `host`. */
function hostnameError(c: CertificateSummary, host: string): string {
  const cn = commonName(c)
  if (c.dnsNames.length === 0 && cn !== undefined && matchHostnames(cn, host)) return 'x509: certificate relies on legacy Common Name field, use SANs instead'
  if (c.dnsNames.length === 0) return `x509: certificate is not valid for any names, but wanted to match ${host}`
  return `x509: certificate is valid for ${c.dnsNames.join(', ')}, not ${host}`
}

/** Certificate.VerifyHostname (Go ≥ 1.15: SANs only), or its error text. */
function verifyHostname(c: CertificateSummary, host: string): string | undefined {
  return c.dnsNames.some((n) => matchHostnames(n, host)) ? undefined : hostnameError(c, host)
}

/** ingress-nginx's own verifyHostname: the Common Name counts too (golang/go#22922). */
function verifyHostnameOrCN(c: CertificateSummary, host: string): string | undefined {
  const cn = commonName(c)
  if (cn !== undefined && matchHostnames(cn, host)) return undefined
  return verifyHostname(c, host)
}

/** The certificate of one nginx server (one rule host). */
export interface ServerCertificate {
  /** The server name (the rule host, lower-case). */
  host: string
  /** The Ingress whose tls section set it. */
  ingress: IngressRef
  certificate: CertificateSummary
  /** `Secret/<ns>/<name>`; absent when the fake certificate is used. */
  secret?: string
  /** Why the fake certificate is used. */
  fallbackReason?: string
}

/** The controller's TLS configuration: servers with a certificate, and the lines syncing it logged. */
export interface TlsTable {
  servers: Map<string, ServerCertificate>
  fake: CertificateSummary
  logs: ControllerLogLine[]
}

const created = (o: { metadata: { creationTimestamp?: string } } | undefined): number => {
  const t = o?.metadata.creationTimestamp ? parseTimestamp(o.metadata.creationTimestamp) : NaN
  return Number.isNaN(t) ? 0 : t
}

/** extractTLSSecretName: the tls entry listing `host` (case-insensitive), else one whose certificate covers it. */
function tlsSecretName(ing: IngressObj, host: string, load: (name: string) => LocalCert): string | undefined {
  const ns = ing.metadata.namespace ?? 'default'
  // tlsCertificateFor over this one Ingress; a wildcard tls host only counts when written exactly as the rule host.
  const m = tlsCertificateFor([ing], host)
  if (m && (!isWildcardHost(m.host) || m.host.toLowerCase() === host)) return m.secretName
  for (const e of ing.spec?.tls ?? []) if ((e.hosts ?? []).some((h) => h.toLowerCase() === host)) return e.secretName ?? ''
  for (const e of ing.spec?.tls ?? []) {
    if (!e.secretName) continue
    const c = load(`${ns}/${e.secretName}`)
    if (c.kind === 'cert' && verifyHostname(c.certificate, host) === undefined) return e.secretName
  }
  return undefined
}

/** Builds the server table (createServers' certificate part) and the log lines of that sync. */
function buildTable(store: ApiReader, startedAt: number): TlsTable {
  const fake = fakeCertificate(startedAt)
  const servers = new Map<string, ServerCertificate>()
  const logs: ControllerLogLine[] = []
  const loaded = new Map<string, LocalCert>()
  const secretOf = (key: string): SecretObj | undefined => {
    const [ns, name] = key.split('/') as [string, string]
    return store.get<SecretObj>('Secret', ns, name)
  }
  const load = (key: string): LocalCert => {
    let c = loaded.get(key)
    if (!c) loaded.set(key, (c = localCert(store, key, secretOf(key))))
    return c
  }
  const ingresses = sortIngresses(servedIngresses(store))
  const seen = new Set<string>()
  for (const ing of ingresses) {
    const ns = ing.metadata.namespace ?? 'default'
    const ref: IngressRef = { namespace: ns, name: ing.metadata.name }
    const at = (key?: string) => Math.max(startedAt, created(ing), key ? created(secretOf(key)) : 0)
    // store.syncSecrets: every tls secret of the Ingress is synced (and its failure logged) once.
    for (const e of ing.spec?.tls ?? []) {
      if (!e.secretName) continue
      const key = `${ns}/${e.secretName}`
      const c = load(key)
      if (!seen.has(key) && c.kind === 'error' && !c.silent) logs.push({ at: at(key), level: 'W', source: BACKEND_SSL, text: `Error obtaining X.509 certificate: ${c.error}` })
      seen.add(key)
    }
    if (!(ing.spec?.tls?.length)) continue
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host?.toLowerCase()
      if (!host || servers.has(host)) continue
      const useFake = (reason: string): void => void servers.set(host, { host, ingress: ref, certificate: fake, fallbackReason: reason })
      const name = tlsSecretName(ing, host, load)
      if (!name) {
        useFake(name === '' ? `the tls entry for "${host}" in Ingress ${ns}/${ing.metadata.name} has no secretName` : `host "${host}" is not listed in the tls section of Ingress ${ns}/${ing.metadata.name}`)
        continue
      }
      const key = `${ns}/${name}`
      const c = load(key)
      const w = (source: string, text: string) => logs.push({ at: at(key), level: 'W', source, text })
      if (c.kind === 'error') {
        w(GET_CERT, `Error getting SSL certificate "${key}": local SSL certificate ${key} was not found. Using default certificate`)
        useFake(c.silent ? `Secret ${key} is a basic-auth Secret, not a TLS keypair` : `Secret ${key}: ${c.error}`)
        continue
      }
      if (c.kind === 'ca-only') {
        w(NO_CERT[0], `SSL certificate "${key}" does not contain a valid SSL certificate for server "${host}"`)
        w(NO_CERT[1], 'Using default certificate')
        useFake(`Secret ${key} holds only ca.crt, no tls.crt/tls.key pair`)
        continue
      }
      const err = verifyHostname(c.certificate, host)
      if (err) {
        w(VERIFY[0], `Unexpected error validating SSL certificate "${key}" for server "${host}": ${err}`)
        w(VERIFY[1], 'Validating certificate against DNS names. This will be deprecated in a future version')
        const err2 = verifyHostnameOrCN(c.certificate, host)
        if (err2) {
          w(VERIFY[2], `SSL certificate "${key}" does not contain a Common Name or Subject Alternative Name for server "${host}": ${err2}`)
          w(VERIFY[3], 'Using default certificate')
          useFake(`the certificate in Secret ${key} does not cover "${host}": ${err2}`)
          continue
        }
      }
      servers.set(host, { host, ingress: ref, certificate: c.certificate, secret: `Secret/${key}` })
    }
  }
  return { servers, fake, logs }
}

const tables = new WeakMap<object, { key: string; table: TlsTable }>()

/**
 * The controller's TLS servers for the current objects (cached until Ingresses, Secrets or
 * IngressClasses change); `startedAt` is the controller container's start (simulated ms).
 */
export function tlsTable(store: ApiReader & { kindVersion?(k: 'Ingress' | 'Secret' | 'IngressClass'): number }, startedAt: number): TlsTable {
  const key = store.kindVersion ? `${store.kindVersion('Ingress')}/${store.kindVersion('Secret')}/${store.kindVersion('IngressClass')}/${startedAt}` : ''
  const hit = tables.get(store)
  if (hit && key !== '' && hit.key === key) return hit.table
  const table = buildTable(store, startedAt)
  tables.set(store, { key, table })
  return table
}

/** certificate.lua get_pem_cert_uid: the server for a name, exact first, then `*.` + the name minus its first label. */
function serverFor(table: TlsTable, name: string | undefined): ServerCertificate | undefined {
  if (!name) return undefined
  const h = name.toLowerCase().replace(/\.$/, '')
  return table.servers.get(h) ?? table.servers.get(h.replace(/^[^.]+\./, '*.'))
}

/** The certificate the controller presents for an SNI name (undefined: no SNI sent). */
export interface TlsChoice {
  certificate: CertificateSummary
  secret?: string
  fallbackReason?: string
  /** The server whose certificate it is (absent: the default server). */
  server?: string
}

/** The certificate for a ClientHello with this SNI (certificate.lua `call()`). */
export function chooseCertificate(table: TlsTable, sni: string | undefined): TlsChoice {
  const s = serverFor(table, sni)
  if (!s) {
    const why = sni === undefined
      ? 'the client sent no SNI (the URL names an IP address), so the default server answers with the controller\'s fake certificate'
      : `no Ingress served by this controller has a rule host with a tls section matching "${sni}": the default server's fake certificate`
    return { certificate: table.fake, fallbackReason: why }
  }
  return { certificate: s.certificate, server: s.host, ...(s.secret ? { secret: s.secret } : {}), ...(s.fallbackReason ? { fallbackReason: s.fallbackReason } : {}) }
}

/** ingress-nginx's parser.GetBoolAnnotation (strconv.ParseBool); undefined when absent or invalid. */
function boolAnnotation(ing: IngressObj | undefined, name: string): boolean | undefined {
  const v = ing?.metadata.annotations?.[`nginx.ingress.kubernetes.io/${name}`]
  if (v === undefined) return undefined
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false
  return undefined
}

/**
 * Where a plain-HTTP request is redirected (308), or undefined: lua_ingress.lua rewrite — when the
 * location's `ssl-redirect` (default true) holds and the Host has a TLS server, or
 * `force-ssl-redirect` is set — to `https://<host without port><request URI>`, dropping one
 * trailing slash unless `preserve-trailing-slash` is set.
 */
export function sslRedirect(table: TlsTable, store: ApiReader, host: string, requestUri: string, routedIngress: IngressRef | undefined): string | undefined {
  const hostOnly = host.replace(/:\d+$/, '')
  const server = serverFor(table, hostOnly)
  const ing = routedIngress
    ? store.get<IngressObj>('Ingress', routedIngress.namespace, routedIngress.name)
    : server ? store.get<IngressObj>('Ingress', server.ingress.namespace, server.ingress.name) : undefined
  const force = boolAnnotation(ing, 'force-ssl-redirect') === true
  if (!force && !(server && boolAnnotation(ing, 'ssl-redirect') !== false)) return undefined
  let uri = requestUri
  if (boolAnnotation(ing, 'preserve-trailing-slash') !== true && uri.endsWith('/')) uri = uri.slice(0, -1)
  return `https://${hostOnly}${uri}`
}

/**
 * Whether a certificate names `host` the way TLS clients check it (RFC 6125 as OpenSSL's
 * X509_check_host and GnuTLS's gnutls_x509_crt_check_hostname do): its DNS subjectAltNames when
 * it has any, else its subject CN; a leading `*` label matches one label.
 */
export function certificateMatchesHost(c: CertificateSummary, host: string): boolean {
  if (c.dnsNames.length) return c.dnsNames.some((n) => matchHostnames(n, host))
  const cn = commonName(c)
  return cn !== undefined && matchHostnames(cn, host)
}

const logged = new WeakMap<ContainerRuntime, Set<string>>()

/**
 * Appends to the controller container's log (`kubectl logs`) the lines its sync of the current
 * Ingresses and Secrets printed and that are not there yet (each once). The HTTP client calls it
 * whenever a request reaches the controller; calling it from elsewhere (e.g. before `kubectl
 * logs`) is harmless. Returns the table it used.
 */
export function appendControllerLogs(store: ApiReader, c: ContainerRuntime): TlsTable {
  const table = tlsTable(store, c.startedAt ?? 0)
  if (table.logs.length === 0) return table
  let done = logged.get(c)
  if (!done) logged.set(c, (done = new Set()))
  for (const l of table.logs) {
    const key = `${l.source} ${l.text}`
    if (done.has(key)) continue
    done.add(key)
    c.logs.push(klogLine(l))
  }
  return table
}

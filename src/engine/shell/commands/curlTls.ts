/**
 * What curl 8.5.0 built with OpenSSL 3 (Ubuntu 24.04's curl) prints with -v for an HTTPS
 * transfer: the handshake messages of its SSL message callback (lib/vtls/openssl.c ossl_trace),
 * the CA store lines (populate_x509_store: only when the peer is verified, and only once the
 * ClientHello is out — the store is set up lazily), the "Server certificate:" block
 * (ossl_check_peer_cert / infof_certstack), and the HTTP/2 request lines of lib/http2.c.
 */
import type { CertificateSummary } from '../../model/net.ts'
import { SIM_EPOCH_MS, formatTimestamp } from '../../util/time.ts'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** OpenSSL's ASN1_TIME_print for a UTC time (Unix ms): `Nov 21 06:52:56 2026 GMT`, the day padded with a space. */
export function asn1TimeText(unixMs: number): string {
  const iso = formatTimestamp(unixMs - SIM_EPOCH_MS)
  const day = Number(iso.slice(8, 10))
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${String(day).padStart(2, ' ')} ${iso.slice(11, 19)} ${iso.slice(0, 4)} GMT`
}

/** A distinguished name as curl prints it: X509_NAME_print_ex with XN_FLAG_SEP_SPLUS_SPC (`O=Acme Co; CN=…`). */
export function curlNameText(rdns: readonly [string, string][]): string {
  return rdns.map(([t, v]) => `${t}=${v}`).join('; ')
}

/** The verbose lines right after "Client hello": the CA store, loaded only when the peer is verified. */
export const CA_STORE_LINES = '*  CAfile: /etc/ssl/certs/ca-certificates.crt\n*  CApath: /etc/ssl/certs\n'

/** Server messages up to the certificate (what arrives before curl can judge it). */
export const SERVER_HELLO_TO_CERTIFICATE =
  '* TLSv1.3 (IN), TLS handshake, Server hello (2):\n* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):\n* TLSv1.3 (IN), TLS handshake, Certificate (11):\n'

/** curl aborts a handshake whose certificate does not verify: OpenSSL sends the "unknown CA" alert (48 + 512). */
export const UNKNOWN_CA_ALERT = '* TLSv1.3 (OUT), TLS alert, unknown CA (560):\n'

/** The rest of a TLS 1.3 handshake with nginx (RSA certificate: RSASSA-PSS; X25519 key share). */
export function handshakeDone(alpn: 'h2' | 'http/1.1'): string {
  return '* TLSv1.3 (IN), TLS handshake, CERT verify (15):\n* TLSv1.3 (IN), TLS handshake, Finished (20):\n' +
    '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):\n* TLSv1.3 (OUT), TLS handshake, Finished (20):\n' +
    `* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS\n* ALPN: server accepted ${alpn}\n`
}

/** X509_verify_cert_error_string and its code for a certificate no trusted CA signed. */
export function verifyResult(c: CertificateSummary): string {
  return c.selfSigned ? 'self-signed certificate (18)' : 'unable to get local issuer certificate (20)'
}

/**
 * The "Server certificate:" block of `curl -k -v`. With -k curl turns off host verification too
 * (CURLOPT_SSL_VERIFYHOST 0), so no `subjectAltName:` line; the verify result is reported and
 * ignored. Keys are taken as RSA 2048 signed with sha256WithRSAEncryption (what openssl req and
 * ingress-nginx's fake certificate use).
 */
export function serverCertificateBlock(c: CertificateSummary): string {
  return '* Server certificate:\n' +
    `*  subject: ${curlNameText(c.subject)}\n` +
    `*  start date: ${asn1TimeText(c.notBefore)}\n` +
    `*  expire date: ${asn1TimeText(c.notAfter)}\n` +
    `*  issuer: ${curlNameText(c.issuer)}\n` +
    `*  SSL certificate verify result: ${verifyResult(c)}, continuing anyway.\n` +
    '*   Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption\n'
}

/** lib/http2.c: the stream curl opens and the request fields it sends (names lower-case). */
export function http2RequestLines(url: string, method: string, path: string, headers: readonly [string, string][]): string {
  let out = `* using HTTP/2\n* [HTTP/2] [1] OPENED stream for ${url}\n* [HTTP/2] [1] [:method: ${method}]\n* [HTTP/2] [1] [:scheme: https]\n`
  const host = headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? ''
  out += `* [HTTP/2] [1] [:authority: ${host}]\n* [HTTP/2] [1] [:path: ${path}]\n`
  for (const [k, v] of headers) if (k.toLowerCase() !== 'host') out += `* [HTTP/2] [1] [${k.toLowerCase()}: ${v}]\n`
  return out
}

/** nginx sends two TLS 1.3 session tickets after the handshake; curl keeps the newer (ossl_new_session_cb). */
export const SESSION_TICKETS =
  '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):\n* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):\n* old SSL session ID is stale, removing\n'

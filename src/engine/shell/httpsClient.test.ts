/**
 * curl 8.5.0 (OpenSSL 3) and GNU Wget 1.21 (GnuTLS, as Debian builds it) over HTTPS to the
 * ingress-nginx controller: the verbose TLS transcript with -k, curl's (60) failure and advice
 * without it, wget's certificate complaints (exit 5) and --no-check-certificate.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { PodObj } from '../model/k8s.ts'
import { loadSimulation } from '../index.ts'
import { sample } from '../tests/helpers.ts'
import { shellsOf } from './testEnv.ts'

const fx = (f: string): string => readFileSync(new URL(`../net/fixtures/${f}`, import.meta.url), 'utf8')
const b64 = (s: string): string => Buffer.from(s).toString('base64')

const INGRESS = `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: kubia
spec:
  ingressClassName: nginx
  tls:
    - hosts: [kubia.example.com]
      secretName: tls-secret
  rules:
    - host: kubia.example.com
      http:
        paths:
          - path: /kubia
            pathType: Prefix
            backend:
              service:
                name: kubia-nodeport
                port:
                  number: 80
`
const SECRET = `
---
apiVersion: v1
kind: Secret
metadata:
  name: tls-secret
type: kubernetes.io/tls
data:
  tls.crt: ${b64(fx('kubia.crt'))}
  tls.key: ${b64(fx('kubia.key'))}
`

function setup(withSecret: boolean) {
  const sim = loadSimulation(sample('kubia-nodeport.yaml') + INGRESS + (withSecret ? SECRET : ''), 'kubia-nodeport.yaml')
  sim.runUntilSettled()
  expect(sim.workstation('minikube addons enable ingress').exitCode).toBe(0)
  sim.runUntilSettled()
  const sh = shellsOf(sim)
  // As on minikube, the controller answers on its node's ports 80 and 443 (hostPort).
  const ctlPod = sim.api.list<PodObj>('Pod', 'ingress-nginx').find((p) => p.metadata.name.startsWith('ingress-nginx-controller-'))!
  const nodeIP = sim.config.nodes.find((n) => n.name === ctlPod.spec.nodeName)!.internalIP
  const laptop = { kind: 'client' as const, name: 'laptop' }
  expect(sh.run(laptop, `echo "${nodeIP} kubia.example.com" >> /etc/hosts`).exitCode).toBe(0)
  return { sim, sh, laptop, nodeIP }
}

const ADVICE = 'More details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the web page mentioned above.\n'
const HANDSHAKE_TO_CERT = '* TLSv1.3 (IN), TLS handshake, Server hello (2):\n* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):\n* TLSv1.3 (IN), TLS handshake, Certificate (11):\n'

describe('curl over HTTPS to the controller (Secret with the kubia.example.com certificate)', () => {
  const { sh, laptop, nodeIP } = setup(true)

  it('curl -k -v: handshake, server certificate, HTTP/2', () => {
    const r = sh.run(laptop, `curl -k -v https://kubia.example.com/kubia`)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    const date = /\n< date: (\w{3}, \d\d \w{3} 2025 \d\d:\d\d:\d\d GMT)\n/.exec(r.stderr)?.[1]
    expect(date).toBeDefined()
    expect(r.stderr).toBe(
      `*   Trying ${nodeIP}:443...\n` +
      `* Connected to kubia.example.com (${nodeIP}) port 443\n` +
      '* ALPN: curl offers h2,http/1.1\n' +
      '* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n' +
      HANDSHAKE_TO_CERT +
      '* TLSv1.3 (IN), TLS handshake, CERT verify (15):\n' +
      '* TLSv1.3 (IN), TLS handshake, Finished (20):\n' +
      '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):\n' +
      '* TLSv1.3 (OUT), TLS handshake, Finished (20):\n' +
      '* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS\n' +
      '* ALPN: server accepted h2\n' +
      '* Server certificate:\n' +
      '*  subject: CN=kubia.example.com\n' +
      '*  start date: Jan  1 00:00:00 2025 GMT\n' +
      '*  expire date: Jan  1 00:00:00 2026 GMT\n' +
      '*  issuer: CN=kubia.example.com\n' +
      '*  SSL certificate verify result: self-signed certificate (18), continuing anyway.\n' +
      '*   Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption\n' +
      '* using HTTP/2\n' +
      `* [HTTP/2] [1] OPENED stream for https://kubia.example.com/kubia\n` +
      '* [HTTP/2] [1] [:method: GET]\n' +
      '* [HTTP/2] [1] [:scheme: https]\n' +
      `* [HTTP/2] [1] [:authority: kubia.example.com]\n` +
      '* [HTTP/2] [1] [:path: /kubia]\n' +
      '* [HTTP/2] [1] [user-agent: curl/8.5.0]\n' +
      '* [HTTP/2] [1] [accept: */*]\n' +
      '> GET /kubia HTTP/2\n' +
      `> Host: kubia.example.com\n` +
      '> User-Agent: curl/8.5.0\n' +
      '> Accept: */*\n' +
      '> \n' +
      '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):\n' +
      '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):\n' +
      '* old SSL session ID is stale, removing\n' +
      '< HTTP/2 200 \n' +
      `< date: ${date}\n` +
      '< strict-transport-security: max-age=31536000; includeSubDomains\n' +
      '< \n' +
      '* Connection #0 to host kubia.example.com left intact\n',
    )
  })

  it('curl -ki: the HTTP/2 status line and lower-case fields', () => {
    const r = sh.run(laptop, `curl -ki https://kubia.example.com/nothing`)
    expect(r.stdout).toMatch(/^HTTP\/2 404 \r\ndate: .+ GMT\r\ncontent-type: text\/html\r\ncontent-length: 146\r\nstrict-transport-security: max-age=31536000; includeSubDomains\r\n\r\n<html>/)
  })

  it('without -k: curl (60) with its advice, exit 60', () => {
    const r = sh.run(laptop, `curl https://kubia.example.com/kubia`)
    expect(r).toMatchObject({ stdout: '', stderr: `curl: (60) SSL certificate problem: self-signed certificate\n${ADVICE}`, exitCode: 60 })
  })

  it('without -k, verbose: the CA store is loaded after the ClientHello, the handshake stops at the certificate', () => {
    const r = sh.run(laptop, `curl -v https://kubia.example.com/kubia`)
    expect(r.exitCode).toBe(60)
    expect(r.stderr).toBe(
      `*   Trying ${nodeIP}:443...\n` +
      `* Connected to kubia.example.com (${nodeIP}) port 443\n` +
      '* ALPN: curl offers h2,http/1.1\n' +
      '* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n' +
      '*  CAfile: /etc/ssl/certs/ca-certificates.crt\n' +
      '*  CApath: /etc/ssl/certs\n' +
      HANDSHAKE_TO_CERT +
      '* TLSv1.3 (OUT), TLS alert, unknown CA (560):\n' +
      '* SSL certificate problem: self-signed certificate\n' +
      '* Closing connection\n' +
      `curl: (60) SSL certificate problem: self-signed certificate\n${ADVICE}`,
    )
  })

  it('-s hides the error and the advice; -sS shows both', () => {
    expect(sh.run(laptop, `curl -s https://kubia.example.com/`)).toMatchObject({ stderr: '', exitCode: 60 })
    expect(sh.run(laptop, `curl -sS https://kubia.example.com/`).stderr).toBe(`curl: (60) SSL certificate problem: self-signed certificate\n${ADVICE}`)
  })

  it('wget without --no-check-certificate: GnuTLS complaints, exit 5', () => {
    const r = sh.run(laptop, `wget https://kubia.example.com/kubia`)
    expect(r.exitCode).toBe(5)
    expect(r.stderr.replace(/^--[\d: -]+--/, '--T--')).toBe(
      `--T--  https://kubia.example.com/kubia\n` +
      `Resolving kubia.example.com (kubia.example.com)... ${nodeIP}\n` +
      `Connecting to kubia.example.com (kubia.example.com)|${nodeIP}|:443... connected.\n` +
      "ERROR: The certificate of 'kubia.example.com' is not trusted.\n" +
      "ERROR: The certificate of 'kubia.example.com' doesn't have a known issuer.\n",
    )
  })

  it('curl http:// gets the 308; curl -L follows it to https (and needs -k there)', () => {
    const r = sh.run(laptop, 'curl -i http://kubia.example.com/kubia')
    expect(r.stdout).toMatch(/^HTTP\/1\.1 308 Permanent Redirect\r\nDate: .+ GMT\r\nContent-Type: text\/html\r\nContent-Length: 164\r\nLocation: https:\/\/kubia\.example\.com\/kubia\r\nConnection: keep-alive\r\n\r\n<html>\r\n<head><title>308 Permanent Redirect<\/title><\/head>/)
    expect(sh.run(laptop, 'curl -L http://kubia.example.com/kubia')).toMatchObject({ stdout: '', exitCode: 60 })
    const v = sh.run(laptop, 'curl -skLv http://kubia.example.com/kubia')
    expect(v.exitCode).toBe(0)
    expect(v.stdout).toMatch(/^You've hit kubia-[a-z0-9]{5}\n$/)
    expect(v.stderr).toContain(
      '< Location: https://kubia.example.com/kubia\n< Connection: keep-alive\n< \n' +
      '* Ignoring the response-body\n' +
      '* Connection #0 to host kubia.example.com left intact\n' +
      '* Clear auth, redirects to port from 80 to 443\n' +
      "* Issue another request to this URL: 'https://kubia.example.com/kubia'\n" +
      `*   Trying ${nodeIP}:443...\n`,
    )
    expect(v.stderr).toMatch(/\* Connection #1 to host kubia\.example\.com left intact\n$/)
  })

  it('wget follows the 308 to https, then refuses the certificate', () => {
    const r = sh.run(laptop, 'wget http://kubia.example.com/kubia')
    expect(r.exitCode).toBe(5)
    expect(r.stderr.replace(/--[\d: -]+--/g, '--T--')).toBe(
      '--T--  http://kubia.example.com/kubia\n' +
      `Resolving kubia.example.com (kubia.example.com)... ${nodeIP}\n` +
      `Connecting to kubia.example.com (kubia.example.com)|${nodeIP}|:80... connected.\n` +
      'HTTP request sent, awaiting response... 308 Permanent Redirect\n' +
      'Location: https://kubia.example.com/kubia [following]\n' +
      '--T--  https://kubia.example.com/kubia\n' +
      `Connecting to kubia.example.com (kubia.example.com)|${nodeIP}|:443... connected.\n` +
      "ERROR: The certificate of 'kubia.example.com' is not trusted.\n" +
      "ERROR: The certificate of 'kubia.example.com' doesn't have a known issuer.\n",
    )
  })

  it('wget --no-check-certificate -qO-: the body', () => {
    expect(sh.run(laptop, `wget --no-check-certificate -qO- https://kubia.example.com/kubia`)).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^You've hit kubia-/) })
  })
})

describe('the fake certificate (no Secret)', () => {
  const { sim, sh, laptop } = setup(false)
  const pod = sim.api.list('Pod', 'ingress-nginx').find((p) => p.metadata.name.startsWith('ingress-nginx-controller-'))!.metadata.name
  const started = sim.podRuntime('ingress-nginx', pod)!.containers[0]!.startedAt!
  // OpenSSL's ASN1_TIME_print: "Mon dd hh:mm:ss yyyy GMT" with the day padded by a space.
  const asn1 = (ms: number) => {
    const d = new Date(ms)
    const mon = d.toUTCString().slice(8, 11)
    return `${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()} GMT`
  }
  const notBefore = Math.floor((Date.UTC(2025, 0, 1) + started) / 1000) * 1000

  it('curl -k -v shows the controller’s self-signed certificate, valid one year from its start', () => {
    const r = sh.run(laptop, `curl -k -v https://kubia.example.com/kubia`)
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toContain(
      '* Server certificate:\n' +
      '*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate\n' +
      `*  start date: ${asn1(notBefore)}\n` +
      `*  expire date: ${asn1(notBefore + 365 * 86400_000)}\n` +
      '*  issuer: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate\n' +
      '*  SSL certificate verify result: self-signed certificate (18), continuing anyway.\n',
    )
  })

  it('wget also finds that the certificate does not name the host', () => {
    const r = sh.run(laptop, `wget -O /tmp/x https://kubia.example.com/kubia`)
    expect(r.exitCode).toBe(5)
    expect(r.stderr).toMatch(/connected\.\nERROR: The certificate of 'kubia\.example\.com' is not trusted\.\nERROR: The certificate of 'kubia\.example\.com' doesn't have a known issuer\.\nThe certificate's owner does not match hostname 'kubia\.example\.com'\n$/)
    const warn = sh.run(laptop, `wget --no-check-certificate -O /tmp/x https://kubia.example.com/kubia`)
    expect(warn.exitCode).toBe(0)
    expect(warn.stderr).toMatch(/connected\.\nWARNING: The certificate of 'kubia\.example\.com' is not trusted\.\nWARNING: The certificate of 'kubia\.example\.com' doesn't have a known issuer\.\nThe certificate's owner does not match hostname 'kubia\.example\.com'\nHTTP request sent, awaiting response\.\.\. 200 OK\n/)
  })
})

/**
 * `openssl` on the reader's laptop, the book's way (chapter 5.4.4):
 *
 *   openssl genrsa -out tls.key 2048
 *   openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com
 *   kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key
 *
 * Outputs and error texts as OpenSSL 3.0 prints them (typed in from a real run; the error-queue
 * thread id is the playground's fixed `40E7C2D1B57F0000`). node:crypto checks that the files are
 * a real key and a real, correctly signed certificate.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { PodObj } from '../model/k8s.ts'
import { settled } from '../tests/helpers.ts'
import { OPENSSL_RSA_CERT } from '../tls/testFixtures.ts'
import { shellsOf } from './testEnv.ts'

const T = '40E7C2D1B57F0000'
const BOOK = ['openssl genrsa -out tls.key 2048', 'openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com']

/** A kubia-nodeport simulation after the book's two openssl commands on its laptop. */
function afterBook() {
  const sim = settled('kubia-nodeport.yaml')
  const results = BOOK.map((l) => sim.workstation(l))
  const cat = (f: string) => sim.workstation(`cat ${f}`).stdout
  return { sim, results, cat }
}

describe('the book’s openssl commands on the laptop', () => {
  const { sim, results, cat } = afterBook()

  it('print nothing and succeed (OpenSSL 3 genrsa prints no progress dots)', () => {
    for (const r of results) expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(sim.workstation('ls').stdout).toBe('tls.cert  tls.key\n')
  })

  it('tls.key is a PKCS #8 `PRIVATE KEY` of 2048 bits; tls.cert a certificate it signed', () => {
    const key = cat('tls.key')
    const cert = cat('tls.cert')
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PRIVATE KEY-----\n$/)
    expect(cert).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n$/)
    const x = new X509Certificate(cert)
    const k = createPrivateKey(key)
    expect(k.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048, publicExponent: 65537n })
    expect(x.checkPrivateKey(k)).toBe(true)
    expect(x.verify(x.publicKey)).toBe(true)
    expect(x.subject).toBe('CN=kubia.example.com')
    expect(x.ca).toBe(true)
  })

  it('x509 prints subject and dates as OpenSSL 3 does, dated by the simulation clock (+360 days)', () => {
    expect(sim.workstation('openssl x509 -in tls.cert -noout -subject').stdout).toBe('subject=CN = kubia.example.com\n')
    const dates = sim.workstation('openssl x509 -in tls.cert -noout -dates').stdout
    const m = /^notBefore=Jan {2}1 00:(\d\d):(\d\d) 2025 GMT\nnotAfter=Dec 27 00:(\d\d):(\d\d) 2025 GMT\n$/.exec(dates)
    expect(m, dates).not.toBeNull()
    expect([m![3], m![4]]).toEqual([m![1], m![2]])
    expect(sim.workstation('openssl x509 -in tls.cert -noout -issuer -subject').stdout).toBe('issuer=CN = kubia.example.com\nsubject=CN = kubia.example.com\n')
  })

  it('x509 without -noout ends with the certificate; -text starts like OpenSSL’s', () => {
    expect(sim.workstation('openssl x509 -in tls.cert').stdout).toBe(cat('tls.cert'))
    const text = sim.workstation('openssl x509 -in tls.cert -noout -text').stdout
    expect(text).toMatch(/^Certificate:\n {4}Data:\n {8}Version: 3 \(0x2\)\n {8}Serial Number:\n {12}([0-9a-f]{2}:){0,19}[0-9a-f]{2}\n {8}Signature Algorithm: sha256WithRSAEncryption\n {8}Issuer: CN = kubia.example.com\n/)
    expect(text).toContain('                Public-Key: (2048 bit)\n')
    expect(text).toContain('            X509v3 Basic Constraints: critical\n                CA:TRUE\n')
  })

  it('kubectl create secret tls reads the files the laptop’s shell wrote; the Secret holds them base64-encoded', () => {
    expect(sim.workstation('kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key')).toMatchObject({ stdout: 'secret/tls-secret created\n', stderr: '', exitCode: 0 })
    const yaml = sim.workstation('kubectl get secret tls-secret -o yaml').stdout
    expect(yaml).toContain(`\n  tls.crt: ${Buffer.from(cat('tls.cert')).toString('base64')}\n`)
    expect(yaml).toContain(`\n  tls.key: ${Buffer.from(cat('tls.key')).toString('base64')}\n`)
    expect(yaml).toContain('\ntype: kubernetes.io/tls\n')
  })
})

describe('replay', () => {
  it('the same commands on the same scenario write the same key and certificate', () => {
    const a = afterBook()
    const b = afterBook()
    expect(a.cat('tls.key')).toBe(b.cat('tls.key'))
    expect(a.cat('tls.cert')).toBe(b.cat('tls.cert'))
    expect(a.cat('tls.key')).not.toBe('')
  })
})

describe('the workstation’s kubectl and the laptop’s files', () => {
  it('opens them by relative, ./ and absolute path', () => {
    const { sim } = afterBook()
    expect(sim.workstation('kubectl create secret tls a --cert=./tls.cert --key=/root/tls.key').stdout).toBe('secret/a created\n')
  })

  it('the editor’s documents win over the laptop’s files (here: a certificate of another key)', () => {
    const { sim } = afterBook()
    const r = sim.workstation('kubectl create secret tls b --cert=tls.cert --key=tls.key', { 'tls.cert': OPENSSL_RSA_CERT })
    expect(r).toMatchObject({ stdout: '', stderr: 'error: tls: private key does not match public key\n', exitCode: 1 })
  })

  it('relative names are relative to the laptop shell’s directory', () => {
    const { sim } = afterBook()
    sim.workstation('cd /tmp')
    expect(sim.workstation('kubectl create secret tls c --cert=tls.cert --key=tls.key').stderr).toBe('error: Cannot read file tls.cert, open tls.cert: no such file or directory\n')
  })
})

describe('openssl outputs and errors', () => {
  const sim = settled('kubia-nodeport.yaml')
  sim.workstation(BOOK[0]!)
  sim.workstation('echo hello > notpem.txt')
  const ws = (l: string) => {
    const r = sim.workstation(l)
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
  }

  it.each([
    { line: 'openssl version', stdout: 'OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)\n', stderr: '', exitCode: 0 },
    { line: 'openssl foo', stdout: '', stderr: 'Invalid command \'foo\'; type "help" for a list.\n', exitCode: 1 },
    {
      line: 'openssl req -new -x509 -key missing.key -out x.cert -days 360 -subj /CN=a',
      stdout: '',
      stderr:
        'Could not open file or uri for loading private key from missing.key\n' +
        `${T}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n` +
        `${T}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(missing.key)\n`,
      exitCode: 1,
    },
    {
      line: 'openssl req -new -x509 -key tls.key -out x.cert -days 360 -subj CN=kubia',
      stdout: '',
      stderr: "req: subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: 'CN=kubia'\n",
      exitCode: 1,
    },
    { line: 'openssl req -new -x509 -key tls.key -out x.cert -days 360 -subj /CN', stdout: '', stderr: "req: Missing '=' after RDN type string 'CN' in subject name string\n", exitCode: 1 },
    {
      line: 'openssl req -new -x509 -key tls.key -out x.cert -days 360 -subj /C=USA',
      stdout: '',
      stderr: `${T}:error:06800097:asn1 encoding routines:ASN1_mbstring_ncopy:string too long:../crypto/asn1/a_mbstr.c:106:maxsize=2\nreq: Error adding subject name attribute "/C=USA"\n`,
      exitCode: 1,
    },
    { line: 'openssl req -new -x509 -key notpem.txt -out x.cert -subj /CN=a', stdout: '', stderr: 'Could not read private key from notpem.txt\n', exitCode: 1 },
    { line: 'openssl req -new -x509 -key tls.key -days abc -subj /CN=a', stdout: '', stderr: 'req: Can\'t parse "abc" as a number\nreq: Use -help for summary.\n', exitCode: 1 },
    { line: 'openssl req -new -x509 -key tls.key -subj /CN=a -days 0', stdout: '', stderr: 'req: Non-positive number "0" for option -days\nreq: Use -help for summary.\n', exitCode: 1 },
    { line: 'openssl req -new -x509 -key tls.key -subj /CN=a -out', stdout: '', stderr: 'req: Option -out needs a value\nreq: Use -help for summary.\n', exitCode: 1 },
    { line: 'openssl req -bogus', stdout: '', stderr: 'req: Unknown option or message digest: bogus\nreq: Use -help for summary.\n', exitCode: 1 },
    {
      line: 'openssl req -new -x509 -key tls.key -out /nonexist/x.cert -subj /CN=a',
      stdout: '',
      stderr:
        'Can\'t open "/nonexist/x.cert" for writing, No such file or directory\n' +
        `${T}:error:80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(/nonexist/x.cert, w)\n` +
        `${T}:error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:\n`,
      exitCode: 1,
    },
    {
      line: 'openssl req -new -x509 -key tls.key -out x.cert -days 1',
      stdout: '',
      stderr:
        'You are about to be asked to enter information that will be incorporated\ninto your certificate request.\n' +
        'What you are about to enter is what is called a Distinguished Name or a DN.\nThere are quite a few fields but you can leave some blank\n' +
        "For some fields there will be a default value,\nIf you enter '.', the field will be left blank.\n-----\n" +
        'Country Name (2 letter code) [AU]:Error making certificate request\n',
      exitCode: 1,
    },
    {
      line: 'openssl x509 -in missing -noout -text',
      stdout: '',
      stderr:
        'Could not open file or uri for loading certificate from missing\n' +
        `${T}:error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file\n` +
        `${T}:error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(missing)\n` +
        'Unable to load certificate\n',
      exitCode: 1,
    },
    {
      line: 'openssl x509 -in tls.key -noout -text',
      stdout: '',
      stderr: `Could not read certificate from tls.key\n${T}:error:1608010C:STORE routines:ossl_store_handle_load_result:unsupported:../crypto/store/store_result.c:149:\nUnable to load certificate\n`,
      exitCode: 1,
    },
    { line: 'openssl x509 -in notpem.txt -noout', stdout: '', stderr: 'Could not read certificate from notpem.txt\nUnable to load certificate\n', exitCode: 1 },
    { line: 'openssl x509 -noout -subject < notpem.txt', stdout: '', stderr: 'Could not read certificate from <stdin>\nUnable to load certificate\n', exitCode: 1 },
    {
      line: 'openssl genrsa 100',
      stdout: '',
      stderr: `Error setting RSA length\n${T}:error:1C8000AB:Provider routines:rsa_gen_set_params:key size too small:../providers/implementations/keymgmt/rsa_kmgmt.c:509:\n`,
      exitCode: 1,
    },
    { line: 'openssl genrsa -out k 2048 foo', stdout: '', stderr: 'Extra arguments given.\ngenrsa: Use -help for summary.\n', exitCode: 1 },
    { line: 'openssl genrsa -out k abc', stdout: '', stderr: 'genrsa: Can\'t parse "abc" as a number\n', exitCode: 1 },
    { line: 'openssl genrsa -out', stdout: '', stderr: 'genrsa: Option -out needs a value\ngenrsa: Use -help for summary.\n', exitCode: 1 },
    { line: 'openssl genrsa -out /tmp 512', stdout: '', stderr: 'genrsa: Can\'t open "/tmp" for writing, Is a directory\n', exitCode: 1 },
  ])('$line', ({ line, stdout, stderr, exitCode }) => {
    expect(ws(line)).toEqual({ stdout, stderr, exitCode })
  })

  it('genrsa without -out writes the key to stdout', () => {
    expect(ws('openssl genrsa 512')).toMatchObject({ stdout: expect.stringMatching(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/), stderr: '', exitCode: 0 })
  })

  it('req -newkey -nodes -keyout prints OpenSSL’s progress and writes both files', () => {
    const r = ws('openssl req -x509 -newkey rsa:1024 -nodes -keyout k.pem -out c.pem -subj /CN=b/O=Acme')
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^[.+*]+\n[.+*]+\n-----\n$/)
    expect(r.exitCode).toBe(0)
    expect(new X509Certificate(sim.workstation('cat c.pem').stdout).checkPrivateKey(createPrivateKey(sim.workstation('cat k.pem').stdout))).toBe(true)
    expect(ws('openssl x509 -in c.pem -noout -subject').stdout).toBe('subject=CN = b, O = Acme\n')
  })

  it('req -newkey without -nodes cannot ask for a pass phrase here', () => {
    const r = ws('openssl req -x509 -newkey rsa:512 -keyout k2.pem -out c2.pem -subj /CN=b')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toContain(`-----\nEnter PEM pass phrase:\n${T}:error:1400006B:UI routines:UI_process:processing error:../crypto/ui/ui_lib.c:573:while reading strings\n`)
  })

  it('unknown subject attributes are skipped with a warning', () => {
    expect(ws('openssl req -new -x509 -key tls.key -out w.cert -subj /XX=foo/CN=w')).toEqual({ stdout: '', stderr: 'req warning: Skipping unknown subject name attribute "XX"\n', exitCode: 0 })
    expect(ws('openssl x509 -in w.cert -noout -subject').stdout).toBe('subject=CN = w\n')
  })

  it('-addext subjectAltName adds DNS names', () => {
    ws('openssl req -new -x509 -key tls.key -out san.cert -subj /CN=kubia.example.com -addext subjectAltName=DNS:kubia.example.com,DNS:*.example.com')
    expect(new X509Certificate(sim.workstation('cat san.cert').stdout).subjectAltName).toBe('DNS:kubia.example.com, DNS:*.example.com')
  })

  it('a pipe into x509 reads stdin', () => {
    ws('openssl req -new -x509 -key tls.key -out p.cert -subj /CN=piped')
    expect(ws('cat p.cert | openssl x509 -noout -subject')).toEqual({ stdout: 'subject=CN = piped\n', stderr: '', exitCode: 0 })
  })
})

describe('where openssl exists', () => {
  const sim = settled('kubia-nodeport.yaml')
  const sh = shellsOf(sim)
  const pod = sim.store.list<PodObj>('Pod', 'default').find((p) => p.metadata.name.startsWith('kubia'))!

  it('the kubia image has no openssl', () => {
    expect(sh.run({ kind: 'pod', namespace: 'default', name: pod.metadata.name }, 'openssl version')).toMatchObject({ stdout: '', stderr: 'bash: openssl: command not found\n', exitCode: 127 })
  })

  it('the laptop has it', () => {
    expect(sh.run({ kind: 'client', name: 'laptop' }, 'openssl version').exitCode).toBe(0)
  })
})

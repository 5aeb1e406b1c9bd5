/**
 * `openssl` (OpenSSL 3.0, as on the reader's Ubuntu laptop): `genrsa`, `req -new -x509` and
 * `x509` — enough for the book's self-signed certificate
 *
 *   openssl genrsa -out tls.key 2048
 *   openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com
 *
 * with OpenSSL 3's output (PKCS #8 `PRIVATE KEY`, no progress dots from genrsa, a v3 CA
 * certificate) and its error texts. Keys, serials and signatures are real (src/engine/tls); the
 * random bytes come from the simulation's seeded PRNG and the dates from its clock, so a replay
 * writes the same files.
 */
import { SIM_EPOCH_MS } from '../../util/time.ts'
import type { RandomSource, RsaPrivateKey } from '../../tls/index.ts'
import { createSelfSignedCertificate, generateRsaKey, parseCertificate, parsePrivateKeyPem, parseSubject, pemEncode, privateKeyPem, randomFromPrng } from '../../tls/index.ts'
import type { CommandCtx, CommandSpec, Io } from '../command.ts'
import { certificateText } from './opensslText.ts'
import { opensslX509 } from './opensslX509.ts'
import type { ParsedOptions } from './opensslCommon.ts'
import { failWith, hasOpt, libErr, loadFile, optValue, parseOptions, writeFile } from './opensslCommon.ts'

/** `openssl version`. */
export const OPENSSL_VERSION = 'OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)'

/** The largest key the playground generates (a 2048-bit key takes a fraction of a second; 4096 a few). */
const MAX_BITS = 4096

/** Ciphers genrsa can encrypt the key with (they all ask for a pass phrase). */
const CIPHERS = new Set(['aes128', 'aes192', 'aes256', 'aria128', 'aria192', 'aria256', 'camellia128', 'camellia192', 'camellia256', 'des', 'des3', 'idea'])

/** What writing an encrypted key without a terminal gives (the pass phrase prompt reads EOF). */
const PASSPHRASE_FAILURE =
  'Enter PEM pass phrase:\n' +
  libErr('error:1400006B:UI routines:UI_process:processing error:../crypto/ui/ui_lib.c:573:while reading strings') +
  libErr('error:0480006D:PEM routines:PEM_def_callback:problems getting password:../crypto/pem/pem_lib.c:62:') +
  libErr('error:07880109:common libcrypto routines:do_ui_passphrase:interrupted or cancelled:../crypto/passphrase.c:184:') +
  libErr('error:1C80009F:Provider routines:p8info_to_encp8:unable to get passphrase:../providers/implementations/encode_decode/encode_key2any.c:115:')

const tooSmall = (): string => `Error setting RSA length\n${libErr('error:1C8000AB:Provider routines:rsa_gen_set_params:key size too small:../providers/implementations/keymgmt/rsa_kmgmt.c:509:')}`
const tooLarge = (prog: string, bits: number): string => `${prog}: this playground generates RSA keys of at most ${MAX_BITS} bits (asked for ${bits})\n`

/** `openssl genrsa [-out FILE] [-aes256 …] [numbits]`. OpenSSL 3's genrsa prints no progress dots. */
function genrsa(ctx: CommandCtx, args: string[], io: Io): number {
  const p = parseOptions('genrsa', args, { valued: new Set(['out', 'passout', 'primes']), flags: new Set(['F4', 'f4', 'verbose', 'quiet', 'traditional', ...CIPHERS]) }, true)
  if ('error' in p) return failWith(io, p.error)
  const unknown = p.opts.find((o) => !['out', 'passout', 'primes', 'F4', 'f4', 'verbose', 'quiet', 'traditional', ...CIPHERS].includes(o.name))
  if (unknown) {
    return failWith(io, `genrsa: Unknown cipher: ${unknown.name}\n${libErr(`error:0308010C:digital envelope routines:inner_evp_generic_fetch:unsupported:../crypto/evp/evp_fetch.c:386:Global default library context, Algorithm (${unknown.name} : 0), Properties (<null>)`)}`)
  }
  if (p.positional.length > 1) return failWith(io, 'Extra arguments given.\ngenrsa: Use -help for summary.\n')
  const arg = p.positional[0] ?? '2048'
  if (!/^\d+$/.test(arg)) return failWith(io, `genrsa: Can't parse "${arg}" as a number\n`)
  const bits = Number(arg)
  if (bits < 512) return failWith(io, tooSmall())
  if (bits > MAX_BITS) return failWith(io, tooLarge('genrsa', bits))
  const out = optValue(p, 'out')
  const encrypt = p.opts.some((o) => CIPHERS.has(o.name))
  const key = generateRsaKey(bits, randomFromPrng(ctx.env.dp.rng))
  if (encrypt) return failWith(io, PASSPHRASE_FAILURE)
  const pem = privateKeyPem(key)
  if (out === undefined) {
    io.out(pem)
    return 0
  }
  const w = writeFile(ctx, out, pem)
  return w ? failWith(io, `genrsa: ${w.error}`) : 0
}

const REQ_SPEC = {
  valued: new Set(['key', 'out', 'days', 'subj', 'newkey', 'keyout', 'addext', 'in', 'config', 'extensions', 'passin', 'passout', 'set_serial']),
  flags: new Set(['new', 'x509', 'nodes', 'noenc', 'batch', 'text', 'noout', 'sha256', 'utf8', 'verbose', 'quiet']),
}

/** The subjectAltName DNS names of `-addext`, or an error text. */
function addextNames(p: ParsedOptions): string[] | { error: string } {
  const names: string[] = []
  for (const o of p.opts.filter((x) => x.name === 'addext')) {
    const m = /^\s*subjectAltName\s*=\s*(.*)$/.exec(o.value!)
    if (!m) return { error: `req: this playground's openssl supports only -addext "subjectAltName=DNS:…" (got "${o.value}")\n` }
    for (const part of m[1]!.split(',').map((s) => s.trim())) {
      const dns = /^DNS:(.+)$/.exec(part)
      if (!dns) return { error: `req: this playground's openssl supports only DNS: names in subjectAltName (got "${part}")\n` }
      names.push(dns[1]!)
    }
  }
  return names
}

/** The RSA key `-newkey` asks for: its size, or the parameter-file error OpenSSL prints. */
function newkeyBits(spec: string): number | { error: string } {
  const m = /^rsa(?::(\d+))?$/.exec(spec)
  if (m) return m[1] ? Number(m[1]) : 2048
  const file = spec.includes(':') ? spec.slice(spec.indexOf(':') + 1) : spec
  return {
    error:
      `Cannot open parameter file ${file}\n` +
      libErr(`error:80000002:system library:BIO_new_file:No such file or directory:../crypto/bio/bss_file.c:67:calling fopen(${file}, r)`) +
      libErr('error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:'),
  }
}

/** What `req` prints when it has to ask for the subject and stdin is at its end. */
const SUBJECT_PROMPT_EOF =
  'You are about to be asked to enter information that will be incorporated\ninto your certificate request.\n' +
  'What you are about to enter is what is called a Distinguished Name or a DN.\nThere are quite a few fields but you can leave some blank\n' +
  "For some fields there will be a default value,\nIf you enter '.', the field will be left blank.\n-----\n" +
  'Country Name (2 letter code) [AU]:Error making certificate request\n'

/**
 * `openssl req -new -x509 (-key FILE | -newkey rsa:BITS [-nodes] [-keyout FILE]) [-out FILE]
 * [-days N] -subj /CN=…[/O=…] [-addext subjectAltName=DNS:…]`.
 */
function req(ctx: CommandCtx, args: string[], io: Io): number {
  const p = parseOptions('req', args, REQ_SPEC)
  if ('error' in p) return failWith(io, p.error)
  if (p.positional.length > 0) return failWith(io, 'req: Use -help for summary.\n')
  const daysArg = optValue(p, 'days')
  let days = 30
  if (daysArg !== undefined) {
    if (!/^-?\d+$/.test(daysArg)) return failWith(io, `req: Can't parse "${daysArg}" as a number\nreq: Use -help for summary.\n`)
    days = Number(daysArg)
    if (days <= 0) return failWith(io, `req: Non-positive number "${daysArg}" for option -days\nreq: Use -help for summary.\n`)
  }
  if (optValue(p, 'in') !== undefined || !hasOpt(p, 'x509')) {
    return failWith(io, "req: this playground's openssl makes self-signed certificates only: use req -new -x509 (certificate signing requests are not modelled)\n")
  }
  const sans = addextNames(p)
  if ('error' in sans) return failWith(io, sans.error)
  // The PRNG is drawn from only once the command gets as far as needing random bytes.
  let rng: RandomSource | undefined
  const random = (): RandomSource => (rng ??= randomFromPrng(ctx.env.dp.rng))
  const keyFile = optValue(p, 'key')
  let key: RsaPrivateKey
  if (keyFile !== undefined) {
    const loaded = loadFile(ctx, keyFile, 'private key')
    if ('stderr' in loaded) return failWith(io, loaded.stderr)
    const parsed = parsePrivateKeyPem(loaded.text)
    if ('error' in parsed) return failWith(io, `Could not read private key from ${keyFile}\n`)
    key = parsed
  } else {
    // Without -key, req makes a new key (-newkey, or default_bits = 2048 from openssl.cnf).
    const bits = newkeyBits(optValue(p, 'newkey') ?? 'rsa:2048')
    if (typeof bits !== 'number') return failWith(io, bits.error)
    if (bits < 512) return failWith(io, tooSmall())
    if (bits > MAX_BITS) return failWith(io, tooLarge('req', bits))
    key = generateRsaKey(bits, random(), (m) => io.err(m))
    io.err('-----\n')
    if (!hasOpt(p, 'nodes', 'noenc')) return failWith(io, PASSPHRASE_FAILURE)
    const keyOut = optValue(p, 'keyout') ?? 'privkey.pem'
    const w = writeFile(ctx, keyOut, privateKeyPem(key))
    if (w) return failWith(io, w.error + w.lib)
  }
  if (keyFile !== undefined && optValue(p, 'keyout') !== undefined) {
    if (!hasOpt(p, 'nodes', 'noenc')) return failWith(io, PASSPHRASE_FAILURE)
    const w = writeFile(ctx, optValue(p, 'keyout')!, privateKeyPem(key))
    if (w) return failWith(io, w.error + w.lib)
  }
  const subj = optValue(p, 'subj')
  if (subj === undefined) return failWith(io, SUBJECT_PROMPT_EOF)
  const subject = parseSubject(subj, 'req')
  if ('error' in subject) return failWith(io, (subject.libError ? libErr(subject.libError) : '') + `${subject.error}\n`)
  for (const w of subject.warnings) io.err(`${w}\n`)
  const der = createSelfSignedCertificate({ key, subject: subject.rdns, notBefore: SIM_EPOCH_MS + ctx.env.dp.now(), days, rng: random(), dnsNames: sans })
  const cert = parseCertificate(der)
  const text = (hasOpt(p, 'text') && !('error' in cert) ? certificateText(cert) : '') + (hasOpt(p, 'noout') ? '' : pemEncode('CERTIFICATE', der))
  const out = optValue(p, 'out')
  if (out === undefined) {
    io.out(text)
    return 0
  }
  const w = writeFile(ctx, out, text)
  return w ? failWith(io, w.error + w.lib) : 0
}

/** `openssl help` / no arguments: the command list of OpenSSL 3.0 (standard commands). */
const HELP = `help:

Standard commands
asn1parse         ca                ciphers           cmp               
cms               crl               crl2pkcs7         dgst              
dhparam           dsa               dsaparam          ec                
ecparam           enc               engine            errstr            
fipsinstall       gendsa            genpkey           genrsa            
help              info              kdf               list              
mac               nseq              ocsp              passwd            
pkcs12            pkcs7             pkcs8             pkey              
pkeyparam         pkeyutl           prime             rand              
rehash            req               rsa               rsautl            
s_client          s_server          s_time            sess_id           
smime             speed             spkac             srp               
storeutl          ts                verify            version           
x509              
`

const STANDARD = new Set(HELP.split(/\s+/).filter((w) => /^[a-z0-9_]+$/.test(w)))

/** `openssl SUBCOMMAND …`. */
function openssl(ctx: CommandCtx, args: string[], io: Io): number {
  const [sub, ...rest] = args
  switch (sub) {
    case undefined:
    case 'help':
      io.out(HELP)
      return 0
    case 'version':
      io.out(`${OPENSSL_VERSION}\n`)
      return 0
    case 'genrsa':
      return genrsa(ctx, rest, io)
    case 'req':
      return req(ctx, rest, io)
    case 'x509':
      return opensslX509(ctx, rest, io)
    default:
      if (STANDARD.has(sub)) return failWith(io, `openssl ${sub}: not modelled in this playground (genrsa, req, x509 and version are)\n`)
      return failWith(io, `Invalid command '${sub}'; type "help" for a list.\n`)
  }
}

/** The `openssl` program. */
export const OPENSSL_COMMANDS: Readonly<Record<string, CommandSpec>> = { openssl: { fn: openssl } }

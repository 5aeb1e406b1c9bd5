/**
 * `kubectl create secret tls NAME --cert=FILE --key=FILE` (kubectl pkg/cmd/create
 * create_secret_tls.go): reads both files (the editor's documents; from the workstation also
 * the files the laptop's shell wrote, e.g. with openssl), checks them
 * with tls.X509KeyPair, and creates a `kubernetes.io/tls` Secret holding them base64-encoded
 * under `tls.crt` and `tls.key`. Prints `secret/<name> created`.
 */
import type { KObject } from '../../model/k8s.ts'
import { fromApiError } from '../errors.ts'
import { base64OfText, x509KeyPairError } from '../format/pem.ts'
import { fail, ok } from '../result.ts'
import type { Invocation, KubectlContext, KubectlResult } from '../types.ts'
import { usageError } from '../errors.ts'

const SECRET_HELP = `Create a secret with specified type.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]
`

/** readFile's error when the file is not open in the editor (os.ReadFile's message). */
const cannotRead = (file: string): string => `Cannot read file ${file}, open ${file}: no such file or directory`

/** Runs `kubectl create secret …` (only `tls` is modelled). */
export function runCreateSecret(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const sub = inv.args[1]
  if (sub === undefined) return { stdout: '', stderr: SECRET_HELP, exitCode: 1 }
  if (sub !== 'tls') {
    if (sub === 'generic' || sub === 'docker-registry') return fail(`"kubectl create secret ${sub}" is not available in this playground`)
    return usageError(`unknown command "${sub}"`, 'kubectl create secret')
  }
  const args = inv.args.slice(2)
  if (args.length !== 1) return usageError(`exactly one NAME is required, got ${args.length}`, 'kubectl create secret tls')
  const name = args[0] as string
  const cert = typeof inv.flags.cert === 'string' ? inv.flags.cert : ''
  const key = typeof inv.flags.key === 'string' ? inv.flags.key : ''
  if (cert === '' || key === '') return fail('key and cert must be specified')
  const files = ctx.cluster?.files ?? {}
  if (!Object.hasOwn(files, cert)) return fail(cannotRead(cert))
  if (!Object.hasOwn(files, key)) return fail(cannotRead(key))
  const certText = files[cert] as string
  const keyText = files[key] as string
  const pairError = x509KeyPairError(certText, keyText)
  if (pairError) return fail(pairError)
  const server = ctx.cluster?.server
  if (!server) return fail('this playground cluster is read-only')
  const secret: KObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: inv.namespace },
    data: { 'tls.crt': base64OfText(certText), 'tls.key': base64OfText(keyText) },
    type: 'kubernetes.io/tls',
  }
  const dry = inv.flags['dry-run']
  if (dry === 'client') return ok(`secret/${name} created (dry run)\n`)
  try {
    server.create(secret)
  } catch (e) {
    // The create error is wrapped with fmt.Errorf, so kubectl prints it as a plain error.
    const err = fromApiError(e, { kind: 'Secret', apiVersion: 'v1', name })
    return fail(`failed to create secret: ${err.message}`)
  }
  ctx.cluster?.afterWrite()
  return ok(`secret/${name} created\n`)
}

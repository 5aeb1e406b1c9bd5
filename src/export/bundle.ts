/**
 * The one-file download: a bash script that writes the bundle's files into a directory with
 * quoted heredocs (no expansion, so every byte comes out as written) and then runs run.sh there.
 * Chosen over a zip because it is plain text the user can read before running it, needs nothing
 * but the bash that run.sh needs anyway, and stays byte-for-byte deterministic.
 */
import type { Lang } from '../i18n/lang.ts'
import { heredocDelimiter, sq } from './shell.ts'
import { exportText } from './text.ts'

/** A file of the bundle. */
export interface BundleFile {
  name: string
  text: string
  executable: boolean
}

/** The script's file name for a cluster. */
export const scriptName = (cluster: string): string => `${cluster}-kind.sh`

/** The directory the script writes. */
export const bundleDir = (cluster: string): string => `${cluster}-kind`

/** The self-extracting script for `files` (each file's text must end with a newline; one is added if not). */
export function selfExtractingScript(cluster: string, files: readonly BundleFile[], lang: Lang): string {
  const t = exportText(lang)
  const dir = bundleDir(cluster)
  const out: string[] = ['#!/usr/bin/env bash', `# ${t.bundleHeader(dir)}`, `# ${t.bundleUsage(scriptName(cluster))}`, 'set -euo pipefail', `dir=${sq(dir)}`, 'mkdir -p "$dir"']
  for (const f of files) {
    const body = f.text.endsWith('\n') ? f.text.slice(0, -1) : f.text
    const end = heredocDelimiter('PLAYGROUND_EOF', body)
    out.push(`cat > "$dir/${f.name}" <<'${end}'`, body, end)
    if (f.executable) out.push(`chmod +x "$dir/${f.name}"`)
  }
  out.push(`echo ${sq(t.bundleWrote(dir))}`)
  out.push('if [ "${1:-}" = "--extract-only" ]; then exit 0; fi')
  out.push('exec bash "$dir/run.sh"')
  return `${out.join('\n')}\n`
}

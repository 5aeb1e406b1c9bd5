/**
 * README.md and run.sh from one plan. run.sh shows each command before running it (the way a
 * user would type it, look-ups unexpanded), pauses before each step in a terminal, stops on a
 * failing setup command and goes on after a failing lesson command (some fail on purpose: a
 * ClusterIP does not answer ping). Every command is passed through a quoted heredoc, so run.sh
 * holds it byte for byte as README.md shows it.
 */
import type { Cmd, PlanSection } from './plan.ts'
import { heredocDelimiter, sq } from './shell.ts'
import type { ExportText } from './text.ts'

/** What both files say about the bundle. */
export interface RenderInput {
  t: ExportText
  cluster: string
  /** The scenario's title in the chosen language. */
  title: string
  file: string
  lessonTitle?: string
  /** Bullets of "What you need". */
  needs: string[]
  sections: PlanSection[]
  warnings: string[]
}

/** Markdown prose: `<` outside code spans would be read as HTML (`<pending>` would vanish). */
export function mdText(s: string): string {
  return s
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '\\<')))
    .join('')
}

const fence = (body: string): string => {
  const ticks = /```/.test(body) ? '~~~' : '```'
  return `${ticks}sh\n${body}\n${ticks}`
}

/** README.md. */
export function readmeText(r: RenderInput): string {
  const { t } = r
  const out: string[] = []
  out.push(t.readmeTitle(r.title), '', mdText(t.exportedFrom(r.file, r.lessonTitle)), '')
  out.push(t.needHeading, '', ...r.needs.map((n) => `- ${mdText(n)}`), '')
  out.push(t.filesHeading, '')
  out.push(`- \`kind-config.yaml\`: ${t.fileKindConfig}`)
  out.push(`- \`manifests.yaml\`: ${t.fileManifests}`)
  out.push(`- \`run.sh\`: ${t.fileRun}`)
  out.push(`- \`README.md\`: ${t.fileReadme}`, '')
  out.push(t.runHeading, '', t.runProse, '', t.differsLegend, '')
  out.push(t.stepsHeading, '')
  for (const s of r.sections) {
    out.push(`### ${s.title}`, '')
    for (const p of s.intro) out.push(mdText(p), '')
    if (s.bullets) out.push(...s.bullets.map((b) => `- ${mdText(b)}`), '')
    for (const step of s.steps) {
      if (step.title !== s.title) out.push(`#### ${step.title}`, '')
      for (const p of step.prose) out.push(mdText(p), '')
      if (step.cmds.length > 0) {
        out.push(fence(step.cmds.map((c) => c.line).join('\n')), '')
        const alts = step.cmds.filter((c) => c.alt !== undefined)
        if (alts.length > 0) out.push(`${t.linuxAlt}:`, '', fence(alts.map((c) => c.alt).join('\n')), '')
      }
      if (step.observe) out.push(`**${t.observe}:** ${mdText(step.observe)}`, '')
      for (const d of step.differs) out.push(`> **${t.differs}:** ${mdText(d)}`, '')
    }
  }
  if (r.warnings.length > 0) {
    out.push(t.notTranslatedHeading, '', t.notTranslatedProse, '', ...r.warnings.map((w) => `- ${mdText(w)}`), '')
  }
  while (out[out.length - 1] === '') out.pop()
  return `${out.join('\n')}\n`
}

/** Shell comment lines for a text (wrapped at about 100 columns). */
function comment(text: string, prefix = '# '): string[] {
  const lines: string[] = []
  let cur = ''
  for (const word of text.split(/\s+/)) {
    if (cur !== '' && cur.length + 1 + word.length > 100) {
      lines.push(prefix + cur)
      cur = word
    } else cur = cur === '' ? word : `${cur} ${word}`
  }
  if (cur !== '') lines.push(prefix + cur)
  return lines
}

/** A command as run.sh runs it: the helper reads it from a quoted heredoc. */
function runCmd(c: Cmd): string[] {
  const end = heredocDelimiter('CMD', c.line)
  const call = [`${c.must ? 'must' : 'try'} <<'${end}'`, c.line, end]
  const out = c.skipIf ? [`if ${c.skipIf.test}; then`, `  note ${sq(c.skipIf.message)}`, 'else', ...call.map((l, i) => (i === 0 ? `  ${l}` : l)), 'fi'] : call
  if (c.alt !== undefined) out.push(...c.alt.split('\n').map((l) => `#   ${l}`))
  return out
}

/** run.sh. */
export function runScriptText(r: RenderInput): string {
  const { t } = r
  const out: string[] = [
    '#!/usr/bin/env bash',
    ...comment(t.runHeader(r.title)),
    ...comment(t.runDiffersNote),
    'set -euo pipefail',
    'cd "$(dirname "$0")"',
    '',
    '# Shows a command, then runs it; a failure stops the script.',
    "must() { local c; c=$(cat); printf '\\n$ %s\\n' \"$c\"; eval \"$c\"; }",
    '# Shows a command, then runs it; a failure is reported and the script goes on (some lesson steps fail on purpose).',
    `try() { local c; c=$(cat); printf '\\n$ %s\\n' "$c"; eval "$c" || printf '(%s %s)\\n' ${sq(t.runExit)} "$?"; }`,
    '# Prints a step\'s title; in a terminal, waits for Enter first (NO_PAUSE=1 runs straight through).',
    `step() { printf '\\n=== %s ===\\n' "$1"; if [ -t 0 ] && [ -z "\${NO_PAUSE:-}" ]; then read -r -p ${sq(t.runPrompt)} _; fi; }`,
    "note() { printf '  %s\\n' \"$1\"; }",
    '',
    'for tool in kind kubectl; do',
    `  command -v "$tool" >/dev/null 2>&1 || { echo "$tool: "${sq(t.runMissing)} >&2; exit 1; }`,
    'done',
  ]
  for (const s of r.sections) {
    if (s.readmeOnly) continue
    for (const step of s.steps) {
      out.push('', `step ${sq(step.title)}`)
      for (const d of step.differs) out.push(...comment(`${t.differs}: ${d}`))
      for (const n of step.notes ?? []) out.push(`note ${sq(n)}`)
      for (const c of step.cmds) out.push(...runCmd(c))
    }
  }
  out.push('', `echo`, `echo ${sq(t.runDone(r.cluster))}`)
  return `${out.join('\n')}\n`
}

/**
 * `sim lesson [<id>] [--json] [--lang en|ko]`: runs a lesson headless, from its scenario and seed,
 * through the worker's own message handler (the paths the app uses), and prints each step's check.
 * Without an id it lists the lessons. Exit 0 when every step passed, 1 otherwise, 2 on usage errors.
 */
import { fileURLToPath } from 'node:url'
import { HostDriver } from '../lessons/hostDriver.ts'
import { runLesson } from '../lessons/runner.ts'
import { LESSONS, lessonById } from '../scenarios/lessons/index.ts'
import type { CliOutput, ReadFile } from './commands.ts'

const USAGE = 'usage: sim lesson [<id>] [--json] [--lang en|ko]\n'

/** Where the sample scenarios live (lessons name them by file). */
const SCENARIOS = fileURLToPath(new URL('../scenarios/', import.meta.url))

/** Runs `sim lesson …`. */
export async function runLessonCli(argv: string[], read: ReadFile): Promise<CliOutput> {
  const json = argv.includes('--json')
  const langAt = argv.indexOf('--lang')
  const lang = langAt >= 0 ? argv[langAt + 1] : 'en'
  if (lang !== 'en' && lang !== 'ko') return { stdout: '', stderr: `error: --lang must be en or ko\n${USAGE}`, code: 2 }
  const rest = argv.filter((a, i) => a !== '--json' && a !== '--lang' && (langAt < 0 || i !== langAt + 1))
  if (rest.length > 1) return { stdout: '', stderr: USAGE, code: 2 }
  const id = rest[0]
  if (id === undefined) {
    const rows = LESSONS.map((l) => `${String(l.section).padStart(2)}  ${l.id.padEnd(24)} ${l.title[lang]} (${l.steps.length} steps, ${l.scenario})`)
    return { stdout: json ? `${JSON.stringify(LESSONS.map((l) => ({ id: l.id, section: l.section, title: l.title, scenario: l.scenario, steps: l.steps.map((s) => s.id) })))}\n` : `${rows.join('\n')}\n`, stderr: '', code: 0 }
  }
  const lesson = lessonById(id)
  if (!lesson) return { stdout: '', stderr: `error: no lesson "${id}"; lessons: ${LESSONS.map((l) => l.id).join(', ')}\n`, code: 2 }
  let text: string
  try {
    text = read(SCENARIOS + lesson.scenario)
  } catch {
    return { stdout: '', stderr: `error: cannot read ${lesson.scenario}\n`, code: 2 }
  }
  const report = await runLesson(lesson, new HostDriver(), text)
  const ok = report.every((r) => r.pass)
  if (json) return { stdout: `${JSON.stringify({ lesson: lesson.id, pass: ok, steps: report })}\n`, stderr: '', code: ok ? 0 : 1 }
  const lines = report.map((r) => {
    const detail = r.actionError ?? r.check.detail?.[lang] ?? ''
    return `${r.pass ? '✓' : '✗'} ${r.step}${detail ? `  ${detail}` : ''}`
  })
  return { stdout: `${lesson.title[lang]}\n${lines.join('\n')}\n`, stderr: '', code: ok ? 0 : 1 }
}

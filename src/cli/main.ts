/** `npm run --silent sim -- …`: the engine, headless (see commands.ts and architecture.md). */
import { readFileSync } from 'node:fs'
import { runCli } from './commands.ts'
import { runLessonCli } from './lesson.ts'

const argv = process.argv.slice(2)
const read = (p: string) => readFileSync(p, 'utf8')
const out = argv[0] === 'lesson' ? await runLessonCli(argv.slice(1), read) : runCli(argv, read)
process.stdout.write(out.stdout)
process.stderr.write(out.stderr)
process.exitCode = out.code

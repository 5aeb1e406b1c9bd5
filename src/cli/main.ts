/** `npm run --silent sim -- …`: the engine, headless (see commands.ts and architecture.md). */
import { readFileSync } from 'node:fs'
import { runCli } from './commands.ts'

const out = runCli(process.argv.slice(2), (p) => readFileSync(p, 'utf8'))
process.stdout.write(out.stdout)
process.stderr.write(out.stderr)
process.exitCode = out.code

/**
 * The bundle's steps as data: sections of steps, each with prose for README.md, the commands
 * run.sh runs, and what differs from the simulator on kind. README.md and run.sh are both
 * rendered from this one plan, so they always show the same commands.
 */

/** A shell command of the bundle. */
export interface Cmd {
  /** The command as a user types it (several lines for a heredoc). */
  line: string
  /** Setup: a failure stops run.sh. Otherwise (lesson steps, some of which fail on purpose) run.sh shows the exit status and goes on. */
  must?: boolean
  /** A variant shown as a comment under it (e.g. the Linux-only request to the node itself). */
  alt?: string
  /** run.sh skips the command when this shell test succeeds, printing `skipMessage`. */
  skipIf?: { test: string; message: string }
}

/** One step. */
export interface PlanStep {
  title: string
  /** README paragraphs (Markdown). */
  prose: string[]
  /** README: where to look. */
  observe?: string
  cmds: Cmd[]
  /** Why the step does not behave exactly as in the simulator (each once). */
  differs: string[]
  /** Lines run.sh prints, for what it cannot do itself (start cloud-provider-kind in another terminal). */
  notes?: string[]
}

/** A section of steps. */
export interface PlanSection {
  title: string
  /** README paragraphs before the steps. */
  intro: string[]
  steps: PlanStep[]
  /** Left out of run.sh (README-only reading, e.g. "where to look"). */
  readmeOnly?: boolean
  /** README bullet list after the intro. */
  bullets?: string[]
}

/** Adds a difference once. */
export function addDiffer(step: { differs: string[] }, text: string): void {
  if (!step.differs.includes(text)) step.differs.push(text)
}

/**
 * What the app opens with, given the URL's share link and the user's own work (the autosave at
 * start, the editor when a link is pasted into an open page). The rule that protects the user's
 * work: a link never silently replaces work that differs from it — the user is asked — and a bad
 * link opens nothing (the user's own work loads, with the reason shown).
 */
import type { LinkProblem, LinkRead } from './codec.ts'
import type { SharePayload } from './payload.ts'

/** The user's own work: a scenario text and its file name. */
export interface OwnWork {
  text: string
  file: string
}

/** What to do. */
export type StartupPlan =
  /** Open the link: there is no own work, or it is the same scenario, or only an untouched sample. */
  | { kind: 'open'; payload: SharePayload }
  /** Ask: "Open the shared scenario" or "Keep my work". */
  | { kind: 'ask'; payload: SharePayload; own: OwnWork }
  /** Load the own work (and show the link's problem, if any). */
  | { kind: 'own'; own: OwnWork; problem?: LinkProblem }
  /** Nothing to open: the default scenario (and show the link's problem, if any). */
  | { kind: 'default'; problem?: LinkProblem }

/**
 * Decides. `pristine(text)` says whether a text is a bundled sample left untouched: replacing it
 * loses nothing, so it does not count as work worth a question.
 */
export function planStartup(link: LinkRead, own: OwnWork | undefined, pristine: (text: string) => boolean): StartupPlan {
  if (link.status === 'ok') {
    const p = link.payload
    if (!own || own.text === p.text || pristine(own.text)) return { kind: 'open', payload: p }
    return { kind: 'ask', payload: p, own }
  }
  const problem = link.status === 'bad' ? link.problem : undefined
  if (own) return problem ? { kind: 'own', own, problem } : { kind: 'own', own }
  return problem ? { kind: 'default', problem } : { kind: 'default' }
}

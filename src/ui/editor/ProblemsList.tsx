/**
 * The problems list under the editor: engine diagnostics sorted by position, each a button that
 * reveals its line in the editor. No Monaco import, so the App can load it eagerly.
 */
import { useId, useMemo } from 'react'
import type { Diagnostic } from '../../engine/model/errors.ts'
import { editorStrings } from './strings.ts'
import './problems.css'

/** Props of ProblemsList. */
export interface ProblemsListProps {
  diagnostics: readonly Diagnostic[]
  /** The user picked a problem: show its line (1-based line and column). */
  onReveal(line: number, col: number): void
  /** Level of the list's heading; default 3 (it sits under the editor pane's own heading). */
  headingLevel?: 2 | 3 | 4
}

/** An accessible list of the engine's diagnostics; clicking (or Enter / Space on) an item reveals the line. */
export function ProblemsList({ diagnostics, onReveal, headingLevel = 3 }: ProblemsListProps) {
  const headingId = useId()
  const Heading = `h${headingLevel}` as const
  const sorted = useMemo(() => [...diagnostics].sort((a, b) => a.line - b.line || a.col - b.col), [diagnostics])
  return (
    <section className="problems" aria-labelledby={headingId}>
      <Heading id={headingId} className="problems-heading">
        {editorStrings.problemsHeading} <span className="count">({sorted.length})</span>
      </Heading>
      {sorted.length === 0 ? (
        <p className="problems-none">{editorStrings.noProblems}</p>
      ) : (
        <ul className="problems-items">
          {sorted.map((d, i) => (
            <li key={i}>
              <button type="button" className={`problem problem-${d.severity}`} onClick={() => onReveal(d.line, d.col)}>
                <span className="problem-severity">{d.severity === 'error' ? editorStrings.error : editorStrings.warning}</span>
                <span className="problem-location">{editorStrings.location(d.line, d.col)}</span>
                <span className="problem-message">{d.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

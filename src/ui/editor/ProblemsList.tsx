/**
 * The problems list under the editor: engine diagnostics sorted by position, each a button that
 * reveals its line in the editor. No Monaco import, so the App can load it eagerly.
 */
import { useId, useMemo } from 'react'
import type { Diagnostic } from '../../engine/model/errors.ts'
import { fixExplanation, fixTitle } from './quickFix.ts'
import { editorStrings } from './strings.ts'
import { useLang } from '../i18n/useLang.ts'
import './problems.css'

/** Props of ProblemsList. */
export interface ProblemsListProps {
  diagnostics: readonly Diagnostic[]
  /** The user picked a problem: show its line (1-based line and column). */
  onReveal(line: number, col: number): void
  /** Level of the list's heading; default 3 (it sits under the editor pane's own heading). */
  headingLevel?: 2 | 3 | 4
  /**
   * The user asked for a problem's quick fix (`diagnostic.fix`). Without this prop fixes are not
   * offered; with it, a problem that has one shows its explanation and a button.
   */
  onFix?(diagnostic: Diagnostic): void
}

/** An accessible list of the engine's diagnostics; clicking (or Enter / Space on) an item reveals the line. */
export function ProblemsList({ diagnostics, onReveal, headingLevel = 3, onFix }: ProblemsListProps) {
  const lang = useLang()
  const t = editorStrings[lang]
  const headingId = useId()
  const idBase = useId()
  const Heading = `h${headingLevel}` as const
  const sorted = useMemo(() => [...diagnostics].sort((a, b) => a.line - b.line || a.col - b.col), [diagnostics])
  return (
    <section className="problems" aria-labelledby={headingId}>
      <Heading id={headingId} className="problems-heading">
        {t.problemsHeading} <span className="count">({sorted.length})</span>
      </Heading>
      {sorted.length === 0 ? (
        <p className="problems-none">{t.noProblems}</p>
      ) : (
        <ul className="problems-items">
          {sorted.map((d, i) => (
            <li key={i}>
              <button type="button" className={`problem problem-${d.severity}`} onClick={() => onReveal(d.line, d.col)}>
                <span className="problem-severity">{d.severity === 'error' ? t.error : t.warning}</span>
                <span className="problem-location">{t.location(d.line, d.col)}</span>
                <span className="problem-message">{d.message}</span>
              </button>
              {d.fix && onFix && (
                <div className="problem-fix">
                  <button type="button" className="primary problem-fix-button" aria-describedby={`${idBase}-fix-${i}`} onClick={() => onFix(d)}>
                    {fixTitle(d.fix, lang)}
                  </button>
                  <p className="problem-explanation" id={`${idBase}-fix-${i}`}>
                    {fixExplanation(d.fix, lang)}
                  </p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * "Compare clients": N requests from a curl-kind client and N from a browser-kind client to one
 * target, interleaved, through the app's controller (the worker's real request path, so the
 * packets animate on the diagram); two columns side by side with the connection each request used,
 * the pod that answered and a running per-pod tally; an explanation under them.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { HttpResult } from '../../engine/facade.ts'
import { appStore } from '../../store/appStore.ts'
import { selectHopMs } from '../../store/selectors.ts'
import { appController } from '../appController.ts'
import { useAppStore } from '../useAppStore.ts'
import { compareTargets, missingClientYaml, sendersFor, TARGET_KINDS } from './compareTargets.ts'
import type { CompareTarget, Senders, SideSender } from './compareTargets.ts'
import { explain } from './explain.ts'
import { appendRow, carryAfter, cookieOrigin, podName, shortCookie, SIDES, summarize, tallyBars } from './rows.ts'
import type { ClientSide, ColumnCarry, CompareRow, TallyBar } from './rows.ts'
import { COUNTS, DEFAULT_COUNT, paceMs, runComparison } from './runner.ts'
import { strings } from './strings.ts'
import type { CompareStrings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import './compare.css'

/** A run shown in the columns. */
interface RunState {
  target: CompareTarget
  senders: Senders
  rows: Record<ClientSide, CompareRow[]>
  status: 'running' | 'done' | 'stopped' | 'failed'
  done: number
  total: number
  /** Requests planned per side (the bars' full length). */
  perSide: number
  error?: string
}

function targetText(t: CompareStrings, target: CompareTarget): string {
  return t.targetLabel(target.address, target.service, target.node)
}

function statusText(t: CompareStrings, run: RunState): string {
  switch (run.status) {
    case 'running':
      return t.running(run.done, run.total)
    case 'done':
      return t.done(run.done)
    case 'stopped':
      return t.stopped
    case 'failed':
      return t.failed(run.error ?? '')
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function Connection({ row }: { row: CompareRow }) {
  const t = useStrings(strings)
  if (!row.connection) return <span className="cmp-muted">—</span>
  return (
    <span className="cmp-conn" title={t.connectionTitle(row.connection)}>
      <code>:{row.sourcePort}</code>{' '}
      <span className={`cmp-tag cmp-tag-${row.reuse}`}>{row.reuse === 'kept' ? t.connectionKept : t.connectionNew}</span>
    </span>
  )
}

function Answer({ row }: { row: CompareRow }) {
  const t = useStrings(strings)
  if (row.status === 0) {
    return (
      <span className="cmp-fail" title={row.error}>
        {t.failure[row.failure ?? 'other']}
      </span>
    )
  }
  return (
    <span>
      {row.status !== 200 && <span className="cmp-status">{t.statusPrefix(row.status)}</span>}
      {row.pod ? <code title={row.pod}>{podName(row.pod)}</code> : <span className="cmp-muted">—</span>}
    </span>
  )
}

function Rows({ side, rows, onShowTrace }: { side: ClientSide; rows: readonly CompareRow[]; onShowTrace(id: number): void }) {
  const t = useStrings(strings)
  return (
    <div className="cmp-table-wrap">
      <table className="cmp-table" aria-label={t.tableLabel(side)} data-testid={`compare-${side}`}>
        <thead>
          <tr>
            <th scope="col">{t.colNumber}</th>
            <th scope="col">{t.colConnection}</th>
            <th scope="col">{t.colPod}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <CompareTableRow key={row.n} side={side} row={row} origin={cookieOrigin(rows, row)} onShowTrace={onShowTrace} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CompareTableRow({ side, row, origin, onShowTrace }: { side: ClientSide; row: CompareRow; origin: number | undefined; onShowTrace(id: number): void }) {
  const t = useStrings(strings)
  const cookie = row.cookie
  return (
    <>
      <tr className="cmp-req" data-port={row.sourcePort} data-pod={row.pod}>
        <th scope="row">
          <button type="button" className="cmp-num" aria-label={t.showPacket(row.n, side)} title={t.showPacket(row.n, side)} onClick={() => onShowTrace(row.traceId)}>
            {row.n}
          </button>
        </th>
        <td><Connection row={row} /></td>
        <td><Answer row={row} /></td>
      </tr>
      {cookie && (
        <tr className="cmp-cookie">
          <td />
          <td colSpan={2}>
            {cookie.sent && (
              <div>
                <span className="cmp-muted">{t.cookieSent}</span> <code title={cookie.sent}>{shortCookie(cookie.sent)}</code>
                {origin !== undefined && <span className="cmp-muted"> {t.cookieFrom(origin)}</span>}
              </div>
            )}
            {cookie.set?.split('\n').map((line, i) => (
              <div key={i}>
                <span className="cmp-muted">{t.cookieSet}</span> <code title={line}>{shortCookie(line)}</code>
              </div>
            ))}
          </td>
        </tr>
      )}
    </>
  )
}

function Tally({ side, bars, total }: { side: ClientSide; bars: readonly TallyBar[]; total: number }) {
  const t = useStrings(strings)
  if (bars.length === 0) return null
  return (
    <div className="cmp-tally">
      <h4>{t.tallyHeading}</h4>
      <ul>
        {bars.map((b) => {
          const count = b[side]
          const pct = total > 0 ? Math.round((count / total) * 100) : 0
          return (
            <li key={b.pod} aria-label={t.tallyItem(podName(b.pod), count)}>
              <code className="cmp-tally-pod" aria-hidden="true">{podName(b.pod)}</code>
              <span className={`cmp-bar cmp-bar-${side}`} aria-hidden="true">
                <span style={{ width: `${pct}%` }} />
              </span>
              <span className="cmp-tally-count" aria-hidden="true">{count}</span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

function Missing({ side, sender }: { side: ClientSide; sender: Exclude<SideSender, { ok: true }> }) {
  const t = useStrings(strings)
  const config = useAppStore((s) => s.snapshot?.config)
  if (sender.reason === 'no-browser-inside') return <p className="cmp-note">{t.noBrowserInside}</p>
  if (sender.reason === 'no-pod') return <p className="cmp-note">{t.noPod}</p>
  return (
    <div className="cmp-note" data-testid={`compare-missing-${side}`}>
      <p>{t.missingClient(side)}</p>
      <p>{t.missingHowTo}</p>
      <pre><code>{config ? missingClientYaml(config, side) : ''}</code></pre>
    </div>
  )
}

function Column(props: { side: ClientSide; sender: SideSender; rows: readonly CompareRow[]; bars: readonly TallyBar[]; total: number; onShowTrace(id: number): void }) {
  const t = useStrings(strings)
  const { side, sender, rows } = props
  const headingId = useId()
  const sum = summarize(rows)
  return (
    <section className={`cmp-col cmp-col-${side}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{sender.ok ? t.sideTitle(side, sender.from) : t.side[side]}</h3>
      <p className="cmp-hint">{t.sideHint[side]}</p>
      {!sender.ok ? (
        <Missing side={side} sender={sender} />
      ) : rows.length === 0 ? (
        <p className="cmp-muted">{t.waiting}</p>
      ) : (
        <>
          <Rows side={side} rows={rows} onShowTrace={props.onShowTrace} />
          <p className="cmp-summary" data-testid={`compare-summary-${side}`}>{t.summary(sum.requests, sum.connections, sum.pods)}</p>
          <Tally side={side} bars={props.bars} total={props.total} />
        </>
      )}
    </section>
  )
}

/** The comparison view; `onShowTrace` shows a request's packet in the hop inspector. */
export function CompareView({ onShowTrace }: { onShowTrace(traceId: number): void }) {
  const t = useStrings(strings)
  const ids = { target: useId(), count: useId(), insecure: useId(), heading: useId() }
  const snapshot = useAppStore((s) => s.snapshot)
  const scenarioFile = useAppStore((s) => s.scenarioFile)
  const targets = useMemo(() => (snapshot ? compareTargets(snapshot) : []), [snapshot])
  const [targetKey, setTargetKey] = useState('')
  const [count, setCount] = useState<number>(DEFAULT_COUNT)
  const [insecure, setInsecure] = useState(false)
  const [run, setRun] = useState<RunState | null>(null)
  const stop = useRef(false)
  /** What each client left with each target (its kept-alive connection, its cookies), for the next run. */
  const carried = useRef(new Map<string, ColumnCarry>())
  const target = targets.find((x) => x.key === targetKey) ?? targets[0]
  const senders = snapshot && target ? sendersFor(snapshot, target) : undefined
  const running = run?.status === 'running'

  // A new scenario: the old run's pods and connections no longer exist.
  useEffect(() => {
    stop.current = true
    setRun(null)
    carried.current.clear()
  }, [scenarioFile])
  useEffect(() => () => void (stop.current = true), [])

  const start = async () => {
    if (!target || !senders || running) return
    const from: Partial<Record<ClientSide, string>> = {}
    for (const side of SIDES) {
      const s = senders[side]
      if (s.ok) from[side] = s.from
    }
    const sides = SIDES.filter((s) => from[s] !== undefined)
    if (sides.length === 0) return
    stop.current = false
    const carryKey = (side: ClientSide) => `${from[side]} ${target.key}`
    const before: Partial<Record<ClientSide, ColumnCarry>> = {}
    for (const side of sides) before[side] = carried.current.get(carryKey(side)) ?? {}
    const rows: Record<ClientSide, CompareRow[]> = { curl: [], browser: [] }
    setRun({ target, senders, rows: { curl: [], browser: [] }, status: 'running', done: 0, total: count * sides.length, perSide: count })
    const state = appStore.getState()
    const https = target.url.startsWith('https:')
    const onResult = (side: ClientSide, r: HttpResult, done: number) => {
      rows[side] = appendRow(rows[side], r, side, before[side])
      carried.current.set(carryKey(side), carryAfter(rows[side], before[side]))
      const snapshotRows = { ...rows }
      setRun((prev) => (prev && prev.status === 'running' ? { ...prev, done, rows: snapshotRows } : prev))
    }
    try {
      const outcome = await runComparison(
        { count, senders: from, url: target.url, ...(https && insecure ? { opts: { insecure: true } } : {}), paceMs: paceMs(selectHopMs(state), state.playback.speed) },
        { send: (f, url, opts) => appController.request(f, url, opts), wait: sleep, stopped: () => stop.current, onResult },
      )
      setRun((prev) => (prev && prev.status === 'running' ? { ...prev, status: outcome } : prev))
    } catch (err) {
      setRun((prev) => (prev ? { ...prev, status: 'failed', error: err instanceof Error ? err.message : String(err) } : prev))
    }
  }

  const shown = run ?? (target && senders ? { target, senders, rows: { curl: [], browser: [] }, status: 'done' as const, done: 0, total: 0, perSide: count } : null)
  const bars = shown ? tallyBars(shown.rows.curl, shown.rows.browser) : []
  const why = run && snapshot && (run.rows.curl.length > 0 || run.rows.browser.length > 0) ? explain(run.target, snapshot.objects, run.rows.curl, run.rows.browser) : null
  const canRun = !!target && !!senders && (senders.curl.ok || senders.browser.ok) && !running

  return (
    <section className="compare" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t.heading}</h2>
      <p className="cmp-intro">{t.intro}</p>
      <div className="cmp-controls">
        <div className="cmp-field">
          <label htmlFor={ids.target}>{t.target}</label>
          <select id={ids.target} value={target?.key ?? ''} disabled={targets.length === 0 || running} onChange={(e) => setTargetKey(e.target.value)}>
            {targets.length === 0 && <option value="">{t.noTargets}</option>}
            {TARGET_KINDS.map((kind) => {
              const list = targets.filter((x) => x.kind === kind)
              return list.length === 0 ? null : (
                <optgroup key={kind} label={t.targetGroups[kind]}>
                  {list.map((x) => (
                    <option key={x.key} value={x.key}>{targetText(t, x)}</option>
                  ))}
                </optgroup>
              )
            })}
          </select>
        </div>
        <div className="cmp-field">
          <label htmlFor={ids.count}>{t.count}</label>
          <select id={ids.count} value={count} disabled={running} onChange={(e) => setCount(Number(e.target.value))}>
            {COUNTS.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </div>
        {target?.url.startsWith('https:') && (
          <div className="cmp-check">
            <input id={ids.insecure} type="checkbox" checked={insecure} disabled={running} onChange={(e) => setInsecure(e.target.checked)} />
            <label htmlFor={ids.insecure} title={t.insecureTitle}>{t.insecure}</label>
          </div>
        )}
        <div className="cmp-actions">
          {running ? (
            <button type="button" onClick={() => void (stop.current = true)}>{t.stop}</button>
          ) : (
            <button type="button" className="primary" disabled={!canRun} onClick={() => void start()}>{t.run}</button>
          )}
          <span role="status" className="cmp-status-line">
            {run ? statusText(t, run) : ''}
          </span>
        </div>
      </div>
      {shown && (
        <div className="cmp-columns">
          {SIDES.map((side) => (
            <Column key={side} side={side} sender={shown.senders[side]} rows={shown.rows[side]} bars={bars} total={shown.perSide} onShowTrace={onShowTrace} />
          ))}
        </div>
      )}
      {why && (
        <section className="cmp-explain" aria-label={t.explanationHeading} data-testid="compare-explanation">
          <h3>{t.explanationHeading}</h3>
          <p>{t.explanation[why.main]}</p>
          {why.notes.map((n) => (
            <p key={n} className="cmp-explain-note">{t.notes[n]}</p>
          ))}
        </section>
      )}
    </section>
  )
}

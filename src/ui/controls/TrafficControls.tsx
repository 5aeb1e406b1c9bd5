/**
 * What to send and from where: a sender (client, pod or node), a target the sender can reach
 * (NodePorts on each node, load-balancer IPs, ClusterIPs from inside), one request or a stream.
 */
import { useId } from 'react'
import { selectSources, selectTargets, selectTraffic } from '../../store/selectors.ts'
import type { SourceKind, TargetKind, TrafficTarget } from '../../store/targets.ts'
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import { useAppStore } from '../useAppStore.ts'

/** Stream rates offered (requests per simulated second). */
export const RATES = [1, 2, 5, 10, 20] as const

const SOURCE_KINDS: SourceKind[] = ['client', 'pod', 'node']
const TARGET_KINDS: TargetKind[] = ['nodePort', 'loadBalancer', 'clusterIP']

function targetLabel(t: TrafficTarget): string {
  return strings.targetLabel(t.url.replace(/^http:\/\/|\/$/g, ''), t.service, t.node)
}

/** The traffic group of the toolbar. */
export function TrafficControls() {
  const fromId = useId()
  const toId = useId()
  const rateId = useId()
  const sources = useAppStore(selectSources)
  const targets = useAppStore(selectTargets)
  const traffic = useAppStore(selectTraffic)
  const perSecond = useAppStore((s) => s.traffic.perSecond)
  const streaming = useAppStore((s) => s.playback.stream !== null)
  const setTraffic = useAppStore((s) => s.setTraffic)
  const canSend = traffic.from !== '' && traffic.url !== ''

  const change = (choice: { from?: string; url?: string; perSecond?: number }) => {
    setTraffic(choice)
    // A running stream follows the choice.
    if (streaming) void appController.setStream(true)
  }

  return (
    <div className="control-group" role="group" aria-label={strings.trafficGroup}>
      <div className="control">
        <label htmlFor={fromId}>{strings.from}</label>
        <select id={fromId} value={traffic.from} onChange={(e) => change({ from: e.target.value })} data-testid="traffic-from">
          {SOURCE_KINDS.map((kind) => (
            <optgroup key={kind} label={strings.sourceGroups[kind]}>
              {sources.filter((s) => s.kind === kind).map((s) => (
                <option key={s.id} value={s.id}>{s.id}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={toId}>{strings.to}</label>
        <select id={toId} value={traffic.url} onChange={(e) => change({ url: e.target.value })} disabled={targets.length === 0} data-testid="traffic-to">
          {targets.length === 0 && <option value="">{strings.noTargets}</option>}
          {TARGET_KINDS.map((kind) => {
            const list = targets.filter((t) => t.kind === kind)
            return list.length === 0 ? null : (
              <optgroup key={kind} label={strings.targetGroups[kind]}>
                {list.map((t) => (
                  <option key={t.url} value={t.url}>{targetLabel(t)}</option>
                ))}
              </optgroup>
            )
          })}
        </select>
      </div>
      <button type="button" className="primary" disabled={!canSend} onClick={() => void appController.sendOnce()}>
        {strings.send}
      </button>
      <button type="button" aria-pressed={streaming} disabled={!canSend && !streaming} title={strings.streamTitle} onClick={() => void appController.setStream(!streaming)}>
        {strings.stream}
      </button>
      <div className="control">
        <label htmlFor={rateId} className="visually-hidden">{strings.rate}</label>
        <select id={rateId} value={perSecond} title={strings.rate} onChange={(e) => change({ perSecond: Number(e.target.value) })}>
          {RATES.map((n) => (
            <option key={n} value={n}>{strings.rateOption(n)}</option>
          ))}
        </select>
      </div>
    </div>
  )
}

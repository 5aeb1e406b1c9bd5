/**
 * What to send and from where: a sender (client, pod or node), a target the sender can reach
 * (NodePorts on each node, load-balancer IPs, ClusterIPs from inside), one request or a stream.
 */
import { useId } from 'react'
import { selectSources, selectTargets, selectTraffic } from '../../store/selectors.ts'
import type { SourceKind, TargetKind, TrafficTarget } from '../../store/targets.ts'
import { appController } from '../appController.ts'
import { strings } from '../strings.ts'
import type { AppStrings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'

/** Stream rates offered (requests per simulated second). */
export const RATES = [1, 2, 5, 10, 20] as const

const SOURCE_KINDS: SourceKind[] = ['client', 'pod', 'node']
const TARGET_KINDS: TargetKind[] = ['ingress', 'nodePort', 'loadBalancer', 'clusterIP']

function targetLabel(t: AppStrings, target: TrafficTarget): string {
  return t.targetLabel(target.url.replace(/^http:\/\/|\/$/g, ''), target.service, target.node)
}

/** The traffic group of the toolbar. */
export function TrafficControls() {
  const t = useStrings(strings)
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
  const insecure = useAppStore((s) => s.traffic.insecure)
  const insecureId = useId()

  const change = (choice: { from?: string; url?: string; perSecond?: number }) => {
    setTraffic(choice)
    // A running stream follows the choice.
    if (streaming) void appController.setStream(true)
  }

  return (
    <div className="control-group" role="group" aria-label={t.trafficGroup}>
      <div className="control">
        <label htmlFor={fromId}>{t.from}</label>
        <select id={fromId} value={traffic.from} onChange={(e) => change({ from: e.target.value })} data-testid="traffic-from">
          {SOURCE_KINDS.map((kind) => (
            <optgroup key={kind} label={t.sourceGroups[kind]}>
              {sources.filter((s) => s.kind === kind).map((s) => (
                <option key={s.id} value={s.id}>{s.id}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor={toId}>{t.to}</label>
        <select id={toId} value={traffic.url} onChange={(e) => change({ url: e.target.value })} disabled={targets.length === 0} data-testid="traffic-to">
          {targets.length === 0 && <option value="">{t.noTargets}</option>}
          {TARGET_KINDS.map((kind) => {
            const list = targets.filter((x) => x.kind === kind)
            return list.length === 0 ? null : (
              <optgroup key={kind} label={t.targetGroups[kind]}>
                {list.map((target) => (
                  <option key={target.url} value={target.url}>{targetLabel(t, target)}</option>
                ))}
              </optgroup>
            )
          })}
        </select>
      </div>
      {traffic.url.startsWith('https:') && (
        <div className="control">
          <input id={insecureId} type="checkbox" checked={insecure} onChange={(e) => setTraffic({ insecure: e.target.checked })} />
          <label htmlFor={insecureId} title={t.insecureTitle}>{t.insecure}</label>
        </div>
      )}
      <button type="button" className="primary" disabled={!canSend} onClick={() => void appController.sendOnce()}>
        {t.send}
      </button>
      <button type="button" aria-pressed={streaming} disabled={!canSend && !streaming} title={t.streamTitle} onClick={() => void appController.setStream(!streaming)}>
        {t.stream}
      </button>
      <div className="control">
        <label htmlFor={rateId} className="visually-hidden">{t.rate}</label>
        <select id={rateId} value={perSecond} title={t.rate} onChange={(e) => change({ perSecond: Number(e.target.value) })}>
          {RATES.map((n) => (
            <option key={n} value={n}>{t.rateOption(n)}</option>
          ))}
        </select>
      </div>
    </div>
  )
}

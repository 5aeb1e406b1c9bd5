/** `kubectl get endpoints` and `kubectl get endpointslices` rows (printers.go). */
import type { EndpointsObj, EndpointSliceObj, KObject } from '../../model/k8s.ts'
import { translateTimestampSince } from '../format/duration.ts'
import { joinHostPort, listWithMoreString, type PrintOptions, type TableHandler } from './types.ts'

/**
 * formatEndpoints(ep, nil): ready addresses × ports as `ip:port`, at most 3 then
 * ` + N more...`; `<none>` without subsets; only notReadyAddresses gives an empty cell.
 */
export function formatEndpoints(ep: EndpointsObj): string {
  const subsets = ep.subsets ?? []
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses = ss.addresses ?? []
    const ports = ss.ports ?? []
    if (ports.length === 0) {
      // Headless services may have no ports: list bare IPs.
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(a.ip)
      }
      continue
    }
    for (const port of ports) {
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(joinHostPort(a.ip, port.port))
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

/** Endpoints table: NAME ENDPOINTS AGE. */
export const endpointsTable: TableHandler = {
  columns: [{ name: 'Name' }, { name: 'Endpoints' }, { name: 'Age' }],
  row(obj: KObject, opts: PrintOptions): string[] {
    const ep = obj as EndpointsObj
    return [ep.metadata.name, formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, opts.now)]
  },
}

/** formatDiscoveryPorts: port numbers (or names, or `*`), max 3. */
export function formatDiscoveryPorts(slice: EndpointSliceObj): string {
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const port of slice.ports ?? []) {
    if (list.length < max) {
      list.push(port.port !== undefined && port.port !== null ? String(port.port) : port.name !== undefined && port.name !== null ? port.name : '*')
    } else if (list.length === max) {
      more = true
    }
    count++
  }
  return listWithMoreString(list, more, count, max)
}

/** formatDiscoveryEndpoints: every endpoint address (ready or not), max 3. */
export function formatDiscoveryEndpoints(slice: EndpointSliceObj): string {
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ep of slice.endpoints ?? []) {
    for (const address of ep.addresses ?? []) {
      if (list.length < max) list.push(address)
      else if (list.length === max) more = true
      count++
    }
  }
  return listWithMoreString(list, more, count, max)
}

/** EndpointSlice table: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSliceTable: TableHandler = {
  columns: [{ name: 'Name' }, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, { name: 'Age' }],
  row(obj: KObject, opts: PrintOptions): string[] {
    const s = obj as EndpointSliceObj
    return [
      s.metadata.name,
      s.addressType,
      formatDiscoveryPorts(s),
      formatDiscoveryEndpoints(s),
      translateTimestampSince(s.metadata.creationTimestamp, opts.now),
    ]
  },
}

/**
 * ClusterIP and NodePort allocators, as the API server's registry does it.
 *
 * Both split their range into a "static" lower band and a "dynamic" upper band and pick
 * dynamic values at random from the upper band first (KEP-3070 for ClusterIPs, KEP-3668 for
 * NodePorts; pkg/registry/core/service/{ipallocator,portallocator}). Randomness comes from the
 * cluster's seeded PRNG, so allocations replay exactly.
 */
import type { Cidr } from '../util/ip.ts'
import { nthAddress, parseIPv4 } from '../util/ip.ts'
import type { PrngState } from '../util/prng.ts'
import { nextInt } from '../util/prng.ts'

/** Size of the static band: min(max(min, size/step), max) (calculateRangeOffset upstream). */
export function rangeOffset(size: number, min: number, step: number, max: number): number {
  return Math.min(Math.max(min, Math.floor(size / step)), max)
}

/** Picks a free value in [lo, hi) uniformly at random, or undefined when all are taken. */
function pickFree(lo: number, hi: number, used: (v: number) => boolean, rng: PrngState): number | undefined {
  const n = hi - lo
  if (n <= 0) return undefined
  // Random probe first (cheap when the band is sparse), then a scan from a random start
  // (upstream's bitmap allocator does the same: random offset, then walk to the next free bit).
  const start = nextInt(rng, n)
  for (let i = 0; i < n; i++) {
    const v = lo + ((start + i) % n)
    if (!used(v)) return v
  }
  return undefined
}

/** ClusterIP allocator over the service CIDR (network and broadcast addresses excluded). */
export class ClusterIPAllocator {
  private readonly used = new Set<string>()
  private readonly offset: number

  constructor(private readonly cidr: Cidr) {
    // ipallocator: min 16, step 16, max 256 addresses in the static band.
    this.offset = rangeOffset(cidr.size - 2, 16, 16, 256)
  }

  /** True when ip lies in the service CIDR's usable range. */
  contains(ip: string): boolean {
    const n = parseIPv4(ip)
    return n !== undefined && n > this.cidr.base && n < this.cidr.base + this.cidr.size - 1
  }

  isAllocated(ip: string): boolean {
    return this.used.has(ip)
  }

  /** Reserves a specific address (a requested clusterIP). */
  reserve(ip: string): void {
    this.used.add(ip)
  }

  release(ip: string): void {
    this.used.delete(ip)
  }

  /** Allocates a random free address, upper band first. */
  allocate(rng: PrngState): string | undefined {
    const usable = this.cidr.size - 2
    const isUsed = (i: number) => this.used.has(nthAddress(this.cidr, i + 1))
    const i = pickFree(this.offset, usable, isUsed, rng) ?? pickFree(0, this.offset, isUsed, rng)
    if (i === undefined) return undefined
    const ip = nthAddress(this.cidr, i + 1)
    this.used.add(ip)
    return ip
  }
}

/** NodePort allocator over --service-node-port-range, shared by TCP/UDP/SCTP ports and healthCheckNodePorts. */
export class NodePortAllocator {
  private readonly used = new Set<number>()
  private readonly offset: number

  constructor(readonly base: number, readonly size: number) {
    // portallocator: min 16, step 32, max 128 ports in the static band (86 for 30000-32767).
    this.offset = rangeOffset(size, 16, 32, 128)
  }

  /** The range as the API server prints it, e.g. `30000-32767`. */
  get rangeText(): string {
    return `${this.base}-${this.base + this.size - 1}`
  }

  inRange(port: number): boolean {
    return port >= this.base && port < this.base + this.size
  }

  isAllocated(port: number): boolean {
    return this.used.has(port)
  }

  reserve(port: number): void {
    this.used.add(port)
  }

  release(port: number): void {
    this.used.delete(port)
  }

  /** Allocates a random free port, upper band first; undefined when the range is full. */
  allocate(rng: PrngState): number | undefined {
    const isUsed = (i: number) => this.used.has(this.base + i)
    const i = pickFree(this.offset, this.size, isUsed, rng) ?? pickFree(0, this.offset, isUsed, rng)
    if (i === undefined) return undefined
    this.used.add(this.base + i)
    return this.base + i
  }
}

/**
 * Paints packets on the canvas laid over the diagram: a handful of batched draw calls per frame
 * (one path per colour), so the cost barely grows with the number of packets in flight. The canvas
 * is screen-sized; the viewport transform maps flow coordinates onto it, so packets stay crisp at
 * every zoom.
 */
import type { PacketPlan, StepStyle } from './packetPath.ts'

/** Packet radius, the radius of a stopped packet's ✕ disc, the half side of an encrypted packet's square, in flow units. */
const DOT_R = 7
const STOP_R = 10
const TLS_R = 9
const STYLES: readonly StepStyle[] = ['request', 'reply', 'extra']

/** What the painter needs to know about a packet. */
export interface DrawnPacket {
  /** Drawn this frame. */
  visible: boolean
  x: number
  y: number
  style: StepStyle
  /** HTTPS: the payload is TLS-encrypted here; drawn as a rounded square with a lock. */
  tls: boolean
  /** Stopped by a drop / reject: drawn as a red ✕. */
  stopped: boolean
  /** For reduced-motion trails: the plan and the step the packet is on. */
  plan: PacketPlan | null
  lastStep: number
}

/** The viewport transform of React Flow: translate x, y and zoom. */
export type ViewTransform = readonly [number, number, number]

/** Packet colours, read from the diagram's CSS variables. */
interface Palette {
  request: string
  reply: string
  extra: string
  drop: string
  ring: string
  canvas: string
  font: string
}

/** Paints packets on one canvas. */
export class PacketPainter {
  private readonly ctx: CanvasRenderingContext2D | null
  private dpr = 1
  private dirty = true
  private palette: Palette

  constructor(private readonly canvas: HTMLCanvasElement, private readonly themeRoot: HTMLElement) {
    this.ctx = canvas.getContext('2d')
    this.palette = this.readPalette()
    this.fit()
  }

  /** Re-reads the colours (the theme changed). */
  refreshPalette(): void {
    this.palette = this.readPalette()
  }

  /** Matches the canvas bitmap to its size on screen and the device pixel ratio. */
  fit(): void {
    this.dpr = window.devicePixelRatio || 1
    this.canvas.width = Math.max(1, Math.round(this.canvas.clientWidth * this.dpr))
    this.canvas.height = Math.max(1, Math.round(this.canvas.clientHeight * this.dpr))
    this.dirty = true
  }

  /**
   * Paints one frame. `trails`: reduced motion, each packet's path so far; `rotateLabels`: the
   * extra-hop label runs along the lane (stacked layout, where the lane is at the edge).
   */
  paint(packets: Iterable<DrawnPacket>, view: ViewTransform, label: string, trails: boolean, rotateLabels: boolean): void {
    const ctx = this.ctx
    if (!ctx) return
    if (this.dirty) {
      ctx.setTransform(1, 0, 0, 1, 0, 0)
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height)
      this.dirty = false
    }
    const list = [...packets].filter((r) => r.visible)
    if (list.length === 0) return
    const [tx, ty, zoom] = view
    const k = this.dpr * zoom
    ctx.setTransform(k, 0, 0, k, this.dpr * tx, this.dpr * ty)
    this.dirty = true
    const p = this.palette
    if (trails) this.paintTrails(ctx, list)
    let anyTls = false
    for (const style of STYLES) {
      ctx.beginPath()
      let any = false
      for (const r of list) {
        if (r.stopped || r.style !== style) continue
        if (r.tls) {
          // Encrypted: a rounded square (the lock is drawn on all of them at once below).
          ctx.roundRect(r.x - TLS_R, r.y - TLS_R, 2 * TLS_R, 2 * TLS_R, 3)
          anyTls = true
        } else {
          ctx.moveTo(r.x + DOT_R, r.y)
          ctx.arc(r.x, r.y, DOT_R, 0, Math.PI * 2)
        }
        any = true
      }
      if (!any) continue
      ctx.fillStyle = p[style]
      ctx.fill()
      ctx.lineWidth = 2
      ctx.strokeStyle = p.ring
      ctx.stroke()
      if (style === 'extra') this.paintLabels(ctx, list, label, rotateLabels)
    }
    if (anyTls) this.paintLocks(ctx, list)
    this.paintStopped(ctx, list)
  }

  /** A small padlock on every encrypted packet: one path for the bodies, one for the shackles. */
  private paintLocks(ctx: CanvasRenderingContext2D, list: DrawnPacket[]): void {
    ctx.beginPath()
    for (const r of list) {
      if (!r.tls || r.stopped) continue
      ctx.rect(r.x - 4.5, r.y - 1, 9, 6.5)
    }
    ctx.fillStyle = this.palette.ring
    ctx.fill()
    ctx.beginPath()
    for (const r of list) {
      if (!r.tls || r.stopped) continue
      ctx.moveTo(r.x - 2.8, r.y - 1)
      ctx.lineTo(r.x - 2.8, r.y - 3)
      ctx.arc(r.x, r.y - 3, 2.8, Math.PI, 0)
      ctx.lineTo(r.x + 2.8, r.y - 1)
    }
    ctx.lineWidth = 1.6
    ctx.lineCap = 'butt'
    ctx.strokeStyle = this.palette.ring
    ctx.stroke()
  }

  private paintStopped(ctx: CanvasRenderingContext2D, list: DrawnPacket[]): void {
    const stopped = list.filter((r) => r.stopped)
    if (stopped.length === 0) return
    ctx.beginPath()
    for (const r of stopped) {
      ctx.moveTo(r.x + STOP_R, r.y)
      ctx.arc(r.x, r.y, STOP_R, 0, Math.PI * 2)
    }
    ctx.fillStyle = this.palette.drop
    ctx.fill()
    ctx.beginPath()
    for (const r of stopped) {
      ctx.moveTo(r.x - 5, r.y - 5)
      ctx.lineTo(r.x + 5, r.y + 5)
      ctx.moveTo(r.x + 5, r.y - 5)
      ctx.lineTo(r.x - 5, r.y + 5)
    }
    ctx.lineWidth = 2.6
    ctx.lineCap = 'round'
    ctx.strokeStyle = '#ffffff'
    ctx.stroke()
  }

  /** Reduced motion: each packet's path so far, hop by hop, in each hop's colour. */
  private paintTrails(ctx: CanvasRenderingContext2D, list: DrawnPacket[]): void {
    ctx.lineWidth = 4
    ctx.lineJoin = 'round'
    ctx.lineCap = 'round'
    ctx.globalAlpha = 0.55
    for (const style of STYLES) {
      ctx.beginPath()
      let any = false
      for (const r of list) {
        if (!r.plan) continue
        const steps = r.plan.steps
        for (let i = 0; i <= r.lastStep && i < steps.length; i++) {
          const st = steps[i]!
          if (st.kind !== 'move' || st.style !== style) continue
          ctx.moveTo(st.points[0]!.x, st.points[0]!.y)
          for (let j = 1; j < st.points.length; j++) ctx.lineTo(st.points[j]!.x, st.points[j]!.y)
          any = true
        }
      }
      if (!any) continue
      ctx.strokeStyle = this.palette[style]
      ctx.stroke()
    }
    ctx.globalAlpha = 1
  }

  private paintLabels(ctx: CanvasRenderingContext2D, list: DrawnPacket[], text: string, rotated: boolean): void {
    ctx.font = this.palette.font
    // Left of the packet: beside it where the lane has room, along the lane (rotated) where it has not.
    ctx.textAlign = rotated ? 'center' : 'right'
    ctx.textBaseline = rotated ? 'bottom' : 'alphabetic'
    ctx.lineWidth = 3
    ctx.strokeStyle = this.palette.canvas
    ctx.fillStyle = this.palette.extra
    for (const r of list) {
      if (r.stopped || r.style !== 'extra') continue
      if (rotated) {
        ctx.save()
        ctx.translate(r.x - 10, r.y)
        ctx.rotate(-Math.PI / 2)
        ctx.strokeText(text, 0, 0)
        ctx.fillText(text, 0, 0)
        ctx.restore()
      } else {
        ctx.strokeText(text, r.x - 11, r.y - 9)
        ctx.fillText(text, r.x - 11, r.y - 9)
      }
    }
  }

  private readPalette(): Palette {
    const cs = getComputedStyle(this.themeRoot)
    const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback
    return {
      request: v('--cd-request', '#1f5fbf'),
      reply: v('--cd-reply', '#0d7a57'),
      extra: v('--cd-extra', '#c2410c'),
      drop: v('--cd-drop', '#b3261e'),
      ring: v('--cd-dot-ring', '#ffffff'),
      canvas: v('--cd-canvas', '#f3f5f8'),
      font: `700 ${v('--cd-fs-small', '11.5px')} ${v('--cd-font', 'sans-serif')}`,
    }
  }
}

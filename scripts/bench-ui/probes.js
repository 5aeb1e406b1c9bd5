// Page-side probes of `npm run bench:ui`, injected before the app's own scripts (page.addInitScript).
// Plain JS on purpose: this text runs in Chromium as is. All times are performance.now() in the page,
// i.e. milliseconds since navigation start. The benchmark reads them back through window.__probe.
/* global window, document, performance, requestAnimationFrame, MutationObserver, CanvasRenderingContext2D */
// eslint-disable-next-line no-unused-vars
function __probeInit(opts) {
  const probe = { load: {}, edit: null, arcs: 0 }
  window.__probe = probe

  // Cold load: when the default scenario's pods are visible on the diagram, when the toolbar's Send
  // button is enabled, and when Monaco (lazy) has rendered its lines. Checked on every DOM mutation
  // batch and every frame (a stylesheet arriving changes visibility without a mutation).
  const load = probe.load
  const check = () => {
    const now = performance.now()
    if (load.pods === undefined) {
      const pods = [...document.querySelectorAll('.react-flow__node[data-id^="pod:"]')]
      if (pods.length >= opts.pods && pods.every((p) => p.checkVisibility({ visibilityProperty: true, opacityProperty: true }))) load.pods = now
    }
    if (load.send === undefined) {
      const send = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === opts.sendLabel)
      if (send && !send.disabled) load.send = now
    }
    if (load.interactive === undefined && load.pods !== undefined && load.send !== undefined) load.interactive = now
    if (load.monaco === undefined && document.querySelector('.manifest-editor .view-lines .view-line')) load.monaco = now
    return load.interactive !== undefined && load.monaco !== undefined
  }
  const mo = new MutationObserver(() => {
    if (check()) mo.disconnect()
  })
  mo.observe(document, { subtree: true, childList: true, attributes: true })
  const frame = () => {
    if (!check()) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)

  // Keystroke → diagram: the last keydown's time, and when `selector`'s text first contains `want`
  // (DOM updated) and the frame after that (about when it is painted).
  probe.watchEdit = (selector, want) => {
    const edit = { t0: 0, t1: 0, frame: 0, keys: 0 }
    probe.edit = edit
    const onKey = (e) => {
      edit.t0 = e.timeStamp
      edit.keys++
    }
    window.addEventListener('keydown', onKey, true)
    const watch = new MutationObserver(() => {
      const el = document.querySelector(selector)
      if (!edit.keys || !el || !el.textContent.includes(want)) return
      edit.t1 = performance.now()
      watch.disconnect()
      window.removeEventListener('keydown', onKey, true)
      requestAnimationFrame(() => (edit.frame = performance.now()))
    })
    watch.observe(document.body, { subtree: true, childList: true, characterData: true })
  }

  // Frames: count canvas arc() calls (one per packet dot drawn) so a frame's packet count is known.
  if (opts.countArcs) {
    const arc = CanvasRenderingContext2D.prototype.arc
    CanvasRenderingContext2D.prototype.arc = function (...args) {
      probe.arcs++
      return arc.apply(this, args)
    }
  }
  /** requestAnimationFrame callbacks over `ms`, and the packets drawn per frame (-1 when no frame ended in the window). */
  probe.fps = (ms) =>
    new Promise((resolve) => {
      const perFrame = []
      let frames = 0
      let arcs = probe.arcs
      let t0 = 0
      const tick = (t) => {
        if (!t0) t0 = t
        else {
          frames++
          perFrame.push(probe.arcs - arcs)
        }
        arcs = probe.arcs
        if (t - t0 < ms) return requestAnimationFrame(tick)
        perFrame.sort((a, b) => a - b)
        const n = perFrame.length
        resolve({ fps: (frames * 1000) / (t - t0), frames, packetsMedian: n ? perFrame[n >> 1] : -1, packetsMin: n ? perFrame[0] : -1, packetsMax: n ? perFrame[n - 1] : -1 })
      }
      requestAnimationFrame(tick)
    })
}

/**
 * The props of the playground's main components. Each component is driven by props only (it
 * never reads the store), so the diagram, the editor and the inspector can be built, tested and
 * reasoned about on their own; `App` wires them to the store.
 */
import type { ClusterConfig } from '../engine/model/cluster.ts'
import type { Diagnostic, DiagnosticFix } from '../engine/model/errors.ts'
import type { KObject } from '../engine/model/k8s.ts'
import type { Hop, Trace } from '../engine/model/net.ts'

/** A trace the UI is animating or has animated. */
export interface PacketRun {
  /** The engine's trace (hops in order; reply hops have `reply: true`). */
  trace: Trace
  /** performance.now() (ms) at which the animation of this trace started. */
  startedAt: number
  /** Where the request came from (client name, `ns/pod`, or node name), for labels. */
  from: string
}

/** Animation settings shared by the diagram and the playback controls. */
export interface AnimationSettings {
  /** Wall-clock milliseconds one hop takes at speed ×1. */
  hopMs: number
  /** Playback speed multiplier, 0.25–10. */
  speed: number
  /** Animate reply hops too. */
  showReplies: boolean
  /** prefers-reduced-motion (or the user's choice): no motion; hops appear step by step as highlights. */
  reducedMotion: boolean
  /** Paused: packets stay where they are. */
  paused: boolean
}

/** What is selected for inspection. */
export interface Selection {
  traceId?: number
  /** Index into the trace's hops. */
  hop?: number
}

/** Props of the cluster diagram (src/ui/diagram/ClusterDiagram.tsx, default export). */
export interface ClusterDiagramProps {
  config: ClusterConfig
  /** All API objects of the latest snapshot (Nodes, Pods, Services, EndpointSlices, Endpoints, Ingresses …). */
  objects: KObject[]
  /** Packets to animate (the diagram drops runs whose animation has finished, visually). */
  runs: PacketRun[]
  animation: AnimationSettings
  /** Per-pod request counts (`ns/name` → hits) for the hit counters. */
  hits: Record<string, number>
  selection: Selection
  /** The user clicked a packet (or a hop badge). */
  onSelect(sel: Selection): void
  /** The user asked to send a request to a target shown on the diagram (e.g. a Service port or a node port). */
  onSendTo?(target: { from?: string; url: string }): void
  /**
   * Element ids (`svc:default/kubia`, `pod:default/kubia-x`, `node:kind-worker`, `client:laptop`) the
   * view zooms to — presenter mode's "what this step is about"; absent, empty or naming nothing
   * shown: the whole picture.
   */
  focus?: readonly string[]
}

/** Props of the manifest editor (src/ui/editor/ManifestEditor.tsx, default export; lazy-loaded). */
export interface ManifestEditorProps {
  /** The text to show when the editor mounts or when `revision` changes (a load, not a keystroke). */
  text: string
  /** Bumped when the text is replaced from outside (load scenario, share link); keystrokes never bump it. */
  revision: number
  /** Engine diagnostics for the current text (line/column based), shown as markers. */
  diagnostics: Diagnostic[]
  /** Called on every edit with the full text (the App debounces applying it). */
  onChange(text: string): void
  /** Dark theme. */
  dark: boolean
  /** Large text for projection. */
  largeText: boolean
  /** Called once the editor is ready, with a way to reveal a line and apply a fix (for the problems list). */
  onReady?(api: ManifestEditorApi): void
}

/** What the manifest editor lets the problems list do. */
export interface ManifestEditorApi {
  /** Shows and focuses a 1-based line and column. */
  revealLine(line: number, col: number): void
  /**
   * Applies a diagnostic's quick fix as one undoable edit (the edit then flows through `onChange`
   * like typing). False when the text changed since the fix was computed, and nothing was done.
   */
  applyFix(fix: DiagnosticFix): boolean
}

/** Props of the hop inspector (src/ui/inspector/HopInspector.tsx, default export). */
export interface HopInspectorProps {
  trace: Trace | undefined
  /** Selected hop index. */
  hop: number | undefined
  onSelectHop(hop: number): void
  /** The ruleset text of a node (`iptables-save` / `nft list ruleset`), fetched on demand from the worker. */
  loadRuleset(node: string): Promise<string>
  /**
   * The API objects of the latest snapshot (optional): with them the inspector names the Ingress
   * rule a request matched, lists the hosts and paths a 404 missed and tells why a 503 happened.
   */
  objects?: readonly KObject[]
  /**
   * What the request got back, when the caller kept it (optional): the HTTP status, or curl's error
   * text when no response came (`curl: (6) Could not resolve host: …`), shown with an explanation.
   */
  response?: { status: number; error?: string }
}

export type { Hop, Trace }

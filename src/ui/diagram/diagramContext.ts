/** What the diagram's node components need besides their data: the layout metrics and the send action. */
import { createContext } from 'react'
import type { LayoutMetrics } from './layout.ts'
import { DEFAULT_METRICS } from './layout.ts'

/** Shared by every node component of one diagram. */
export interface DiagramContextValue {
  metrics: LayoutMetrics
  /** Present when the App lets the diagram send requests. */
  onSendTo?: (target: { from?: string; url: string }) => void
}

/** The diagram's context (metrics for normal text, no send action, until a diagram provides one). */
export const DiagramContext = createContext<DiagramContextValue>({ metrics: DEFAULT_METRICS })

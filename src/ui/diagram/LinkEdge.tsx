/** The edge of EndpointSlice and Ingress links: a curve, solid for ready endpoints, dashed otherwise (CSS). */
import { BaseEdge, getBezierPath } from '@xyflow/react'
import type { EdgeProps, EdgeTypes } from '@xyflow/react'
import { memo } from 'react'
import type { LinkEdge } from './flowElements.ts'

function LinkEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }: EdgeProps<LinkEdge>) {
  const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, curvature: 0.35 })
  return <BaseEdge id={id} path={path} className="cd-link-path" interactionWidth={0} />
}

/** React Flow edge types of the diagram (module scope). */
export const diagramEdgeTypes: EdgeTypes = { link: memo(LinkEdgeView) }

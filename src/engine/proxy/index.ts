/**
 * kube-proxy for one node: its ruleset as data (iptables or nftables mode), rendered text, and a
 * packet evaluator over that ruleset; plus the CNI portmap plugin's hostPort chains that share the
 * node's nat table (hostport.ts). Public surface of src/engine/proxy.
 */
import { buildIptablesRuleset } from './iptablesRules.ts'
import { buildNftRuleset } from './nftRules.ts'
import type { ProxyInputs, Ruleset } from './types.ts'

/** Builds the node's kube-proxy ruleset in the configured mode (`config.mode`). */
export function buildRuleset(inputs: ProxyInputs): Ruleset {
  return inputs.config.mode === 'nftables' ? buildNftRuleset(inputs) : buildIptablesRuleset(inputs)
}

export { renderRuleset } from './render.ts'
export type { RenderStyle } from './render.ts'
export { evaluatePacket, explorePacket, explorePaths } from './evaluate.ts'
export type { EvaluateOptions } from './evaluate.ts'
export { healthCheckResponse } from './healthCheck.ts'
export type { HealthCheckResponse } from './healthCheck.ts'
export { computeProbability } from './decimal.ts'
export {
  CNI_NETWORK_NAME,
  HostPortRulesets,
  hostPortChainName,
  hostPortPods,
  iptablesTables,
  ruleSource,
  sandboxID,
  withHostPorts,
} from './hostport.ts'
export type { HostPortPod, PortMapEntry } from './hostport.ts'
export type {
  AffinityTable,
  Chain,
  EvalContext,
  EvalResult,
  Hook,
  L4,
  Match,
  MatchedRule,
  NftSet,
  Packet,
  ProxyInputs,
  Rule,
  Ruleset,
  SetElement,
  Table,
  Target,
} from './types.ts'

/**
 * Every text the hop inspector and the rules view show, in one place, so the i18n issue can swap
 * this object for i18next (en + ko) without touching the components. Sentence case.
 */
export const strings = {
  inspectorLabel: 'Hop inspector',
  noTrace: 'Select a packet on the diagram (or send a request) to inspect its hops.',
  noHop: 'Select a hop in the list to see its headers, the rule that matched and the conntrack entry.',
  hopsLabel: 'Hops of the selected packet',
  hopsHint: 'Up and down arrows move between hops.',
  reply: 'reply',
  extraHop: 'extra hop',
  outcome: { delivered: 'delivered', dropped: 'dropped', rejected: 'rejected', unreachable: 'unreachable' },
  traceTitle: (id: number) => `Packet #${id}`,

  headersHeading: 'Headers',
  headersCaption: 'Packet headers before and after this hop; changed fields are highlighted.',
  field: 'Field',
  before: 'Before',
  after: 'After',
  proto: 'Protocol',
  source: 'Source',
  destination: 'Destination',
  changed: 'changed',
  unchangedNote: 'This hop does not rewrite the headers.',

  causeHeading: 'Why',
  causeSource: 'Decided by',
  causeChain: 'Chain',
  causeRule: 'Rule',
  causeComment: 'Comment',
  causeObject: 'Object',
  noCause: 'Plain forwarding: no rule rewrote or filtered this packet here.',
  showInRules: 'Show in ruleset',
  reasonHeading: 'Reason',

  conntrackHeading: 'Conntrack entry',
  conntrackIntro: (node: string) => `On ${node}, as conntrack -L prints it:`,
  conntrackCreated: 'created by this NAT (first packet of the connection)',
  conntrackUsed: 'looked up by this hop (the NAT comes from the entry, not from the rules)',
  conntrackNone: 'No node kept a NAT conntrack entry for this packet: nothing was NATed, or the packet was dropped before it left the node.',

  clientIpHeading: 'Client IP as the pod sees it',
  clientIpNotDelivered: 'The packet never reached a pod.',
  clientIpSnat: (seen: string, client: string, by: string) =>
    `The pod sees ${seen}, not the real client ${client}: ${by} masqueraded (SNAT) the connection, so the reply comes back through it.`,
  clientIpPreserved: (seen: string) => `Client IP preserved: the pod sees the real client ${seen}; no node rewrote the source address.`,

  rulesHeading: (node: string) => `Ruleset of ${node}`,
  rulesNode: 'Node',
  rulesFilter: 'Filter lines',
  rulesFilterPlaceholder: 'e.g. kubia or KUBE-SVC',
  rulesLoading: 'Loading the ruleset…',
  rulesFailed: 'The ruleset could not be loaded:',
  rulesCount: (shown: number, total: number) => (shown === total ? `${total} lines` : `${shown} of ${total} lines`),
  rulesMatched: (line: number) => `Matched rule on line ${line}`,
  rulesNotFound: 'The matched rule is not in this ruleset.',
  rulesJump: 'Scroll to the matched rule',
  rulesTextLabel: (node: string) => `Generated kube-proxy ruleset of ${node}`,
  rulesEmpty: 'No lines match the filter.',
} as const

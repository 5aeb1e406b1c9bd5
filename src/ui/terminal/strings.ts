/**
 * Every text the terminal pane shows, in one place, ready for i18n (sentence case). Command output
 * itself (kubectl, the shells) is never translated: it is what the real tools print.
 */
export const terminalStrings = {
  pane: 'Terminal',
  tabList: 'Terminal tabs',
  tabLabel: (title: string, kind: string) => `${title} (${kind})`,
  hostKinds: { workstation: 'workstation', pod: 'shell in a pod', node: 'shell on a node', client: 'shell on a client' },
  closeTab: (title: string) => `Close the shell on ${title}`,
  closeButton: 'Close',
  openShell: 'Shell on',
  openShellButton: 'Open shell',
  nodesGroup: 'Nodes',
  clientsGroup: 'External clients',
  terminalLabel: (title: string) => `Terminal: ${title}`,
  loading: 'Loading the terminal…',
  resize: 'Resize the terminal pane',
  greeting: 'kubectl runs against the simulated cluster. Tab completes, ↑ and ↓ recall earlier commands, Shift+Tab leaves the terminal.\n`kubectl exec -it <pod> -- bash` opens a shell in a pod.',
  workstationExit: 'This tab stays open; exit closes shell tabs.',
  failed: (message: string) => `error: the simulation did not answer: ${message}\n`,
  liveEditNote: (ref: string) => `Editing ${ref} in the editor: Apply saves it to the cluster, Cancel drops the change.`,
  liveEditHeading: (ref: string) => `Editing the live object ${ref}`,
  liveEditHelp: 'Saving applies this text to the cluster (kubectl edit). The manifests come back afterwards.',
  liveEditSave: 'Apply',
  liveEditCancel: 'Cancel',
} as const

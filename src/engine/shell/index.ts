/** Shells on pods, nodes and external clients: the public surface of src/engine/shell. */
export { Shells } from './shells.ts'
export type { ShellEnv, EnvVar, HostContext } from './env.ts'
export type { ShellHost, ShellResult, ShellRunOptions, ShellOpenResult, PromptFor } from './types.ts'
export { toolboxForImage, NODE_TOOLBOX, CLIENT_TOOLBOX } from './toolbox.ts'
export type { Toolbox } from './toolbox.ts'
export { DEFAULT_PING_COUNT } from './commands/ping.ts'
